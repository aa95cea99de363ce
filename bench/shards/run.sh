#!/usr/bin/env bash
# Search latency as shards grow: the same corpus indexed as 1, 2, 4 and 8 shards,
# searched whole-process through the folder's stub (local shards) and through
# xapian-tcpsrv servers on 127.0.0.1 (remote shards), side by side in one hyperfine run
# per query. Prints medians (min-max) and the ratio to one local database, plus the
# indexing rate and index bytes per article of each layout: the figures the README's
# capacity estimate ("Running on several machines") is worked from.
#
#   bench/shards/run.sh [--copies K] [--runs N] CORPUS_DIR
# Exit: 0 done, 1 a step failed, 2 usage, 77 a tool is missing.
set -euo pipefail

copies=3 runs=10
while [ $# -gt 1 ]; do
  case "$1" in
    --copies) copies=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) break ;;
  esac
done
[ $# -eq 1 ] || { echo "usage: run.sh [--copies K] [--runs N] CORPUS_DIR" >&2; exit 2; }
corpus=$(cd "$1" && pwd)
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=../lib.sh
source "$repo/bench/lib.sh"
build=${NEWSDEX_BUILD_DIR:-"$repo/build"}
index_bin=$build/indexer/newsdex-index search_bin=$build/search/newsdex-search
for tool in xapian-tcpsrv hyperfine python3; do
  command -v "$tool" > /dev/null || { echo "run.sh: $tool is missing" >&2; exit 77; }
done
[ -x "$index_bin" ] || { echo "run.sh: build newsdex first ($index_bin)" >&2; exit 77; }

work=$(mktemp -d)
servers=()
cleanup() {
  for pid in "${servers[@]}"; do kill "$pid" 2> /dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

replicate_corpus "$corpus" "$work/corpus" "$copies"
articles=$(find "$work/corpus" -name '*.txt' | wc -l)
echo "newsdex shards benchmark"
machine_line
echo "corpus:   $articles articles ($copies copies)"
echo
echo "== Indexing (one run each, --jobs $(nproc))"
port=$(( 20000 + RANDOM % 20000 ))
for shards in 1 2 4 8; do
  start=$(date +%s.%N)
  "$index_bin" --quiet --db "$work/s$shards" --shards "$shards" "$work/corpus" || [ $? -eq 1 ]
  end=$(date +%s.%N)
  bytes=$(du -sb "$work/s$shards" | cut -f1)
  python3 -c "import sys; s,e,n,b,k=sys.argv[1:]; t=float(e)-float(s); print(f'  {k} shard(s): {t:6.1f} s, {int(n)/t:6.0f} articles/s, {int(b)/int(n):6.0f} index bytes/article')" \
    "$start" "$end" "$articles" "$bytes" "$shards"
  # The same shards served by xapian-tcpsrv on loopback, behind a stub of remote lines.
  if [ "$shards" -gt 1 ]; then
    mkdir -p "$work/r$shards"
    cp -r "$work/s$shards/side" "$work/r$shards/side"
    for (( i = 0; i < shards; i++ )); do
      xapian-tcpsrv --interface 127.0.0.1 --port "$port" "$work/s$shards/$(printf 'shard-%02d' "$i")" > /dev/null 2>&1 &
      servers+=("$!")
      echo "remote 127.0.0.1:$port" >> "$work/r$shards/XAPIANDB"
      port=$((port + 1))
    done
  fi
done
sleep 1
echo

queries=("economy growth" '"prime minister"' "blair" "oil AND price")
for i in "${!queries[@]}"; do
  query=${queries[$i]}
  args=()
  for shards in 1 2 4 8; do
    args+=(-n "local-$shards" "$search_bin --db $work/s$shards --color=never --facets '$query'")
  done
  for shards in 2 4 8; do
    args+=(-n "remote-$shards" "$search_bin --db $work/r$shards --color=never --facets '$query'")
  done
  hyperfine -N --style none --warmup 2 --runs "$runs" --export-json "$work/q$i.json" "${args[@]}" > /dev/null 2>&1 ||
    { echo "run.sh: query $query failed"; exit 1; }
done
python3 - "$work"/q*.json <<'PY'
import json, statistics, sys
rows = {}
for path in sys.argv[1:]:
    for r in json.load(open(path))["results"]:
        rows.setdefault(r["command"], []).append(r)
base = statistics.median(statistics.median(r["times"]) for r in rows["local-1"])
print("== Search with --facets, whole process, median over the query table")
for name, results in rows.items():
    med = statistics.median(statistics.median(r["times"]) for r in results)
    lo = min(min(r["times"]) for r in results); hi = max(max(r["times"]) for r in results)
    print(f"  {name:10s} median {med*1000:6.1f} ms ({lo*1000:.1f}-{hi*1000:.1f}), {med/base:4.2f}x one database")
PY
