// RUN: usmp-opt %s --usmp-pipeline="use-workspace-io=1 algorithm=exact report=%t.json" | FileCheck %s
// RUN: FileCheck %s --check-prefix=REPORT < %t.json
// RUN: usmp-opt %s --usmp-pipeline="workspace-io=output0 algorithm=exact" | FileCheck %s --check-prefix=SELECTIVE
// RUN: usmp-opt %S/Inputs/overwritten-input.mlir --usmp-pipeline="use-workspace-io=1 report=%t-overwritten.json" -o /dev/null 2>/dev/null
// RUN: FileCheck %s --check-prefix=OVERWRITTEN < %t-overwritten.json

// A chain in -> a -> b -> out of equal sizes fits in two slots only when the
// input's space is reused after its last read (by b) and the output's space
// holds an intermediate before the output is written (a).
// CHECK: usmp.pool workspace @global_workspace alignment(16) planned_size(128)
// CHECK: func.func @main(%[[POOL:.*]]: memref<128xi8> {usmp.pool = @global_workspace})
// CHECK-DAG: usmp.io = #usmp.io<input "input0", index = 0>, usmp.placement = #usmp.placement<@global_workspace, offset = [[IN:[0-9]+]]>
// CHECK-DAG: usmp.io = #usmp.io<output "output0", index = 0>, usmp.placement = #usmp.placement<@global_workspace, offset = [[OUT:[0-9]+]]>
// CHECK-DAG: {usmp.placement = #usmp.placement<@global_workspace, offset = [[OUT]]>} : memref<128xi8> to memref<16xf32>
// CHECK-DAG: {usmp.placement = #usmp.placement<@global_workspace, offset = [[IN]]>} : memref<128xi8> to memref<16xf32>

// The report names each I/O tensor with its place; the input is clobbered.
// REPORT: "io": [
// REPORT:     "name": "input0",
// REPORT-NEXT:     "direction": "input",
// REPORT-NEXT:     "index": 0,
// REPORT-NEXT:     "pool": "global_workspace",
// REPORT-NEXT:     "offset": {{[0-9]+}},
// REPORT-NEXT:     "size": 64,
// REPORT-NEXT:     "clobbered": true
// REPORT:     "name": "output0",
// REPORT-NEXT:     "direction": "output",
// REPORT-NEXT:     "index": 0,
// REPORT-NEXT:     "pool": "global_workspace",
// REPORT-NEXT:     "offset": {{[0-9]+}},
// REPORT-NEXT:     "size": 64,
// REPORT-NEXT:     "clobbered": false

// An input the model overwrites is clobbered even when no other buffer
// reuses its bytes: the application writes it again before the next run.
// OVERWRITTEN: "io": [
// OVERWRITTEN:     "name": "x",
// OVERWRITTEN:     "clobbered": true

// Only the output in the pool: the input stays an argument, named for the C
// API; the output shares space with a, so the pool still needs 128 bytes.
// SELECTIVE: usmp.pool workspace @global_workspace alignment(16) planned_size(128)
// SELECTIVE: func.func @main(%{{.*}}: memref<16xf32> {usmp.io = #usmp.io<input "input0", index = 0>}, %{{.*}}: memref<128xi8> {usmp.pool = @global_workspace})
func.func @main(%in: memref<16xf32>, %out: memref<16xf32>) {
  %a = memref.alloc() : memref<16xf32>
  %b = memref.alloc() : memref<16xf32>
  memref.copy %in, %a : memref<16xf32> to memref<16xf32>
  memref.copy %a, %b : memref<16xf32> to memref<16xf32>
  memref.copy %b, %out : memref<16xf32> to memref<16xf32>
  return
}
