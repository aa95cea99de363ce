#!/usr/bin/env bash
# README command 1: set up, build, index sample-corpus/ and run a few searches.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${NEWSDEX_BUILD_DIR:-"$repo/build"}
"$repo/scripts/setup.sh"

index="$build_dir/sample-index"
"$build_dir/indexer/newsdex-index" --db "$index" "$repo/sample-corpus"

search() {
  printf '\n$ newsdex-search --db %s %s\n' "build/sample-index" "$*"
  "$build_dir/search/newsdex-search" --db "$index" --limit 3 "$@"
}
search ceasefire rafah
search '"prime minister"' section:politics
search 'title:blinken'
printf '\nThe tools are in %s/indexer and %s/search; try --help.\n' "$build_dir" "$build_dir"
