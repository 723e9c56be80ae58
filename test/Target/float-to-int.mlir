// Converting a float outside the integer type's range, or a NaN, is poison
// in arith (tosa.cast selects its saturated value after it) but undefined
// behaviour in C: the C converts zero instead, and in-range values, the
// nearest to the bounds included, convert as before. Run under UBSan, which
// reports any out-of-range conversion (bf16 needs compiler-rt's
// conversions).

// RUN: rm -rf %t && mkdir -p %t
// RUN: usmp-opt %s --usmp-from-tosa --usmp-pipeline=model-name=t --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t
// RUN: usmp-opt %S/Inputs/float-to-int.mlir --usmp-pipeline=model-name=a --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -fsanitize=address,undefined -fsanitize=float-cast-overflow -fno-sanitize-recover=all -rtlib=compiler-rt -I %t %S/Inputs/float-to-int-app.c %t/tvmgen_t.c %t/tvmgen_a.c -o %t/app
// RUN: %t/app | FileCheck %s

// tosa.cast rounds to nearest even and saturates; NaN is not checked (poison).
// CHECK: i32: 2147483647 -2147483648 2 -2 2147483520 -2147483648 2147483647 -2147483648
// CHECK: i8: 127 -128 -128 127 0 -1
// CHECK: i16 from f16: 32767 -32768 -32768 32767 65 -2

// The conversions alone, at their bounds (out of range: 0).
// CHECK: fptosi f64 to i32: -2147483648 2147483647 0 0 0
// CHECK: fptoui f32 to i8: 255 0 0 0 0
// CHECK: fptosi f32 to i64: -9223372036854775808 0 0
// CHECK: fptosi f16 to i64: 65504 0 0 -65504
// CHECK: fptoui f16 to i64: 65504 0 0 0
// CHECK: fptosi bf16 to i32: 0 -2147483648 2

func.func @main(%x: tensor<8xf32>, %y: tensor<6xf32>, %z: tensor<6xf16>) -> (tensor<8xi32>, tensor<6xi8>, tensor<6xi16>) {
  %i32 = tosa.cast %x : (tensor<8xf32>) -> tensor<8xi32>
  %i8 = tosa.cast %y : (tensor<6xf32>) -> tensor<6xi8>
  %i16 = tosa.cast %z : (tensor<6xf16>) -> tensor<6xi16>
  return %i32, %i8, %i16 : tensor<8xi32>, tensor<6xi8>, tensor<6xi16>
}
