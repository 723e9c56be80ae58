#!/usr/bin/env bash
# Installs every package a fresh Debian 12 machine needs, configures build/
# and builds everything. Safe to run again: it installs only what is missing
# and reuses an existing build folder.
#
# Environment: USMP_BUILD_DIR (default: build), USMP_CMAKE_ARGS (extra
# arguments for the first configure, e.g. -DCMAKE_BUILD_TYPE=Debug).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${USMP_BUILD_DIR:-$root/build}

packages=(libmlir-22-dev mlir-22-tools llvm-22-dev llvm-22-tools clang-22
          libclang-rt-22-dev lld-22 libgtest-dev cmake ninja-build ccache
          gcc g++ python3)
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null |
      grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if ((${#missing[@]})); then
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
  echo "setup: installing ${missing[*]}"
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y \
    --no-install-recommends "${missing[@]}"
fi

if [[ ! -f $build/build.ninja ]]; then
  # shellcheck disable=SC2086
  cmake -G Ninja -S "$root" -B "$build" \
    -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
    -DLLVM_USE_LINKER=lld \
    -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir \
    -DLLVM_EXTERNAL_LIT=/usr/lib/llvm-22/bin/lit \
    ${USMP_CMAKE_ARGS:-}
fi
cmake --build "$build"
