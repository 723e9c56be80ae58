// C has no bf16 literals: a bf16 constant array outside the pools is
// initialized with casts of the same float values (constant expressions),
// its special values included. The bits come back unchanged, but for a
// NaN's sign and payload (NAN is the default NaN, as for float constants).

// RUN: rm -rf %t && mkdir -p %t
// RUN: usmp-opt %s --usmp-pipeline=model-name=b --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t
// RUN: FileCheck %s --check-prefix=C < %t/tvmgen_b.c
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -I %t %S/Inputs/bf16-constants-app.c %t/tvmgen_b.c -o %t/app
// RUN: %t/app | FileCheck %s
// RUN: clang++-22 -x c++ -std=c++17 -Wall -Wextra -Werror -pedantic -c %t/tvmgen_b.c -o %t/cxx.o

// C: static const __bf16 tvmgen_b_k[8] = {(__bf16)1.500000000e+00f, (__bf16)-0.000000000e+00f, (__bf16)HUGE_VALF, (__bf16)-HUGE_VALF, (__bf16)NAN, (__bf16)3.389531389e+38f, (__bf16)9.183549616e-41f, (__bf16)-1.000000000e+00f};

// CHECK: 3fc0 8000 7f80 ff80 7fc0 7f7f 0001 bf80

memref.global "private" constant @k : memref<8xbf16> = dense<[1.5, -0.0, 0x7F80, 0xFF80, 0x7FC0, 0x7F7F, 0x0001, -1.0]>
func.func @main(%out: memref<8xbf16>) {
  %k = memref.get_global @k : memref<8xbf16>
  memref.copy %k, %out : memref<8xbf16> to memref<8xbf16>
  return
}
