// The alignment a global carries beyond its elements' is the C array's:
// definitions get USMP_ALIGNED, an application's array (a declaration) and
// one aligned no more than its elements get none.
// RUN: usmp-opt %s --usmp-pipeline="model-name=g" --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t
// RUN: FileCheck %s --input-file=%t/tvmgen_g.c
// RUN: cc -std=c99 -Wall -Wextra -Werror -pedantic -c %t/tvmgen_g.c -o %t/c.o
// RUN: clang-22 -U__GNUC__ -std=c11 -Wall -Wextra -Werror -pedantic -c %t/tvmgen_g.c -o %t/c11.o
// RUN: clang++-22 -U__GNUC__ -x c++ -std=c++17 -Wall -Wextra -Werror -pedantic -c %t/tvmgen_g.c -o %t/cxx11.o
// RUN: clang-22 -U__GNUC__ -std=c11 -E %t/tvmgen_g.c | FileCheck %s --check-prefix=C11

// CHECK: #define USMP_ALIGNED(n) __attribute__((aligned(n)))
// CHECK: USMP_ALIGNED(64)
// CHECK-NEXT: static const float tvmgen_g_w[4] =
// CHECK-NEXT: USMP_ALIGNED(128)
// CHECK-NEXT: static float tvmgen_g_state[4] =
// CHECK-NEXT: USMP_ALIGNED(32)
// CHECK-NEXT: static float tvmgen_g_scratch[2][2];
// CHECK-NEXT: static const double tvmgen_g_d[4] =
// CHECK-NEXT: extern float tvmgen_g_table[4];
// A public array of the model's is as `static` as a private one.
// CHECK-NEXT: static const float tvmgen_g_shared[2] = {
// State of zero bytes needs no copy of its initial value: reset_state
// clears it.
// CHECK-NOT: _initial
// CHECK-LABEL: void tvmgen_g_reset_state(void) {
// CHECK-NEXT: memset(tvmgen_g_state, 0, sizeof(tvmgen_g_state));
// CHECK-NEXT: memset(tvmgen_g_scratch, 0, sizeof(tvmgen_g_scratch));
// C11: _Alignas(64)
// C11-NEXT: static const float tvmgen_g_w[4] =

memref.global "private" constant @w : memref<4xf32> = dense<[1.0, 2.0, 3.0, 4.0]> {alignment = 64 : i64}
memref.global "private" @state : memref<4xf32> = dense<0.0> {alignment = 128 : i64}
memref.global "private" @scratch : memref<2x2xf32> = uninitialized {alignment = 32 : i64}
memref.global "private" constant @d : memref<4xf64> = dense<1.0> {alignment = 8 : i64}
memref.global @table : memref<4xf32> {alignment = 64 : i64}
memref.global constant @shared : memref<2xf32> = dense<2.0>
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  %w = memref.get_global @w : memref<4xf32>
  %s = memref.get_global @state : memref<4xf32>
  %t = memref.get_global @table : memref<4xf32>
  %x = memref.get_global @scratch : memref<2x2xf32>
  %d = memref.get_global @d : memref<4xf64>
  %sh = memref.get_global @shared : memref<2xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %e2 = memref.load %sh[%c0] : memref<2xf32>
  memref.store %e2, %x[%c0, %c1] : memref<2x2xf32>
  %e = memref.load %d[%c0] : memref<4xf64>
  %f = arith.truncf %e : f64 to f32
  memref.store %f, %x[%c0, %c0] : memref<2x2xf32>
  linalg.add ins(%in, %w : memref<4xf32>, memref<4xf32>) outs(%s : memref<4xf32>)
  linalg.add ins(%s, %t : memref<4xf32>, memref<4xf32>) outs(%out : memref<4xf32>)
  return
}
