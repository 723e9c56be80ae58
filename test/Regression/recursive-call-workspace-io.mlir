// A recursive operator function made the workspace-I/O step recurse without
// end (found by the pipeline fuzzer); now the pipeline reports the recursion.
// RUN: not usmp-opt %s --usmp-pipeline 2>&1 | FileCheck %s
// RUN: not usmp-opt %s --usmp-pipeline=use-workspace-io=1 2>&1 | FileCheck %s

// CHECK: error: recursive call to @op cannot be planned statically
func.func @main(%in: memref<16xf32>, %out: memref<16xf32>) {
  %a = memref.alloc() : memref<16xf32>
  memref.copy %in, %a : memref<16xf32> to memref<16xf32>
  call @op(%a, %out) : (memref<16xf32>, memref<16xf32>) -> ()
  return
}
func.func private @op(%x: memref<16xf32>, %y: memref<16xf32>) {
  call @op(%x, %y) : (memref<16xf32>, memref<16xf32>) -> ()
  return
}
