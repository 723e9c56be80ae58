// Zero-sized buffers are planned like any other (they take no bytes); C has
// no zero-length arrays, so the lowering to C says so instead of failing
// inside an upstream conversion.
// RUN: usmp-opt %s --usmp-pipeline="report=%t.json" | FileCheck %s
// RUN: FileCheck %s --check-prefix=REPORT < %t.json
// RUN: not usmp-opt %s --usmp-pipeline --convert-usmp-to-emitc 2>&1 | FileCheck %s --check-prefix=LOWER
// Unused, it is refused the same way (the lowering made invalid IR of it).
// RUN: not usmp-opt %S/Inputs/zero-sized-unused.mlir --usmp-pipeline --convert-usmp-to-emitc 2>&1 | FileCheck %s --check-prefix=UNUSED
// The only buffer of the pool: the pool has no bytes either, and the error
// is still the buffer's.
// RUN: not usmp-opt %S/Inputs/zero-sized-only.mlir --usmp-pipeline --convert-usmp-to-emitc 2>&1 | FileCheck %s --check-prefix=ONLY
// Also when the buffer is a called function's (its pool is an argument of
// both functions).
// RUN: not usmp-opt %S/Inputs/zero-sized-callee.mlir --usmp-pipeline --convert-usmp-to-emitc 2>&1 | FileCheck %s --check-prefix=CALLEE

// LOWER: zero-sized.mlir:{{[0-9]+}}:8: error: cannot lower the buffer to C: 'memref<0xf32>' has no elements, and C has no zero-length arrays{{$}}
// UNUSED: zero-sized-unused.mlir:2:8: error: cannot lower the buffer to C: 'memref<0xf32>' has no elements, and C has no zero-length arrays{{$}}
// ONLY: zero-sized-only.mlir:2:8: error: cannot lower the buffer to C: 'memref<0xf32>' has no elements, and C has no zero-length arrays{{$}}
// CALLEE: zero-sized-callee.mlir:7:8: error: cannot lower the buffer to C: 'memref<0xf32>' has no elements, and C has no zero-length arrays{{$}}

// CHECK: usmp.pool workspace @global_workspace alignment(16) planned_size(64)
// CHECK: memref.view {{.*}} to memref<0xf32>
// REPORT: "size": 0,
func.func @main(%in: memref<16xf32>, %out: memref<16xf32>) {
  %z = memref.alloc() : memref<0xf32>
  %a = memref.alloc() : memref<16xf32>
  memref.copy %in, %a : memref<16xf32> to memref<16xf32>
  memref.copy %z, %z : memref<0xf32> to memref<0xf32>
  memref.copy %a, %out : memref<16xf32> to memref<16xf32>
  return
}
