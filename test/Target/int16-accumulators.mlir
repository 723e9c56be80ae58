// TOSA's int16 operations accumulate on i48, which C has no type for: the
// values are widened to int64_t before planning (usmp-widen-integers),
// wrapping as i48 would. A model output of i48 is an int64_t array.

// RUN: rm -rf %t && mkdir -p %t
// RUN: usmp-opt %s --usmp-from-tosa --usmp-pipeline=model-name=w --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t
// RUN: FileCheck %s --check-prefix=HEADER < %t/tvmgen_w.h
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -fsanitize=address,undefined -fno-sanitize-recover=all -I %t %S/Inputs/int16-accumulators-app.c %t/tvmgen_w.c -o %t/app
// RUN: %t/app | FileCheck %s

// HEADER: #define TVMGEN_W_OUTPUT1_SIZE 8

// The 2x2 convolution of 1..9 with [[1, 2], [3, 4]] plus 5, halved with
// rounding by the rescale (42 52 72 82); four products of 32767 by 32767
// summed (past 2^32, within i48).
// CHECK: conv=21 26 36 41 matmul=4294705156

func.func @main(%x: tensor<1x3x3x1xi16>, %a: tensor<1x1x4xi16>, %b: tensor<1x4x1xi16>) -> (tensor<1x2x2x1xi16>, tensor<1x1x1xi48>) {
  %w = "tosa.const"() <{values = dense<[[[[1], [2]], [[3], [4]]]]> : tensor<1x2x2x1xi8>}> : () -> tensor<1x2x2x1xi8>
  %bias = "tosa.const"() <{values = dense<5> : tensor<1xi48>}> : () -> tensor<1xi48>
  %xzp = "tosa.const"() <{values = dense<0> : tensor<1xi16>}> : () -> tensor<1xi16>
  %wzp = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %acc = tosa.conv2d %x, %w, %bias, %xzp, %wzp {acc_type = i48, dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x3x3x1xi16>, tensor<1x2x2x1xi8>, tensor<1xi48>, tensor<1xi16>, tensor<1xi8>) -> tensor<1x2x2x1xi48>
  %multiplier = "tosa.const"() <{values = dense<1073741824> : tensor<1xi32>}> : () -> tensor<1xi32>
  %shift = "tosa.const"() <{values = dense<31> : tensor<1xi8>}> : () -> tensor<1xi8>
  %acczp = "tosa.const"() <{values = dense<0> : tensor<1xi48>}> : () -> tensor<1xi48>
  %conv = tosa.rescale %acc, %multiplier, %shift, %acczp, %xzp {input_unsigned = false, output_unsigned = false, per_channel = false, rounding_mode = SINGLE_ROUND, scale32 = true} : (tensor<1x2x2x1xi48>, tensor<1xi32>, tensor<1xi8>, tensor<1xi48>, tensor<1xi16>) -> tensor<1x2x2x1xi16>
  %matmul = tosa.matmul %a, %b, %xzp, %xzp : (tensor<1x1x4xi16>, tensor<1x4x1xi16>, tensor<1xi16>, tensor<1xi16>) -> tensor<1x1x1xi48>
  return %conv, %matmul : tensor<1x2x2x1xi16>, tensor<1x1x1xi48>
}
