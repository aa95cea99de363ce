#!/usr/bin/env bash
# Shared set-up of the two README commands: install the Debian packages that are
# missing, then configure and build newsdex in Release mode into build/.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${NEWSDEX_BUILD_DIR:-"$repo/build"}

# Build and test dependencies, all from Debian (see the README for why each is there).
packages=(
  g++ make cmake
  libxapian-dev                 # the search engine library
  libboost-program-options-dev  # command-line options of the two tools
  nlohmann-json3-dev            # document data, JSON dumps and --json output
  libgumbo-dev pkg-config       # HTML pages: a real HTML5 parser
  libicu-dev                    # encodings: UTF-16 and legacy code pages
  zlib1g-dev                    # .gz articles and dumps
  libedit-dev                   # line editing and history of newsdex-search -i
  libjemalloc-dev               # newsdex-index's allocator: a full index 15% faster
  help2man                      # man pages generated from --help at build time
  libgtest-dev googletest       # the test suite
  libbenchmark-dev              # bench/micro: Google Benchmark micro-benchmarks
  xapian-tools                  # xapian-tcpsrv: remote shards (distributed tests)
  xapian-omega recollcmd hyperfine time  # bench/index baselines (smoke test)
  bsdutils                      # script(1): tests run the search on a pseudo-terminal
  clang libclang-rt-14-dev      # fuzz/: libFuzzer targets, run briefly by the test suite
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

cmake -S "$repo" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build_dir" -j "$(nproc)"
