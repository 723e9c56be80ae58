#!/usr/bin/env bash
# The main job on the bundled example: sets up and builds (scripts/setup.sh),
# then runs the usmp tools on examples/ and writes their output to out/.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${USMP_BUILD_DIR:-$root/build}
out=${USMP_OUT_DIR:-$root/out}

"$root/scripts/setup.sh"
mkdir -p "$out"

# The pools of use case U3 (brief): checked by the usmp dialect, printed back.
"$build/bin/usmp-opt" "$root/examples/pools.mlir" -o "$out/pools.mlir"
echo "main: verified the pools in examples/pools.mlir -> $out/pools.mlir"
