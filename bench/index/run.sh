#!/usr/bin/env bash
# Whole-process benchmark of newsdex against the Debian tools users would pick instead:
# omindex (xapian-omega, default and XAPIAN_FLUSH_THRESHOLD=500) and recollindex for
# indexing, quest and recollq for searching. Side by side in one run (hyperfine), medians
# with min-max, ratios newsdex/baseline, peak memory and index size.
#
#   bench/index/run.sh [--copies K] [--runs N] CORPUS_DIR
#   bench/index/run.sh --smoke CORPUS_DIR      # 1 copy, 1 run: keeps the script working
#   bench/index/run.sh --only footer ...       # only the full index with a footer per source
#   bench/index/run.sh --only search ...       # only the searches (each index built once)
#
# CORPUS_DIR is a folder of .txt articles (e.g. the BBC News corpus's news folder); it is
# copied K times into a scratch folder, each copy made distinct by its titles.
# Exit: 0 all steps ran, 1 a step failed, 2 usage, 77 a tool is missing.
set -euo pipefail

copies=10 runs=3 smoke=0 only=""
# A search takes milliseconds, so it is repeated far more often than an index run: with
# a handful of runs its median is mostly the machine's noise.
search_runs=40
while [ $# -gt 1 ]; do
  case "$1" in
    --copies) copies=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --smoke) smoke=1; copies=1; runs=1; search_runs=1; shift ;;
    --only) only=$2; shift 2 ;;
    *) break ;;
  esac
done
[ $# -eq 1 ] || { echo "usage: run.sh [--copies K] [--runs N] [--smoke] CORPUS_DIR" >&2; exit 2; }
corpus=$(cd "$1" && pwd)
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=../lib.sh
source "$repo/bench/lib.sh"
build=${NEWSDEX_BUILD_DIR:-"$repo/build"}
index_bin=$build/indexer/newsdex-index search_bin=$build/search/newsdex-search
for tool in omindex quest recollindex recollq hyperfine /usr/bin/time; do
  command -v "$tool" > /dev/null || {
    echo "run.sh: $tool is missing (apt-get install xapian-omega xapian-tools recollcmd hyperfine time)" >&2
    exit 77
  }
done
[ -x "$index_bin" ] || { echo "run.sh: build newsdex first ($index_bin)" >&2; exit 77; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "newsdex index and search benchmark"
machine_line
echo "versions: $("$index_bin" --version); omindex $(omindex --version | awk '{print $NF}'); recoll $(dpkg-query -W -f='${Version}' recollcmd 2>/dev/null)"

# The corpus, K distinct copies.
replicate_corpus "$corpus" "$work/corpus" "$copies"
articles=$(find "$work/corpus" -name '*.txt' | wc -l)
echo "corpus:   $articles articles ($copies copies), $(du -sh "$work/corpus" | cut -f1)"
echo

mkdir -p "$work/recoll"
printf 'topdirs = %s\nloglevel = 1\n' "$work/corpus" > "$work/recoll/recoll.conf"
q() { printf '%q' "$1"; }
newsdex_index="$(q "$index_bin") --quiet --db $(q "$work/newsdex") $(q "$work/corpus")"
omindex_cmd="omindex --db $(q "$work/omega") --url / $(q "$work/corpus")"
omindex500_cmd="env XAPIAN_FLUSH_THRESHOLD=500 omindex --db $(q "$work/omega500") --url / $(q "$work/corpus")"
recoll_cmd="recollindex -c $(q "$work/recoll")"

bench() {  # bench NAME [hyperfine args...]: runs hyperfine, writes $work/NAME.json
  local name=$1; shift
  hyperfine -N --style none --export-json "$work/$name.json" --runs "$runs" "$@" > /dev/null 2>&1 ||
    { echo "run.sh: $name failed"; hyperfine -N --runs 1 "$@"; exit 1; }
}
# bench_in_rounds NAME [hyperfine args...]: as bench, but one run of every command per
# round, the rounds one after the other, so that a slow spell of a shared machine falls
# on every tool alike instead of on whichever hyperfine happened to be running (runs of
# tens of seconds, where one tool's block of runs lasts minutes).
bench_in_rounds() {
  local name=$1 round; shift
  for (( round = 1; round <= runs; round++ )); do
    runs=1 bench "$name.round$round" "$@"
  done
  python3 "$repo/bench/index/report.py" --merge "$work/$name.json" "$work/$name".round*.json
  rm -f "$work/$name".round*.json
}
report() {  # report NAME TITLE: median (min-max) per command and newsdex's ratio
  python3 "$repo/bench/index/report.py" "$work/$1.json" "$2"
}

if [ -z "$only" ]; then
echo "== Indexing, full (a fresh index each run)"
bench_in_rounds full --prepare "rm -rf $(q "$work/newsdex") $(q "$work/newsdex.lock") $(q "$work/omega") $(q "$work/omega500") $(q "$work/recoll/xapiandb")" \
  -n newsdex "$newsdex_index" -n omindex "$omindex_cmd" -n "omindex-flush500" "$omindex500_cmd" \
  -n recollindex "$recoll_cmd -z"
report full "full index"
fi

if [ "$only" != search ]; then
echo "== Indexing, full, every source's articles ending with its own footer line"
# As a site's footer would: learnt as residue before any article is cleaned, so the run
# costs about what the plain corpus costs, and the footer is not searchable.
footer_corpus=$work/footer-corpus
cp -r "$work/corpus" "$footer_corpus"
for source in "$footer_corpus"/*/; do
  name=$(basename "$source")
  find "$source" -name '*.txt' -exec sh -c 'printf "\nGet the %s evening briefing in your inbox\n" "$1" >> "$2"' _ "$name" {} \;
done
bench_in_rounds footer --prepare "rm -rf $(q "$work/newsdex-footer") $(q "$work/newsdex-footer.lock") $(q "$work/omega-footer")" \
  -n newsdex "$(q "$index_bin") --quiet --db $(q "$work/newsdex-footer") $(q "$footer_corpus")" \
  -n omindex "omindex --db $(q "$work/omega-footer") --url / $(q "$footer_corpus")"
report footer "full index, a footer line per source"
"$index_bin" --quiet --db "$work/newsdex-footer" "$footer_corpus" || [ $? -eq 1 ]
footer_hits=$("$search_bin" --db "$work/newsdex-footer" --paths-only --duplicates=show -n 1000000 '"evening briefing"' | wc -l)
plain_hits=$("$index_bin" --db "$work/newsdex-footer" --status | awk '/^documents:/ {print $2}')
echo "  footer: '\"evening briefing\"' finds $footer_hits of $plain_hits articles (learnt: $("$index_bin" --db "$work/newsdex-footer" --status | grep -c 'evening briefing') lines)"
rm -rf "$footer_corpus" "$work/newsdex-footer" "$work/omega-footer"
echo
fi
[ "$only" != footer ] || { echo "all steps passed"; exit 0; }

# The full runs' preparation removed every tool's index: build each once more, so the
# re-runs below start from a complete index of their own.
eval "$newsdex_index" || [ $? -eq 1 ]
eval "$omindex_cmd" > /dev/null
eval "$recoll_cmd -z" > /dev/null 2>&1

if [ "$only" != search ]; then
echo "== Indexing, nothing changed"
bench nochange -n newsdex "$newsdex_index" -n omindex "$omindex_cmd" -n recollindex "$recoll_cmd"
report nochange "re-run, nothing changed"

echo "== Indexing, 1% of files touched (new mtime and content) before each run"
touch_list=$work/touched
find "$work/corpus" -name '*.txt' | sort | awk -v n="$articles" 'NR % 100 == 1' > "$touch_list"
touch_cmd="sh -c $(q "while read -r f; do echo 'Updated.' >> \"\$f\"; done < $touch_list")"
bench touched --prepare "$touch_cmd" -n newsdex "$newsdex_index" -n omindex "$omindex_cmd" \
  -n recollindex "$recoll_cmd"
report touched "re-run, 1% touched"

echo "== Peak memory (full index, /usr/bin/time) and index size on disk"
peak() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1; }
rm -rf "$work/newsdex" "$work/newsdex.lock" "$work/omega" "$work/recoll/xapiandb"
mem_newsdex=$(peak "$index_bin" --quiet --db "$work/newsdex" "$work/corpus")
mem_omindex=$(peak omindex --db "$work/omega" --url / "$work/corpus")
mem_recoll=$(peak recollindex -c "$work/recoll" -z)
size() { du -sk "$1" | cut -f1; }
printf '  %-12s peak %7s KiB   index %8s KiB\n' newsdex "$mem_newsdex" "$(size "$work/newsdex")" \
  omindex "$mem_omindex" "$(size "$work/omega")" recollindex "$mem_recoll" "$(size "$work/recoll/xapiandb")"
python3 -c "import sys; a=[float(x) for x in sys.argv[1:]]; print(f'  newsdex/omindex: peak memory {a[0]/a[1]:.2f}x, index size {a[2]/a[3]:.2f}x')" \
  "$mem_newsdex" "$mem_omindex" "$(size "$work/newsdex")" "$(size "$work/omega")"
echo

fi

echo "== Search, whole process, top 10 (newsdex with one highlighted passage each), $search_runs runs per query"
# In rounds too: a run of each tool in turn, so that the tools meet the same moments of a
# shared machine (a block of 40 runs lasts half a second, a slow spell as long).
queries=("economy growth" '"prime minister"' "blair" "oil AND price" "econom*")
for i in "${!queries[@]}"; do
  query=${queries[$i]}
  runs=$search_runs bench_in_rounds "search$i" \
    -n newsdex "$(q "$search_bin") --db $(q "$work/newsdex") --color=never $(q "$query")" \
    -n "newsdex --facets" "$(q "$search_bin") --db $(q "$work/newsdex") --color=never --facets $(q "$query")" \
    -n quest "quest -d $(q "$work/omega") $(q "$query")" \
    -n recollq "recollq -c $(q "$work/recoll") -n 10 $(q "$query")"
done
python3 "$repo/bench/index/report.py" --queries "$work"/search*.json "search, median over the query table"
echo "all steps passed"
