// tosa.rescale, the requantization of int8 models, lowers to C: usmp-from-tosa
// lowers the tosa.apply_scale it leaves (upstream's default does not). Here
// x * 2^30 >> 33 (x / 8) plus an output zero point of 3, rounded half up
// (single) and, on negative values, half away from zero (double).

// RUN: rm -rf %t && mkdir -p %t
// RUN: usmp-opt %s --usmp-from-tosa --usmp-pipeline=model-name=q --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -fsanitize=undefined -fno-sanitize-recover=all -I %t %S/Inputs/quantized-app.c %t/tvmgen_q.c -o %t/app
// RUN: %t/app | FileCheck %s

// CHECK: x=4 single=4 double=4
// CHECK-NEXT: x=12 single=5 double=5
// CHECK-NEXT: x=-4 single=3 double=2
// CHECK-NEXT: x=-12 single=2 double=1
// CHECK-NEXT: x=127 single=19 double=19
// CHECK-NEXT: x=-128 single=-13 double=-13
func.func @main(%x: tensor<6xi8>) -> (tensor<6xi8>, tensor<6xi8>) {
  %multiplier = "tosa.const"() <{values = dense<1073741824> : tensor<1xi32>}> : () -> tensor<1xi32>
  %shift = "tosa.const"() <{values = dense<33> : tensor<1xi8>}> : () -> tensor<1xi8>
  %zero = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %three = "tosa.const"() <{values = dense<3> : tensor<1xi8>}> : () -> tensor<1xi8>
  %single = tosa.rescale %x, %multiplier, %shift, %zero, %three {scale32 = true, rounding_mode = SINGLE_ROUND, per_channel = false, input_unsigned = false, output_unsigned = false} : (tensor<6xi8>, tensor<1xi32>, tensor<1xi8>, tensor<1xi8>, tensor<1xi8>) -> tensor<6xi8>
  %double = tosa.rescale %x, %multiplier, %shift, %zero, %three {scale32 = true, rounding_mode = DOUBLE_ROUND, per_channel = false, input_unsigned = false, output_unsigned = false} : (tensor<6xi8>, tensor<1xi32>, tensor<1xi8>, tensor<1xi8>, tensor<1xi8>) -> tensor<6xi8>
  return %single, %double : tensor<6xi8>, tensor<6xi8>
}
