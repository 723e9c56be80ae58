// tosa.scatter (through tosa-to-scf) and tosa.transpose_conv2d (through
// TOSA's optional decompositions) reach C; tosa.cond_if and
// tosa.while_loop yield buffers, which C cannot assign, and are refused by
// name.

// RUN: rm -rf %t && mkdir -p %t
// RUN: usmp-opt %s --usmp-from-tosa --usmp-pipeline=model-name=s --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -fsanitize=address,undefined -fno-sanitize-recover=all -I %t %S/Inputs/tosa-scatter-transpose-conv-app.c %t/tvmgen_s.c -o %t/app
// RUN: %t/app | FileCheck %s
// RUN: not usmp-opt %S/Inputs/tosa-control-flow.mlir -split-input-file --usmp-from-tosa --usmp-pipeline --convert-usmp-to-emitc -o /dev/null 2>&1 | FileCheck %s --check-prefix=FLOW

// Rows 3 and 0 of the values replaced; the transposed convolution of [1, 2]
// with the kernel [3, 4] (stride 1) plus 0.5.
// CHECK: scatter=8 20 30 7 transpose_conv=3.5 10.5 8.5

// FLOW: error: cannot lower 'scf.if' to C: it yields a memref, and C cannot assign arrays
// FLOW: error: cannot lower 'scf.while' to C: it yields a memref, and C cannot assign arrays

func.func @main(%values: tensor<1x4x1xi32>, %indices: tensor<1x2xi32>, %input: tensor<1x2x1xi32>, %x: tensor<1x2x1x1xf32>) -> (tensor<1x4x1xi32>, tensor<1x3x1x1xf32>) {
  %scattered = tosa.scatter %values, %indices, %input : (tensor<1x4x1xi32>, tensor<1x2xi32>, tensor<1x2x1xi32>) -> tensor<1x4x1xi32>
  %w = "tosa.const"() <{values = dense<[[[[3.0]], [[4.0]]]]> : tensor<1x2x1x1xf32>}> : () -> tensor<1x2x1x1xf32>
  %b = "tosa.const"() <{values = dense<0.5> : tensor<1xf32>}> : () -> tensor<1xf32>
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %y = tosa.transpose_conv2d %x, %w, %b, %zp, %zp {acc_type = f32, out_pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x2x1x1xf32>, tensor<1x2x1x1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x3x1x1xf32>
  return %scattered, %y : tensor<1x4x1xi32>, tensor<1x3x1x1xf32>
}
