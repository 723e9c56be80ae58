// The upstream dialects and conversions a model pipeline needs are there.
// RUN: usmp-opt %s --pass-pipeline='builtin.module(func.func(tosa-to-linalg-named,tosa-to-linalg),one-shot-bufferize{bufferize-function-boundaries function-boundary-type-conversion=identity-layout-map},buffer-results-to-out-params{hoist-static-allocs modify-public-functions},func.func(convert-linalg-to-loops),convert-to-emitc)' | FileCheck %s
// RUN: usmp-opt --help | FileCheck %s --check-prefix=HELP

// HELP-DAG: --convert-to-emitc
// HELP-DAG: --one-shot-bufferize
// HELP-DAG: --tosa-to-linalg
// HELP-DAG: --buffer-results-to-out-params

// CHECK-LABEL: emitc.func @add
// CHECK-SAME: %{{.*}}: !emitc.array<4xf32>, %{{.*}}: !emitc.array<4xf32>, %{{.*}}: !emitc.array<4xf32>
// CHECK: for
// CHECK: add %{{.*}}, %{{.*}} : (f32, f32) -> f32
// CHECK-NOT: tosa.add
func.func @add(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %0 = tosa.add %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
