// RUN: not usmp-opt %s -usmp-plan-buffers=algorithm=magic 2>&1 | FileCheck %s --check-prefix=ALGO
// RUN: not usmp-opt %s -usmp-plan-buffers=alignment=24 2>&1 | FileCheck %s --check-prefix=ALIGN
// RUN: not usmp-opt %s -usmp-plan-buffers=report=%t.missing/dir/report.json 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: not usmp-opt %s -usmp-plan-buffers=report=/dev/full 2>&1 | FileCheck %s --check-prefix=FULL
// RUN: not usmp-opt %s -usmp-plan-buffers='report=%t-{module}.json' 2>&1 | FileCheck %s --check-prefix=NONAME
// RUN: usmp-opt %s -usmp-plan-buffers='algorithm=greedy-by-size report=%t.json' -o /dev/null
// RUN: FileCheck %s --check-prefix=JSON < %t.json

// ALGO: error: option 'algorithm': unknown planning algorithm 'magic' (known: {{.*}}greedy-by-size{{.*}})
// ALIGN: error: option 'alignment' must be a power of two up to 2^62, got 24
// REPORT: error: cannot write the plan report to '{{.*}}report.json'
// A failed write is an error, not an abort.
// FULL: error: cannot write the plan report to '/dev/full': {{[Nn]}}o space left on device
// NONAME: error: the plan report's path '{{.*}}-{module}.json' names {module}, but the module has no name

// JSON: "algorithm": "greedy-by-size",
// JSON: "planning_time_ms":
// A plan at the lower bound is optimal whichever algorithm found it.
// JSON: "proven_optimal": true
// JSON: "pools": [
// JSON:     "name": "sram",
// JSON:     "kind": "workspace",
// JSON:     "size": 64,
// JSON:     "lower_bound": 64,
// JSON:     "size_hint": 1000,
// JSON-NEXT: "internal": false
// JSON:     "name": "flash",
// JSON:     "kind": "constant",
// JSON:     "size": 16,
// JSON:     "lower_bound": 16,
// JSON:     "size_hint": null,
// JSON-NEXT: "internal": true
// JSON: "buffers": [
// JSON:     "name": "main.buf0",
// JSON:     "loc": "{{.*}}plan-buffers-options.mlir:[[@LINE+20]]:8",
// JSON:     "pool": "sram",
// JSON:     "offset": 0,
// JSON:     "size": 64,
// JSON:     "alignment": 16,
// JSON:     "live": [
// JSON-NEXT:  5,
// JSON-NEXT:  8
// JSON:     "name": "w",
// JSON:     "pool": "flash",
// JSON:     "offset": 0,
// JSON:     "size": 16,
// JSON:     "live": [
// JSON-NEXT:  0,

usmp.pool workspace @sram size_hint(1000) alignment(16)
usmp.pool constant @flash alignment(16) internal
memref.global "private" constant @w : memref<4xf32> = dense<1.0> {usmp.pools = [@flash]}
func.func @main(%in: memref<16xf32>, %out: memref<16xf32>) {
  %w = memref.get_global @w : memref<4xf32>
  %a = memref.alloc() : memref<16xf32>
  memref.copy %in, %a : memref<16xf32> to memref<16xf32>
  memref.copy %a, %out : memref<16xf32> to memref<16xf32>
  return
}
