// reset_state gives every state its initial value back: a copy of it, one
// element of it when all are the same (repeated over the state; a quantized
// model's state starts at its zero point; INT64_MIN is written out as text,
// from which the element is taken), and nothing for zero bytes (cleared). Each run returns the state before it and changes it.

// RUN: rm -rf %t
// RUN: usmp-opt %s --usmp-pipeline=model-name=m --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t
// RUN: FileCheck %s --input-file=%t/tvmgen_m.c --check-prefix=SOURCE
// RUN: clang++-22 -x c++ -std=c++17 -Wall -Wextra -Werror -pedantic -c %t/tvmgen_m.c -o %t/cxx.o
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -fsanitize=address,undefined -fno-sanitize-recover=all -I %t %S/Inputs/reset-state-values-app.c %t/tvmgen_m.c -o %t/app
// RUN: %t/app | FileCheck %s

// SOURCE-DAG: static int8_t tvmgen_m_q[6] = {-128, -128, -128, -128, -128, -128};
// SOURCE-DAG: static const int8_t tvmgen_m_q_initial[1] = {-128};
// SOURCE-DAG: static const int64_t tvmgen_m_m_initial[1] = {INT64_MIN};
// SOURCE-DAG: static const float tvmgen_m_f_initial[1] = {-0.0e+00f};
// SOURCE-DAG: static const int32_t tvmgen_m_v_initial[3] = {1, 2, 3};
// SOURCE-NOT: tvmgen_m_z_initial
// SOURCE-LABEL: void tvmgen_m_reset_state(void) {
// SOURCE-NEXT: for (size_t i = 0; i < sizeof(tvmgen_m_q); i += sizeof(tvmgen_m_q_initial))
// SOURCE-NEXT:   memcpy((unsigned char *)tvmgen_m_q + i, tvmgen_m_q_initial, sizeof(tvmgen_m_q_initial));
// SOURCE: memcpy(tvmgen_m_v, tvmgen_m_v_initial, sizeof(tvmgen_m_v));
// SOURCE: memset(tvmgen_m_z, 0, sizeof(tvmgen_m_z));

// CHECK: -128 -128 -128 -128 -128 -128 | -9223372036854775808 -9223372036854775808 | -0 -0 | 1 2 3 | 0 0
// CHECK-NEXT: -128 -128 -128 -128 -127 -128 | -9223372036854775808 -9223372036854775807 | -0 1 | 1 3 3 | 0 1
// CHECK-NEXT: reset
// CHECK-NEXT: -128 -128 -128 -128 -128 -128 | -9223372036854775808 -9223372036854775808 | -0 -0 | 1 2 3 | 0 0

memref.global "private" @q : memref<2x3xi8> = dense<-128>
memref.global "private" @m : memref<2xi64> = dense<-9223372036854775808>
memref.global "private" @f : memref<2xf32> = dense<-0.0>
memref.global "private" @v : memref<3xi32> = dense<[1, 2, 3]>
memref.global "private" @z : memref<2xi32> = dense<0>
func.func @main(%oq: memref<2x3xi8>, %om: memref<2xi64>, %of: memref<2xf32>, %ov: memref<3xi32>, %oz: memref<2xi32>) {
  %q = memref.get_global @q : memref<2x3xi8>
  %m = memref.get_global @m : memref<2xi64>
  %f = memref.get_global @f : memref<2xf32>
  %v = memref.get_global @v : memref<3xi32>
  %z = memref.get_global @z : memref<2xi32>
  memref.copy %q, %oq : memref<2x3xi8> to memref<2x3xi8>
  memref.copy %m, %om : memref<2xi64> to memref<2xi64>
  memref.copy %f, %of : memref<2xf32> to memref<2xf32>
  memref.copy %v, %ov : memref<3xi32> to memref<3xi32>
  memref.copy %z, %oz : memref<2xi32> to memref<2xi32>
  %c1 = arith.constant 1 : index
  %i8 = arith.constant 1 : i8
  %a = memref.load %q[%c1, %c1] : memref<2x3xi8>
  %a1 = arith.addi %a, %i8 : i8
  memref.store %a1, %q[%c1, %c1] : memref<2x3xi8>
  %i64 = arith.constant 1 : i64
  %b = memref.load %m[%c1] : memref<2xi64>
  %b1 = arith.addi %b, %i64 : i64
  memref.store %b1, %m[%c1] : memref<2xi64>
  %one = arith.constant 1.0 : f32
  memref.store %one, %f[%c1] : memref<2xf32>
  %i32 = arith.constant 1 : i32
  %d = memref.load %v[%c1] : memref<3xi32>
  %d1 = arith.addi %d, %i32 : i32
  memref.store %d1, %v[%c1] : memref<3xi32>
  %e = memref.load %z[%c1] : memref<2xi32>
  %e1 = arith.addi %e, %i32 : i32
  memref.store %e1, %z[%c1] : memref<2xi32>
  return
}
