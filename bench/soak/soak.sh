#!/usr/bin/env bash
# Soak test of scheduled indexing (run by hand, not by the test suite; bounded in time).
#
#   bench/soak/soak.sh [--rounds N] [--minutes M] [--copies K] CORPUS_DIR
#
# Copies CORPUS_DIR (K distinct copies, each a source of its own: 48 copies of the BBC
# corpus are 100,000 articles) to a scratch folder, gives every other source a footer
# line on all its articles (learnt as residue), and indexes it. Then, for N rounds or M
# minutes: makes random changes to ~2% of the files (new articles, new undated and dated
# ones, edits, touches, moves, deletions), runs newsdex-index incrementally while
# searches run in a loop, and checks that (1) the run exits 0, (2) the index holds
# exactly the terms (with their document frequencies) and the stored records (title,
# text, date, entities) of a fresh full build of the same files, near-duplicate groups
# included, and (3) no search failed. Every fifth round uses
# --rebuild instead of an incremental run. Exit 0 when all held.
set -euo pipefail

rounds=20 minutes=10 copies=1
while [ $# -gt 1 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --minutes) minutes=$2; shift 2 ;;
    --copies) copies=$2; shift 2 ;;
    *) break ;;
  esac
done
[ $# -eq 1 ] || { echo "usage: soak.sh [--rounds N] [--minutes M] [--copies K] CORPUS_DIR" >&2; exit 2; }
corpus=$1
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${NEWSDEX_BUILD_DIR:-"$repo/build"}
index_bin=$build/indexer/newsdex-index search_bin=$build/search/newsdex-search
digest_bin=$build/tests/newsdex-index-digest
for bin in "$index_bin" "$search_bin" "$digest_bin"; do
  [ -x "$bin" ] || { echo "soak: $bin missing: build newsdex first" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'kill "$searcher" 2>/dev/null || true; rm -rf "$work"' EXIT
# shellcheck source=../lib.sh
source "$repo/bench/lib.sh"
replicate_corpus "$corpus" "$work/corpus" "$copies"
footers=0
for source in "$work/corpus"/copy-*; do
  case "$source" in *[13579]) ;; *) continue ;; esac
  find "$source" -name '*.txt' -exec sh -c 'printf "\nGet the %s briefing in your inbox\n" "$1" >> "$2"' _ "$(basename "$source")" {} \;
  footers=$((footers + 1))
done
echo "soak: $(find "$work/corpus" -name '*.txt' | wc -l) articles in $copies sources, $footers with a footer line"
live=$work/live
started=$(date +%s)
"$index_bin" --quiet --rebuild --db "$live" "$work/corpus" || [ $? -eq 1 ]
echo "soak: first build in $(( $(date +%s) - started )) s; learnt: $("$index_bin" --db "$live" --status | grep -c ' briefing in your inbox') footer lines"

# Searches in a loop for the whole soak; any failure is counted in a file.
: > "$work/search-failures"
(
  queries=(the "prime minister" "person:blair" "place:london" "section:sport" "econom*" "topic:election")
  while true; do
    for q in "${queries[@]}"; do
      "$search_bin" --db "$live" --json --limit 20 "$q" > /dev/null 2>> "$work/search-errors" ||
        echo "$q" >> "$work/search-failures"
    done
  done
) &
searcher=$!

deadline=$(( $(date +%s) + minutes * 60 ))
for (( round = 1; round <= rounds; round++ )); do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "soak: time is up after $((round - 1)) rounds"; break; }
  python3 "$repo/bench/soak/mutate.py" "$work/corpus" "$round" > "$work/changes"
  mode=incremental
  args=()
  if (( round % 5 == 0 )); then mode=rebuild; args=(--rebuild); fi
  started=$(date +%s)
  "$index_bin" --quiet "${args[@]}" --db "$live" --report-json "$work/report.json" "$work/corpus" ||
    { echo "soak: round $round: newsdex-index failed ($mode)"; exit 1; }
  seconds=$(( $(date +%s) - started ))
  rm -rf "$work/fresh"
  "$index_bin" --quiet --db "$work/fresh" "$work/corpus"
  "$digest_bin" "$live" > "$work/live.digest"
  "$digest_bin" "$work/fresh" > "$work/fresh.digest"
  if ! cmp -s "$work/live.digest" "$work/fresh.digest"; then
    echo "soak: round $round ($mode): the index differs from a fresh build:"
    diff "$work/live.digest" "$work/fresh.digest" | head -20
    exit 1
  fi
  printf 'round %2d (%s, %d s): %s; index equals a fresh build; %s\n' "$round" "$mode" "$seconds" \
    "$(cat "$work/changes")" \
    "$(python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["counts"]; print(", ".join(f"{k} {v}" for k, v in c.items()))' "$work/report.json")"
done

kill "$searcher" 2>/dev/null || true
wait "$searcher" 2>/dev/null || true
failures=$(wc -l < "$work/search-failures")
if [ "$failures" -ne 0 ]; then
  echo "soak: $failures searches failed:"; head -5 "$work/search-errors"; exit 1
fi
echo "soak: all rounds passed; no search failed"
