// Reducing a vector reduces into a rank-0 buffer, which C has no array for:
// its view of the pool is a one-element array, and the accesses fold into
// element 0.

// RUN: rm -rf %t && mkdir -p %t
// RUN: usmp-opt %s --usmp-from-tosa --usmp-pipeline=model-name=r --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -fsanitize=address,undefined -fno-sanitize-recover=all -I %t %S/Inputs/reduce-vector-app.c %t/tvmgen_r.c -o %t/app
// RUN: %t/app | FileCheck %s

// CHECK: sum=4 max=2.5
func.func @main(%x: tensor<4xi32>, %y: tensor<4xf32>) -> (tensor<1xi32>, tensor<1xf32>) {
  %sum = tosa.reduce_sum %x {axis = 0 : i32} : (tensor<4xi32>) -> tensor<1xi32>
  %max = tosa.reduce_max %y {axis = 0 : i32} : (tensor<4xf32>) -> tensor<1xf32>
  return %sum, %max : tensor<1xi32>, tensor<1xf32>
}
