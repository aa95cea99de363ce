#!/usr/bin/env bash
# Salience of entity-only queries (see salience.py): indexes CORPUS_DIR with newsdex and
# reports, for the most frequent people, places and organisations, how often an article
# whose title names the entity ranks in the top 3 of person:/place:/org:"NAME", beside
# the plain phrase query.
#
#   bench/salience/run.sh [--per-class K] CORPUS_DIR    (e.g. the BBC News corpus's news folder)
#
# newsdex is taken from $NEWSDEX_BUILD_DIR (default: build/ at the repository root).
# Exit: 0 ran, 1 a step failed, 2 usage, 77 newsdex is not built.
set -euo pipefail
per_class=40
if [ "${1:-}" = --per-class ]; then per_class=$2; shift 2; fi
[ $# -eq 1 ] || { echo "usage: run.sh [--per-class K] CORPUS_DIR" >&2; exit 2; }
corpus=$(cd "$1" && pwd)
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=../lib.sh
source "$repo/bench/lib.sh"
build=${NEWSDEX_BUILD_DIR:-"$repo/build"}
index_bin=$build/indexer/newsdex-index search_bin=$build/search/newsdex-search
[ -x "$index_bin" ] && [ -x "$search_bin" ] || { echo "run.sh: build newsdex first ($build)" >&2; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "newsdex entity salience"
machine_line
"$index_bin" --quiet --db "$work/index" "$corpus" || [ $? -eq 1 ]
python3 "$repo/bench/salience/salience.py" "$search_bin" "$work/index" --per-class "$per_class"
