#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (Debian clang and libclang-rt-dev) and runs each
# for a bounded time. Crashes and hangs land in fuzz/findings/<target>/; turn each into a
# case of the malformed-input table (tests/malformed_input_test.cc).
#
#   fuzz/run.sh [SECONDS_PER_TARGET]   (default 60)
#   fuzz/run.sh --runs N               (N inputs per target from seed 1: the same inputs on
#                                       every machine, so the test suite's run is repeatable)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
limit=(-max_total_time="${1:-60}")
what="${1:-60}s"
if [ "${1:-}" = "--runs" ]; then
  limit=(-runs="$2" -seed=1)
  what="$2 runs"
fi
build_dir=${NEWSDEX_FUZZ_BUILD_DIR:-"$repo/build-fuzz"}
clang_cxx=$(command -v clang++ || command -v clang++-14 || true)
if [ -z "$clang_cxx" ]; then
  echo "fuzz: clang++ not found (apt-get install clang libclang-rt-14-dev)" >&2
  exit 77
fi

cmake -S "$repo" -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$clang_cxx" \
  -DNEWSDEX_FUZZ=ON -DNEWSDEX_BUILD_TESTS=OFF >/dev/null
targets=(text_reader html_reader json_reader article_date text_decoding gzip query_builder)
cmake --build "$build_dir" -j "$(nproc)" --target "${targets[@]/#/fuzz_}"

status=0
for target in "${targets[@]}"; do
  corpus="$build_dir/fuzz-corpus/$target"
  findings="$repo/fuzz/findings/$target"
  mkdir -p "$corpus" "$findings"
  # Seeds: the project's own fixtures, so the fuzzer starts from real shapes.
  find "$repo/tests/fixtures" "$repo/sample-corpus" -type f -size -64k -exec cp -t "$corpus" {} + 2>/dev/null || true
  echo "fuzz: $target for $what"
  if ! "$build_dir/fuzz/fuzz_$target" "${limit[@]}" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -artifact_prefix="$findings/" -print_final_stats=1 "$corpus" \
      2>"$build_dir/fuzz-$target.log"; then
    echo "fuzz: $target FOUND A PROBLEM: see $findings and $build_dir/fuzz-$target.log" >&2
    status=1
  fi
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$build_dir/fuzz-$target.log" | sed "s/^/  /"
done
exit $status
