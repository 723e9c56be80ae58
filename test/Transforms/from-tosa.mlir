// RUN: usmp-opt %s -usmp-from-tosa | FileCheck %s

// usmp-from-tosa names the inputs and outputs, then bufferizes; the markers
// survive bufferization as out-parameters, and every intermediate is an alloc
// without an alignment of its own (upstream's 64 would exceed the pools').
// CHECK-LABEL: func.func @main
// CHECK-SAME: (%{{.*}}: memref<4xf32> {usmp.io = #usmp.io<input "input0", index = 0>}, %{{.*}}: memref<4xf32> {usmp.io = #usmp.io<output "output0", index = 0>})
// CHECK: memref.alloc() : memref<4xf32>
// CHECK-NOT: alignment
// CHECK-NOT: tosa.
func.func @main(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = tosa.add %a, %a : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %1 = tosa.sub %0, %a : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %2 = tosa.add %1, %0 : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %2 : tensor<4xf32>
}
