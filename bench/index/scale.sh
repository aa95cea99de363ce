#!/usr/bin/env bash
# Does newsdex-index's cost grow linearly with the corpus? Builds a fresh index of the
# corpus copied 10 times and K times (default 50), one run each, and prints articles
# per second, peak memory and index size for both, and the throughput ratio.
#
#   bench/index/scale.sh [--copies K] CORPUS_DIR
# Exit: 0 done, 1 a run failed, 2 usage, 77 a tool is missing.
set -euo pipefail

copies=50
if [ "${1:-}" = --copies ]; then copies=$2; shift 2; fi
[ $# -eq 1 ] || { echo "usage: scale.sh [--copies K] CORPUS_DIR" >&2; exit 2; }
corpus=$(cd "$1" && pwd)
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=../lib.sh
source "$repo/bench/lib.sh"
index_bin=${NEWSDEX_BUILD_DIR:-"$repo/build"}/indexer/newsdex-index
[ -x "$index_bin" ] || { echo "scale.sh: build newsdex first ($index_bin)" >&2; exit 77; }
[ -x /usr/bin/time ] || { echo "scale.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 77; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "newsdex scaling benchmark"
machine_line
for k in 10 "$copies"; do
  rm -rf "$work/corpus" "$work/index"
  replicate_corpus "$corpus" "$work/corpus" "$k"
  articles=$(find "$work/corpus" -name '*.txt' | wc -l)
  /usr/bin/time -o "$work/time" -f '%e %M' "$index_bin" --quiet --db "$work/index" "$work/corpus" || [ $? -eq 1 ]
  read -r seconds peak_kib < "$work/time"
  bytes=$(du -sb "$work/index" | cut -f1)
  rate=$(python3 -c "print(f'{$articles/$seconds:.0f}')")
  printf '  %3sx: %7s articles in %7.1f s, %5s articles/s, peak %6s MiB, index %6s MiB\n' \
    "$k" "$articles" "$seconds" "$rate" "$((peak_kib / 1024))" "$((bytes / 1048576))"
  echo "$rate" >> "$work/rates"
done
python3 -c "import sys; a,b=[float(x) for x in open(sys.argv[1])]; print(f'  throughput at ${copies}x: {b/a:.2f}x the 10x figure')" "$work/rates"
