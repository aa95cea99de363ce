#!/usr/bin/env bash
# Output contract of newsdex-search: builds an index of CORPUS_DIR with each of two builds
# (e.g. before and after a refactor), runs every query of bench/contract/queries.txt with
# that build's newsdex-search --json, and compares the two per query: stdout byte for byte
# and the exit code. Prints one entry per differing query (its line in queries.txt, the
# query and the first lines of a unified diff), then the summary line
#   contract: N of M queries identical
#
#   bench/contract/compare.sh BEFORE_BUILD_DIR AFTER_BUILD_DIR CORPUS_DIR
#   bench/contract/compare.sh --keep ...            # keep indexes and outputs, say where
#   bench/contract/compare.sh --queries FILE ...     # another query file, same format
#
# A build dir is a CMake build folder holding indexer/newsdex-index and
# search/newsdex-search. CORPUS_DIR is indexed at the same absolute path by both builds,
# so the stored paths match (e.g. the BBC News corpus's news folder). The same build dir
# twice is the determinism check: it must print M of M.
# Exit: 0 all queries identical, 1 a query differs (or an index run failed),
# 2 usage, 77 a binary is missing or does not run.
set -euo pipefail

usage() {
  echo "usage: compare.sh [--keep] [--queries FILE] BEFORE_BUILD_DIR AFTER_BUILD_DIR CORPUS_DIR" >&2
  exit 2
}
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
keep=0 queries=$repo/bench/contract/queries.txt
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) keep=1; shift ;;
    --queries) [ $# -ge 2 ] || usage; queries=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) usage ;;
    *) break ;;
  esac
done
[ $# -eq 3 ] || usage
[ -d "$3" ] || { echo "compare.sh: no corpus folder $3" >&2; exit 2; }
[ -r "$queries" ] || { echo "compare.sh: cannot read $queries" >&2; exit 2; }
corpus=$(cd "$3" && pwd)
command -v python3 > /dev/null || { echo "compare.sh: python3 is missing (splits the query lines)" >&2; exit 77; }

declare -A build
build[before]=$1 build[after]=$2
for side in before after; do
  for bin in indexer/newsdex-index search/newsdex-search; do
    path=${build[$side]}/$bin
    [ -x "$path" ] || { echo "compare.sh: $side: $path is missing (build it first)" >&2; exit 77; }
    # A binary being relinked can exist and still not run.
    "$path" --version > /dev/null 2>&1 || { echo "compare.sh: $side: $path does not run" >&2; exit 77; }
  done
done

work=$(mktemp -d)
cleanup() {
  if [ "$keep" -eq 1 ]; then
    echo "compare.sh: kept in $work: {before,after}/db, {before,after}/out/NNN.{stdout,stderr,rc}," \
      "queries/NNN.args" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

# A fixed environment for both builds: no index named by NEWSDEX_DB, no user config
# (XDG_CONFIG_HOME and HOME are empty folders of our own), no colour, UTC, one locale.
mkdir -p "$work/config" "$work/home"
run_env=(env -u NEWSDEX_DB -u LANGUAGE NO_COLOR=1 TZ=UTC LC_ALL=C.UTF-8
         XDG_CONFIG_HOME="$work/config" HOME="$work/home")

# The query lines, split as a shell would (shlex: quotes, no expansion): for query K,
# queries/K.args holds its words NUL-terminated; queries/list holds "LINE<TAB>TEXT".
mkdir -p "$work/queries"
python3 - "$queries" "$work/queries" <<'EOF' || exit 2
import shlex, sys
src, out = sys.argv[1], sys.argv[2]
k = 0
with open(src, encoding="utf-8") as f, open(f"{out}/list", "w", encoding="utf-8") as listing:
    for number, line in enumerate(f, 1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        try:
            words = shlex.split(text)
        except ValueError as e:
            sys.exit(f"compare.sh: {src}:{number}: {e}: {text}")
        k += 1
        with open(f"{out}/{k:03d}.args", "wb") as a:
            a.write(b"".join(w.encode() + b"\0" for w in words))
        listing.write(f"{number}\t{text}\n")
if k == 0:
    sys.exit(f"compare.sh: no queries in {src}")
EOF
total=$(wc -l < "$work/queries/list")

echo "newsdex search contract: $total queries, corpus $corpus"
for side in before after; do
  dir=$work/$side
  mkdir -p "$dir/out"
  echo "$side: ${build[$side]} ($("${build[$side]}/search/newsdex-search" --version 2>&1 | head -1))"
  status=0
  "${run_env[@]}" "${build[$side]}/indexer/newsdex-index" --quiet --db "$dir/db" "$corpus" \
    > "$dir/index.log" 2>&1 || status=$?
  # 1 is a file skipped for the first time: still a complete index of the rest.
  if [ "$status" -gt 1 ]; then
    echo "compare.sh: $side: newsdex-index exited $status:" >&2
    head -n 20 "$dir/index.log" >&2
    exit 1
  fi
  for (( k = 1; k <= total; k++ )); do
    id=$(printf '%03d' "$k")
    mapfile -d '' -t words < "$work/queries/$id.args"
    status=0
    "${run_env[@]}" "${build[$side]}/search/newsdex-search" --db "$dir/db" --json "${words[@]}" \
      < /dev/null > "$dir/out/$id.stdout" 2> "$dir/out/$id.stderr" || status=$?
    echo "$status" > "$dir/out/$id.rc"
  done
done

# Normalised before comparing: only the index folder's own path, written as DB. The two
# builds index into different temp folders (<tmp>/before/db, <tmp>/after/db), so a record
# naming the index (none of the BBC queries' records does today) would differ for no fault
# of the build. Nothing else is normalised, because nothing else varies: the --json
# records hold no timings; article paths are the corpus's, the same absolute path for
# both; ids, scores and the order of equal scores (document ids) do not depend on threads,
# as the indexer applies documents in corpus order. Dates relative to now (date:today,
# last-N-days) are resolved per run, but every BBC article is undated, so they only
# filter out everything or (with --undated) nothing; with a dated corpus, two runs
# straddling midnight UTC could differ there. Running one build twice checks all of this.
normalise() {  # normalise SIDE FILE: FILE with SIDE's index path replaced by DB, on stdout
  local pattern
  pattern=$(printf '%s' "$work/$1/db" | sed 's/[][\.*^$/]/\\&/g')
  sed "s/$pattern/DB/g" "$2"
}
# For the diff only (the comparison is of whole bytes): a JSON record is one long line,
# so it is shown split after each field, and each shown line cut to 160 characters.
fields() { normalise "$1" "$2" | sed 's/,"/,\n  "/g'; }

same=0
for (( k = 1; k <= total; k++ )); do
  id=$(printf '%03d' "$k")
  IFS=$'\t' read -r number text < <(sed -n "${k}p" "$work/queries/list")
  rc_before=$(< "$work/before/out/$id.rc") rc_after=$(< "$work/after/out/$id.rc")
  if [ "$rc_before" = "$rc_after" ] &&
     cmp -s <(normalise before "$work/before/out/$id.stdout") <(normalise after "$work/after/out/$id.stdout"); then
    same=$((same + 1))
    continue
  fi
  echo "line $number: $text"
  [ "$rc_before" = "$rc_after" ] || echo "  exit code $rc_before -> $rc_after"
  diff -u --label before --label after <(fields before "$work/before/out/$id.stdout") \
    <(fields after "$work/after/out/$id.stdout") | sed -n '3,12p' | cut -c1-160 | sed 's/^/  /' || true
done
echo "contract: $same of $total queries identical"
[ "$same" -eq "$total" ]
