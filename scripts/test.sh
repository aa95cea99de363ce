#!/usr/bin/env bash
# README command 2: set up, build and run the whole test suite with ctest.
# Set NEWSDEX_BBC_CORPUS to the bbc-news corpus folder to include the real-corpus tests.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${NEWSDEX_BUILD_DIR:-"$repo/build"}
"$repo/scripts/setup.sh"

if [ -z "${NEWSDEX_BBC_CORPUS:-}" ]; then
  echo "test: NEWSDEX_BBC_CORPUS is not set; the real-corpus tests will be skipped"
fi
ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)"
