#!/usr/bin/env bash
# Sets up and builds (scripts/setup.sh), then runs every test: the lit suite,
# the GoogleTest suites, the embedding and C API tests and the docs check, all
# through ctest. In CI (CI=true), or with USMP_SANITIZE=1, it then builds the
# whole project again with AddressSanitizer and UndefinedBehaviorSanitizer and
# the libFuzzer targets in build-asan/ and runs every test there too,
# including a short bounded fuzz run of each target; USMP_SANITIZE=0 skips
# that.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${USMP_BUILD_DIR:-$root/build}

"$root/scripts/setup.sh"
ctest --test-dir "$build" --output-on-failure -j "$(nproc)"

sanitize=${USMP_SANITIZE:-}
if [[ -z $sanitize && ${CI:-} == true ]]; then sanitize=1; fi
if [[ $sanitize == 1 ]]; then
  asan=${USMP_ASAN_BUILD_DIR:-$root/build-asan}
  if [[ ! -f $asan/build.ninja ]]; then
    cmake -G Ninja -S "$root" -B "$asan" \
      -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
      -DLLVM_USE_LINKER=lld \
      -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir \
      -DLLVM_EXTERNAL_LIT=/usr/lib/llvm-22/bin/lit \
      "-DLLVM_USE_SANITIZER=Address;Undefined" \
      "-DLLVM_UBSAN_FLAGS=-fsanitize=undefined -fno-sanitize-recover=all" \
      -DUSMP_ENABLE_FUZZERS=ON
  fi
  cmake --build "$asan"
  # Debian's libMLIR.so is not instrumented: see docs/Embedding.md.
  ASAN_OPTIONS=allow_user_poisoning=0 \
    ctest --test-dir "$asan" --output-on-failure -j "$(nproc)"
fi
