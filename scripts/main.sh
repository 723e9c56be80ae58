#!/usr/bin/env bash
# The main job: sets up and builds (scripts/setup.sh), then compiles the
# bundled MLPerf Tiny keyword-spotting model (TOSA) with workspace I/O into
# out/tvmgen_kws.h, out/tvmgen_kws.c and the plan report out/kws_plan.json.
#
# Environment: USMP_MODEL (default examples/kws_dscnn.mlir), USMP_MODEL_NAME
# (default kws), USMP_PIPELINE_OPTIONS (extra usmp-pipeline options, e.g.
# "pools=dtcm:size_hint=65536,sram algorithm=exact").
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${USMP_BUILD_DIR:-$root/build}
out=${USMP_OUT_DIR:-$root/out}
model=${USMP_MODEL:-$root/examples/kws_dscnn.mlir}
name=${USMP_MODEL_NAME:-kws}

"$root/scripts/setup.sh"
mkdir -p "$out"

"$build/bin/usmp-opt" "$model" --usmp-from-tosa \
  --usmp-pipeline="use-workspace-io=1 model-name=$name report=$out/${name}_plan.json ${USMP_PIPELINE_OPTIONS:-}" \
  --convert-usmp-to-emitc |
  "$build/bin/usmp-translate" --usmp-emit-c --output-dir="$out"
grep -E "WORKSPACE_POOL_SIZE|_SIZE " "$out/tvmgen_$name.h" | grep define
echo "main: wrote $out/tvmgen_$name.h, $out/tvmgen_$name.c and $out/${name}_plan.json"
