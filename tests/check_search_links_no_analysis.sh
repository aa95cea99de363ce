#!/usr/bin/env bash
# newsdex-search must link the index contract only (common/index), none of the analysis
# (common/analysis: readers, cleaning, dates, entities, topics, the tagger's model): the
# layers of the README's architecture, checked on the binary rather than trusted to the
# CMake files. Fails, listing them, when the search binary defines any function or object
# that the analysis library defines and the contract library does not (inline functions
# of the contract's headers, such as an implicit destructor, are emitted in both).
#
#   check_search_links_no_analysis.sh NEWSDEX_SEARCH LIBNEWSDEX_ANALYSIS_A LIBNEWSDEX_INDEX_A
# Exit: 0 none shared, 1 some shared, 2 usage or a tool missing.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: check_search_links_no_analysis.sh SEARCH_BINARY ANALYSIS_LIBRARY INDEX_LIBRARY" >&2; exit 2; }
command -v nm > /dev/null || { echo "check: nm is missing (binutils)" >&2; exit 2; }
binary=$1 library=$2 contract=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Defined code and data symbols (T/t, D/d, B/b, R/r, W/V), by name; weak template
# instances of the standard library are shared by any two programs, so only names in
# namespace newsdex count; names in anonymous namespaces are each file's own (two files
# may both have a helper `trim`), and come with the public functions that use them.
defined() { nm -C --defined-only "$1" 2> /dev/null | awk '$2 ~ /^[TtDdBbRrWwVv]$/ { $1 = ""; $2 = ""; sub(/^  /, ""); print }' | grep '^newsdex::' | grep -v '(anonymous namespace)' | sort -u; }
defined "$contract" > "$work/contract"
defined "$library" | comm -23 - "$work/contract" > "$work/analysis"
defined "$binary" > "$work/search"
[ -s "$work/analysis" ] || { echo "check: no newsdex symbols in $library" >&2; exit 2; }
[ -s "$work/search" ] || { echo "check: no newsdex symbols in $binary (stripped?)" >&2; exit 2; }
comm -12 "$work/analysis" "$work/search" > "$work/shared"
if [ -s "$work/shared" ]; then
  echo "newsdex-search links analysis code ($(wc -l < "$work/shared") symbols), e.g.:"
  head -20 "$work/shared"
  exit 1
fi
echo "newsdex-search links no analysis code ($(wc -l < "$work/search") newsdex symbols checked against $(wc -l < "$work/analysis"))"
