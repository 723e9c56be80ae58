// Zero-sized inputs and outputs in the workspace pool leave it with no
// bytes: the error names the input at its argument, not the pool (nor the
// module's first line).
// RUN: not usmp-opt %s --usmp-pipeline=use-workspace-io=1 --convert-usmp-to-emitc 2>&1 | FileCheck %s

// CHECK: zero-sized-workspace-io.mlir:[[# @LINE + 1]]:17: error: cannot lower input 'input0' to C: 'memref<0xf32>' has no elements, and C has no zero-length arrays
func.func @main(%in: memref<0xf32>, %out: memref<0xf32>) {
  memref.copy %in, %out : memref<0xf32> to memref<0xf32>
  return
}
