// C++ has no f16 literals (GCC rejects the `f16` suffix there): an f16
// constant, scalar or an array outside the pools, is a cast of the same
// float value, as bf16 constants are. The bits come back unchanged.

// RUN: rm -rf %t && mkdir -p %t
// RUN: usmp-opt %s --usmp-pipeline=model-name=h --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t
// RUN: FileCheck %s --check-prefix=C < %t/tvmgen_h.c
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -I %t %S/Inputs/f16-constants-app.c %t/tvmgen_h.c -o %t/app
// RUN: %t/app | FileCheck %s
// RUN: g++ -x c++ -std=c++17 -Wall -Wextra -Werror -c %t/tvmgen_h.c -o %t/gxx.o
// RUN: clang++-22 -x c++ -std=c++17 -Wall -Wextra -Werror -c %t/tvmgen_h.c -o %t/clangxx.o

// C: static const _Float16 tvmgen_h_k[6] = {(_Float16)1.500000000e+00f, (_Float16)-0.000000000e+00f, (_Float16)HUGE_VALF, (_Float16)-HUGE_VALF, (_Float16)6.550400000e+04f, (_Float16)5.960464478e-08f};
// C: float [[C:v[0-9]+]] = 1.500000000e+00f;
// C-NEXT: _Float16 v{{[0-9]+}} = (_Float16) [[C]];
// C-NOT: f16;

// CHECK: 3e00 8000 7c00 fc00 7bff 0001 4100 b800

memref.global "private" constant @k : memref<6xf16> = dense<[1.5, -0.0, 0x7C00, 0xFC00, 65504.0, 0x0001]>
#map = affine_map<(d0) -> (d0)>
func.func @main(%in: memref<2xf16>, %k_out: memref<6xf16>, %sum: memref<2xf16>) {
  %k = memref.get_global @k : memref<6xf16>
  memref.copy %k, %k_out : memref<6xf16> to memref<6xf16>
  %c = arith.constant 1.5 : f16
  linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%in : memref<2xf16>) outs(%sum : memref<2xf16>) {
  ^bb0(%x: f16, %o: f16):
    %y = arith.addf %x, %c : f16
    linalg.yield %y : f16
  }
  return
}
