// TOSA operations beyond tosa-to-linalg reach C: tosa.scatter (through
// tosa-to-scf), tosa.transpose_conv2d (through TOSA's optional
// decompositions), and tosa.cond_if and tosa.while_loop on tensors, whose
// buffers are copied rather than yielded (usmp-copy-yielded-buffers; C
// cannot assign arrays), also slices at one offset, which give the if's
// result a layout no cast of a new buffer has.

// RUN: rm -rf %t && mkdir -p %t
// RUN: usmp-opt %s --usmp-from-tosa --usmp-pipeline=model-name=s --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -fsanitize=address,undefined -fno-sanitize-recover=all -I %t %S/Inputs/tosa-ops-app.c %t/tvmgen_s.c -o %t/app
// RUN: %t/app | FileCheck %s

// Rows 3 and 0 of the values replaced; the transposed convolution of [1, 2]
// with the kernel [3, 4] (stride 1) plus 0.5; a + b, then a; the loop adds
// 1, 2, ..., n to every element of a (n = 3, then 0); twice a[1:3], then
// twice b[1:3].
// CHECK: scatter=8 20 30 7 transpose_conv=3.5 10.5 8.5 cond_if=5 7 9 while_loop=7 8 9 sliced=4 6
// CHECK-NEXT: cond_if=1 2 3 while_loop=1 2 3 sliced=10 12

func.func @main(%values: tensor<1x4x1xi32>, %indices: tensor<1x2xi32>, %input: tensor<1x2x1xi32>, %x: tensor<1x2x1x1xf32>, %c: tensor<i1>, %a: tensor<3xf32>, %b: tensor<3xf32>, %n: tensor<i32>) -> (tensor<1x4x1xi32>, tensor<1x3x1x1xf32>, tensor<3xf32>, tensor<3xf32>, tensor<2xf32>) {
  %scattered = tosa.scatter %values, %indices, %input : (tensor<1x4x1xi32>, tensor<1x2xi32>, tensor<1x2x1xi32>) -> tensor<1x4x1xi32>
  %w = "tosa.const"() <{values = dense<[[[[3.0]], [[4.0]]]]> : tensor<1x2x1x1xf32>}> : () -> tensor<1x2x1x1xf32>
  %bias = "tosa.const"() <{values = dense<0.5> : tensor<1xf32>}> : () -> tensor<1xf32>
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %y = tosa.transpose_conv2d %x, %w, %bias, %zp, %zp {acc_type = f32, out_pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x2x1x1xf32>, tensor<1x2x1x1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x3x1x1xf32>
  %chosen = tosa.cond_if %c : tensor<i1> -> (tensor<3xf32>) {
    %sum = tosa.add %a, %b : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
    tosa.yield %sum : tensor<3xf32>
  } else {
    tosa.yield %a : tensor<3xf32>
  }
  %zero = "tosa.const"() <{values = dense<0> : tensor<i32>}> : () -> tensor<i32>
  %count, %looped = tosa.while_loop (%i = %zero, %v = %a) : (tensor<i32>, tensor<3xf32>) -> (tensor<i32>, tensor<3xf32>) {
    %more = tosa.greater %n, %i : (tensor<i32>, tensor<i32>) -> tensor<i1>
    tosa.yield %more : tensor<i1>
  } do {
  ^bb0(%i: tensor<i32>, %v: tensor<3xf32>):
    %one = "tosa.const"() <{values = dense<1> : tensor<i32>}> : () -> tensor<i32>
    %next = tosa.add %i, %one : (tensor<i32>, tensor<i32>) -> tensor<i32>
    %shape = tosa.const_shape {values = dense<1> : tensor<1xindex>} : () -> !tosa.shape<1>
    %step = tosa.reshape %next, %shape : (tensor<i32>, !tosa.shape<1>) -> tensor<1xi32>
    %real = tosa.cast %step : (tensor<1xi32>) -> tensor<1xf32>
    %sum = tosa.add %v, %real : (tensor<3xf32>, tensor<1xf32>) -> tensor<3xf32>
    tosa.yield %next, %sum : tensor<i32>, tensor<3xf32>
  }
  %sliced = tosa.cond_if %c : tensor<i1> -> (tensor<2xf32>) {
    %start = tosa.const_shape {values = dense<1> : tensor<1xindex>} : () -> !tosa.shape<1>
    %size = tosa.const_shape {values = dense<2> : tensor<1xindex>} : () -> !tosa.shape<1>
    %s = tosa.slice %a, %start, %size : (tensor<3xf32>, !tosa.shape<1>, !tosa.shape<1>) -> tensor<2xf32>
    tosa.yield %s : tensor<2xf32>
  } else {
    %start = tosa.const_shape {values = dense<1> : tensor<1xindex>} : () -> !tosa.shape<1>
    %size = tosa.const_shape {values = dense<2> : tensor<1xindex>} : () -> !tosa.shape<1>
    %s = tosa.slice %b, %start, %size : (tensor<3xf32>, !tosa.shape<1>, !tosa.shape<1>) -> tensor<2xf32>
    tosa.yield %s : tensor<2xf32>
  }
  %twice = tosa.add %sliced, %sliced : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %scattered, %y, %chosen, %looped, %twice : tensor<1x4x1xi32>, tensor<1x3x1x1xf32>, tensor<3xf32>, tensor<3xf32>, tensor<2xf32>
}
