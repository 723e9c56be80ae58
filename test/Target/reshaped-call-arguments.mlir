// A reshaped tensor passed to a function (tosa.reshape, a reduction's
// result, tosa.tile: reshapes of buffers after bufferization) gets a copy
// of the reshaped type, which C can pass (usmp-copy-reshaped-arguments).

// RUN: rm -rf %t && mkdir -p %t
// RUN: usmp-opt %s --usmp-from-tosa --usmp-pipeline=model-name=r --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -fsanitize=address,undefined -fno-sanitize-recover=all -I %t %S/Inputs/reshaped-call-arguments-app.c %t/tvmgen_r.c -o %t/app
// RUN: %t/app | FileCheck %s

// |a| flattened; |b's column sums, tiled twice|; |a| through the call,
// shaped back.
// CHECK: 1 2 3 4 5 6 / 3 3 3 3 3 3 / 1 2 3 4 5 6

func.func private @absolute(%p: tensor<1x6xf32>) -> tensor<1x6xf32> {
  %0 = tosa.abs %p : (tensor<1x6xf32>) -> tensor<1x6xf32>
  return %0 : tensor<1x6xf32>
}
func.func @main(%a: tensor<1x2x3xf32>, %b: tensor<2x3xf32>) -> (tensor<1x6xf32>, tensor<1x6xf32>, tensor<1x2x3xf32>) {
  %flat = tosa.const_shape {values = dense<[1, 6]> : tensor<2xindex>} : () -> !tosa.shape<2>
  %r = tosa.reshape %a, %flat : (tensor<1x2x3xf32>, !tosa.shape<2>) -> tensor<1x6xf32>
  %c = func.call @absolute(%r) : (tensor<1x6xf32>) -> tensor<1x6xf32>
  %sum = tosa.reduce_sum %b {axis = 0 : i32} : (tensor<2x3xf32>) -> tensor<1x3xf32>
  %twice = tosa.const_shape {values = dense<[1, 2]> : tensor<2xindex>} : () -> !tosa.shape<2>
  %t = tosa.tile %sum, %twice : (tensor<1x3xf32>, !tosa.shape<2>) -> tensor<1x6xf32>
  %d = func.call @absolute(%t) : (tensor<1x6xf32>) -> tensor<1x6xf32>
  %back = tosa.const_shape {values = dense<[1, 2, 3]> : tensor<3xindex>} : () -> !tosa.shape<3>
  %e = func.call @absolute(%r) : (tensor<1x6xf32>) -> tensor<1x6xf32>
  %shaped = tosa.reshape %e, %back : (tensor<1x6xf32>, !tosa.shape<3>) -> tensor<1x2x3xf32>
  return %c, %d, %shaped : tensor<1x6xf32>, tensor<1x6xf32>, tensor<1x2x3xf32>
}
