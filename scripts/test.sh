#!/usr/bin/env bash
# Sets up and builds (scripts/setup.sh), then runs every test: the lit suite,
# the GoogleTest suites and the docs check, all through ctest.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${USMP_BUILD_DIR:-$root/build}

"$root/scripts/setup.sh"
ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
