// RUN: usmp-opt %s -split-input-file -pass-pipeline='builtin.module(func.func(usmp-copy-repeated-results))' -verify-diagnostics | FileCheck %s

// A buffer returned twice gets a copy for its second result; the first
// result and other results stay.
// CHECK-LABEL: func.func @twice
// CHECK-SAME: (%[[A:.*]]: memref<4xf32>, %[[B:.*]]: memref<2xi8>)
// CHECK: %[[COPY:.*]] = memref.alloc() : memref<4xf32>
// CHECK: memref.copy %[[A]], %[[COPY]] : memref<4xf32> to memref<4xf32>
// CHECK: return %[[A]], %[[B]], %[[COPY]]
func.func @twice(%a: memref<4xf32>, %b: memref<2xi8>) -> (memref<4xf32>, memref<2xi8>, memref<4xf32>) {
  return %a, %b, %a : memref<4xf32>, memref<2xi8>, memref<4xf32>
}

// -----

// Three times: two copies, each of its own; dynamic sizes come from the
// buffer.
// CHECK-LABEL: func.func @thrice
// CHECK-SAME: (%[[A:.*]]: memref<?x3xf32>)
// CHECK: %[[D1:.*]] = memref.dim %[[A]], %{{.*}} : memref<?x3xf32>
// CHECK: %[[C1:.*]] = memref.alloc(%[[D1]]) : memref<?x3xf32>
// CHECK: memref.copy %[[A]], %[[C1]]
// CHECK: %[[D2:.*]] = memref.dim %[[A]], %{{.*}} : memref<?x3xf32>
// CHECK: %[[C2:.*]] = memref.alloc(%[[D2]]) : memref<?x3xf32>
// CHECK: memref.copy %[[A]], %[[C2]]
// CHECK: return %[[A]], %[[C1]], %[[C2]]
func.func @thrice(%a: memref<?x3xf32>) -> (memref<?x3xf32>, memref<?x3xf32>, memref<?x3xf32>) {
  return %a, %a, %a : memref<?x3xf32>, memref<?x3xf32>, memref<?x3xf32>
}

// -----

// Distinct results and repeated scalars stay as they are.
// CHECK-LABEL: func.func @distinct
// CHECK-NOT: memref.alloc
// CHECK: return %arg0, %arg1, %arg2, %arg2
func.func @distinct(%a: memref<4xf32>, %b: memref<4xf32>, %n: i32) -> (memref<4xf32>, memref<4xf32>, i32, i32) {
  return %a, %b, %n, %n : memref<4xf32>, memref<4xf32>, i32, i32
}

// -----

func.func @strided(%a: memref<4xf32, strided<[2]>>) -> (memref<4xf32, strided<[2]>>, memref<4xf32, strided<[2]>>) {
  // expected-error @below {{result 1 repeats an earlier result of type 'memref<4xf32, strided<[2]>>', which a copy of its own cannot have (the layout is not the identity)}}
  return %a, %a : memref<4xf32, strided<[2]>>, memref<4xf32, strided<[2]>>
}
