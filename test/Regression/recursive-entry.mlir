// The entry function calling itself with a buffer.
// RUN: not usmp-opt %s --usmp-pipeline=use-workspace-io=1 2>&1 | FileCheck %s

// CHECK: error: entry function @main is called in the module; its inputs and outputs cannot move into pools
func.func @main(%in: memref<16xf32>, %out: memref<16xf32>) {
  %a = memref.alloc() : memref<16xf32>
  memref.copy %in, %a : memref<16xf32> to memref<16xf32>
  call @main(%a, %out) : (memref<16xf32>, memref<16xf32>) -> ()
  return
}
