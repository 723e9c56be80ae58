// RUN: usmp-opt %s -usmp-from-tosa | FileCheck %s
// RUN: usmp-opt %S/Inputs/folded-outputs.mlir -usmp-from-tosa | FileCheck %s --check-prefix=FOLDED
// RUN: not usmp-opt %S/Inputs/two-public.mlir -usmp-from-tosa 2>&1 | FileCheck %s --check-prefix=NO-ENTRY
// RUN: usmp-opt %S/Inputs/two-public.mlir -usmp-from-tosa=entry=g | FileCheck %s --check-prefix=ENTRY
// RUN: not usmp-opt %s -usmp-from-tosa=entyr=main 2>&1 | FileCheck %s --check-prefix=OPTION

// The entry option names the function whose inputs and outputs are named,
// as the error without it advises; an unknown option is an error.
// NO-ENTRY: error: cannot choose the entry function: the module has 2 public functions with a body, none is @main, and none marks inputs or outputs; name it with the 'entry' option
// ENTRY-LABEL: func.func @f
// ENTRY-NOT: usmp.io
// ENTRY-LABEL: func.func @g
// ENTRY-SAME: {usmp.io = #usmp.io<input "input0", index = 0>}
// ENTRY-SAME: {usmp.io = #usmp.io<output "output0", index = 0>}
// OPTION: no such option entyr

// Outputs bufferization folds into one buffer each get theirs (upstream's
// buffer-results-to-out-params crashed on the repeated result).
// FOLDED-LABEL: func.func @main
// FOLDED-SAME: %[[OUT0:[^:]*]]: memref<1x3x1xi32> {usmp.io = #usmp.io<output "output0", index = 0>}, %[[OUT1:[^:]*]]: memref<1x3x1xi32> {usmp.io = #usmp.io<output "output1", index = 1>}
// FOLDED: linalg.generic {{.*}} outs(%[[OUT0]] : memref<1x3x1xi32>)
// FOLDED: memref.copy %[[OUT0]], %[[OUT1]]

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
