#!/usr/bin/env bash
# Entity extraction benchmark: quality, search retrieval, speed and indexing cost of
# newsdex's people/places/organisations extraction, next to the compromise library.
# See bench/entities/README.md.
#
# usage: bench/entities/run.sh [--smoke] [--runs N] [--keep DIR] ANNOTATED_DIR [BBC_CORPUS_DIR]
#
#   ANNOTATED_DIR   the annotated set (articles/NNNN.txt and gold.jsonl); defaults to
#                   $NEWSDEX_ENTITIES_DEV
#   BBC_CORPUS_DIR  a plain news corpus for the indexing-cost step; defaults to
#                   $NEWSDEX_BBC_CORPUS; the step is left out when neither is given
#   --smoke         the first 8 articles (and 8 corpus files), one run per timing: a
#                   quick check that every step works, not a measurement
#   --runs N        timed runs per command (default 5)
#   --keep DIR      write the predictions, index and JSON figures into DIR and keep them
#
# newsdex is taken from $NEWSDEX_BUILD_DIR (default: build/ at the repository root).
# Needs python3, node + npm (compromise is installed from package-lock.json into
# bench/entities/node_modules on first use) and hyperfine.
# Exit status: 0 all steps ran, 1 a step failed, 2 usage error, 77 a prerequisite is
# missing (the message says which; ctest reports the test as skipped).
set -euo pipefail

prog=run.sh
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${NEWSDEX_BUILD_DIR:-"$repo/build"}
index_bin=$build/indexer/newsdex-index
search_bin=$build/search/newsdex-search

die() { echo "$prog: $*" >&2; exit 1; }
missing() { echo "$prog: $*" >&2; exit 77; }
usage() {
  echo "$prog: $*" >&2
  echo "usage: $prog [--smoke] [--runs N] [--keep DIR] ANNOTATED_DIR [BBC_CORPUS_DIR]" >&2
  exit 2
}
q() { printf '%q' "$1"; }

smoke=0
runs=5
keep=""
positional=()
while [ $# -gt 0 ]; do
  case $1 in
    --smoke) smoke=1 ;;
    --runs) [ $# -ge 2 ] || usage "--runs needs a value"; runs=$2; shift ;;
    --runs=*) runs=${1#--runs=} ;;
    --keep) [ $# -ge 2 ] || usage "--keep needs a folder"; keep=$2; shift ;;
    --keep=*) keep=${1#--keep=} ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
    -*) usage "unknown option $1" ;;
    *) positional+=("$1") ;;
  esac
  shift
done
[ ${#positional[@]} -le 2 ] || usage "too many arguments"
[[ $runs =~ ^[1-9][0-9]*$ ]] || usage "--runs needs a positive number"
annotated=${positional[0]:-${NEWSDEX_ENTITIES_DEV:-}}
bbc=${positional[1]:-${NEWSDEX_BBC_CORPUS:-}}
warmup=1
if [ $smoke = 1 ]; then runs=1; warmup=0; fi
runs_text="$runs run$([ "$runs" = 1 ] || echo s), $warmup warm-up"

# --- prerequisites ------------------------------------------------------------------
if [ -z "$annotated" ]; then
  [ $smoke = 1 ] && missing "no annotated set: pass ANNOTATED_DIR or set NEWSDEX_ENTITIES_DEV"
  usage "ANNOTATED_DIR is required"
fi
if [ ! -f "$annotated/gold.jsonl" ] || [ ! -d "$annotated/articles" ]; then
  missing "$annotated is not the annotated set (needs articles/ and gold.jsonl)"
fi
if [ -n "$bbc" ] && [ ! -d "$bbc" ]; then missing "no such corpus folder: $bbc"; fi
for bin in "$index_bin" "$search_bin"; do
  [ -x "$bin" ] || missing "$bin is missing: build newsdex first (cmake --build build), or set NEWSDEX_BUILD_DIR"
done
command -v python3 >/dev/null || missing "python3 is missing (apt-get install python3)"
command -v node >/dev/null || missing "node is missing (apt-get install nodejs npm)"
command -v hyperfine >/dev/null || missing "hyperfine is missing (apt-get install hyperfine)"
[[ $("$index_bin" --help) == *--extract-only* ]] ||
  missing "$index_bin has no --extract-only: rebuild newsdex"

pinned=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["dependencies"]["compromise"])' \
  "$here/package.json")
installed_version() {
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' \
    "$here/node_modules/compromise/package.json" 2>/dev/null || true
}
if [ "$(installed_version)" != "$pinned" ]; then
  command -v npm >/dev/null || missing "npm is missing (apt-get install npm)"
  echo "$prog: installing compromise $pinned into bench/entities/node_modules (npm ci)" >&2
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2) ||
    missing "could not install compromise: run 'npm ci' in bench/entities"
fi

# --- work folder ----------------------------------------------------------------------
if [ -n "$keep" ]; then
  mkdir -p "$keep"
  work=$(cd "$keep" && pwd)
  rm -rf "$work/db" "$work/cost-db-1" "$work/cost-db-2" "$work/articles" "$work/bbc"
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/newsdex-entities-bench.XXXXXX")
  trap 'rm -rf "$work"' EXIT
fi

articles=$annotated/articles
gold=$annotated/gold.jsonl
if [ $smoke = 1 ]; then
  # The first 8 articles: 0004.txt and 0008.txt among them are held out.
  mkdir -p "$work/articles"
  find "$annotated/articles" -maxdepth 1 -name '*.txt' | LC_ALL=C sort | sed -n '1,8p' |
    while IFS= read -r f; do cp "$f" "$work/articles/"; done
  articles=$work/articles
  python3 - "$annotated/gold.jsonl" "$articles" > "$work/gold.jsonl" <<'EOF'
import json, os, sys
names = set(os.listdir(sys.argv[2]))
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip() and json.loads(line)["file"] in names:
        print(line, end="")
EOF
  gold=$work/gold.jsonl
  if [ -n "$bbc" ]; then
    (cd "$bbc" && find . -name '*.txt' -not -path '*/.*' | LC_ALL=C sort | sed -n '1,8p' |
      while IFS= read -r f; do mkdir -p "$work/bbc/$(dirname "$f")"; cp "$f" "$work/bbc/$f"; done)
    bbc=$work/bbc
  fi
fi
n_articles=$(find "$articles" -name '*.txt' -not -path '*/.*' | wc -l)
n_heldout=$(python3 -c '
import json, sys
sys.path.insert(0, sys.argv[2])
from entity_score import is_heldout, read_jsonl
print(sum(map(is_heldout, read_jsonl(sys.argv[1]))))' "$gold" "$here")
n_gold=$(grep -c . "$gold")
[ "$n_articles" -gt 0 ] || die "no articles in $articles"

# --- header ---------------------------------------------------------------------------
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | sed -n 1p)
compromise_version=$(cd "$here" && node --input-type=module \
  -e "import nlp from 'compromise'; console.log(nlp.version)") || die "compromise does not load"
echo "newsdex entity extraction benchmark$([ $smoke = 1 ] && echo ' (SMOKE: 8 articles, 1 run; not a measurement)')"
echo "date:       $(date '+%Y-%m-%d %H:%M:%S %z')"
echo "machine:    nproc $(nproc)${cpu:+, $cpu}"
echo "newsdex:    $("$index_bin" --version)"
echo "node:       $(node --version), compromise $compromise_version"
echo "hyperfine:  $(hyperfine --version | sed 's/^hyperfine //'), $(python3 --version)"
echo "articles:   $n_articles annotated ($n_gold in gold.jsonl; held-out: $n_heldout whose number % 4 == 0)"
echo

# --- quality --------------------------------------------------------------------------
echo "== Quality: document-level P/R/F1 against the annotators' names (entity_score.py)"
"$index_bin" --extract-only "$articles" > "$work/newsdex-canonical.jsonl" ||
  die "newsdex-index --extract-only failed"
# Scored as the names newsdex indexes for each entity: canonical names and aliases.
python3 "$here/with_aliases.py" "$work/newsdex-canonical.jsonl" > "$work/newsdex.jsonl" ||
  die "with_aliases.py failed"
node "$here/compromise_entities.mjs" "$articles" > "$work/compromise.jsonl" ||
  die "compromise_entities.mjs failed"
for tool in newsdex newsdex-canonical compromise; do
  python3 "$here/entity_score.py" "$gold" "$work/$tool.jsonl" --heldout --json \
    > "$work/quality-$tool-heldout.json" || die "entity_score.py failed on $tool (held-out)"
  python3 "$here/entity_score.py" "$gold" "$work/$tool.jsonl" --json \
    > "$work/quality-$tool-all.json" || die "entity_score.py failed on $tool (all)"
done
python3 "$here/report.py" quality \
  "held-out articles ($n_heldout; newsdex's tagger was not trained on them) - PRIMARY" \
  "$work/quality-newsdex-heldout.json" "$work/quality-compromise-heldout.json" \
  "compromise $compromise_version" || die "report failed"
echo
python3 "$here/report.py" quality \
  "held-out articles, newsdex's canonical names only (without the aliases it also indexes)" \
  "$work/quality-newsdex-canonical-heldout.json" "$work/quality-compromise-heldout.json" \
  "compromise $compromise_version" || die "report failed"
echo
python3 "$here/report.py" quality \
  "all articles ($n_gold; INCLUDES newsdex's training data, so newsdex's figures are optimistic)" \
  "$work/quality-newsdex-all.json" "$work/quality-compromise-all.json" \
  "compromise $compromise_version" || die "report failed"
echo

# --- retrieval ------------------------------------------------------------------------
echo "== Retrieval: newsdex-search person:/place: vs the plain phrase (search_retrieval.py)"
"$index_bin" --db "$work/db" "$articles" 2> "$work/index.log" ||
  { cat "$work/index.log" >&2; die "indexing the annotated articles failed"; }
python3 "$here/search_retrieval.py" "$search_bin" "$work/db" "$gold" --heldout --json \
  > "$work/retrieval-heldout.json" || die "search_retrieval.py failed (held-out)"
python3 "$here/search_retrieval.py" "$search_bin" "$work/db" "$gold" --json \
  > "$work/retrieval-all.json" || die "search_retrieval.py failed (all)"
python3 "$here/report.py" retrieval "held-out articles ($n_heldout) - PRIMARY" \
  "$work/retrieval-heldout.json" || die "report failed"
python3 "$here/report.py" retrieval "all articles ($n_gold; includes training data)" \
  "$work/retrieval-all.json" || die "report failed"
echo

# --- speed ----------------------------------------------------------------------------
echo "== Speed: extraction alone on the $n_articles annotated articles (hyperfine, $runs_text)"
hyperfine --style basic --warmup "$warmup" --runs "$runs" --export-json "$work/speed.json" \
  -n compromise "node $(q "$here/compromise_entities.mjs") $(q "$articles") >/dev/null" \
  -n newsdex "$(q "$index_bin") --extract-only $(q "$articles") >/dev/null" \
  > "$work/speed.log" 2>&1 || { cat "$work/speed.log" >&2; die "hyperfine (speed) failed"; }
python3 "$here/report.py" speed "$work/speed.json" "$n_articles" || die "report failed"
echo

# --- indexing cost --------------------------------------------------------------------
if [ -n "$bbc" ]; then
  n_bbc=$(find "$bbc" -name '*.txt' -not -path '*/.*' | wc -l)
  echo "== Cost: full indexing of $n_bbc corpus articles with and without extraction (hyperfine, $runs_text, fresh index each run)"
  hyperfine --style basic --warmup "$warmup" --runs "$runs" --export-json "$work/cost.json" \
    --prepare "rm -rf $(q "$work/cost-db-1") $(q "$work/cost-db-2")" \
    -n "with entities" "$(q "$index_bin") --full --db $(q "$work/cost-db-1") $(q "$bbc")" \
    -n "no entities" "$(q "$index_bin") --full --no-entities --db $(q "$work/cost-db-2") $(q "$bbc")" \
    > "$work/cost.log" 2>&1 || { cat "$work/cost.log" >&2; die "hyperfine (cost) failed"; }
  python3 "$here/report.py" cost "$work/cost.json" "$n_bbc" || die "report failed"
else
  echo "== Cost: left out (pass BBC_CORPUS_DIR or set NEWSDEX_BBC_CORPUS to measure it)"
fi
echo
[ -n "$keep" ] && echo "predictions, figures and logs kept in $work"
echo "all steps passed"
