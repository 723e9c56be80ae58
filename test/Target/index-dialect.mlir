// The index dialect has no EmitC conversion; the C lowering turns its
// operations into arith's. TOSA's FFT lowerings compute their indices with
// it: here the transforms of [[1, 2, 3, 4], [0, 0, 0, 0]], every row the
// DFT of [1, 2, 3, 4]; Inputs/index-dialect-ops.mlir has every operation
// but index.sizeof (the width of size_t).

// RUN: rm -rf %t && mkdir -p %t
// RUN: usmp-opt %s --usmp-from-tosa --usmp-pipeline=model-name=f --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t
// RUN: usmp-opt %S/Inputs/index-dialect-ops.mlir --usmp-pipeline=model-name=x --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -fsanitize=address,undefined -fno-sanitize-recover=all -I %t %S/Inputs/index-dialect-app.c %t/tvmgen_f.c %t/tvmgen_x.c -lm -o %t/app
// RUN: %t/app | FileCheck %s

// CHECK: rfft2d re: 10 -2 -2 10 -2 -2
// CHECK: rfft2d im: 0 2 0 0 2 0
// CHECK: fft2d re: 10 -2 -2 -2 10 -2 -2 -2
// CHECK: fft2d im: 0 2 0 -2 0 2 0 -2

// add sub mul divs divu rems remu ceildivs ceildivu floordivs
// CHECK: ops: -4 -10 -21 -2 6148914691236517203 -1 0 -2 6148914691236517203 -3
// maxs maxu mins minu shl shrs shru and or xor
// CHECK-SAME: 3 -7 -7 3 -28 -2 4611686018427387902 1 -5 -6
// cmp slt, cmp ult, bool.constant, castu and casts of i32 -1, constant
// CHECK-SAME: 1 0 1 4294967295 -1 42

func.func @main(%x: tensor<1x2x4xf32>, %re: tensor<1x2x4xf32>, %im: tensor<1x2x4xf32>) -> (tensor<1x2x3xf32>, tensor<1x2x3xf32>, tensor<1x2x4xf32>, tensor<1x2x4xf32>) {
  %r0, %r1 = tosa.rfft2d %x : (tensor<1x2x4xf32>) -> (tensor<1x2x3xf32>, tensor<1x2x3xf32>)
  %f0, %f1 = tosa.fft2d %re, %im {inverse = false} : (tensor<1x2x4xf32>, tensor<1x2x4xf32>) -> (tensor<1x2x4xf32>, tensor<1x2x4xf32>)
  return %r0, %r1, %f0, %f1 : tensor<1x2x3xf32>, tensor<1x2x3xf32>, tensor<1x2x4xf32>, tensor<1x2x4xf32>
}
