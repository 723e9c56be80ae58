// Zero-sized inputs and outputs in the workspace pool leave it with no
// bytes: the error names the pool, at the entry function (where the
// pipeline declared it), not at the module's first line.
// RUN: not usmp-opt %s --usmp-pipeline=use-workspace-io=1 --convert-usmp-to-emitc 2>&1 | FileCheck %s

// CHECK: zero-sized-workspace-io.mlir:[[# @LINE + 1]]:1: error: cannot lower pool @global_workspace (argument 0 of @main) to C: 'memref<0xi8>' has no elements, and C has no zero-length arrays
func.func @main(%in: memref<0xf32>, %out: memref<0xf32>) {
  memref.copy %in, %out : memref<0xf32> to memref<0xf32>
  return
}
