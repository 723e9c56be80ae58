// Signed division and remainder of index values are computed on int64_t:
// upstream's conversion used size_t, unsigned in C (-7 / 3 gave
// 6148914691236517203). Its other signed operations on index were right
// and stay so. Unsigned division and remainder and the bitwise operations,
// which it refused, are computed on uint64_t.

// RUN: rm -rf %t && mkdir -p %t
// RUN: usmp-opt %s --usmp-pipeline=model-name=m --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -I %t %S/Inputs/index-signed-app.c %t/tvmgen_m.c -o %t/app
// RUN: %t/app | FileCheck %s

// CHECK: -7/3=-2 -7%3=-1 min(-7,3)=-7 -7<3=1 -7>>1=-4 u/=6148914691236517203 u%=0 &=1 |=-5 ^=-6
// CHECK-NEXT: 7/-3=-2 7%-3=1 min(7,-3)=-3 7<-3=0 7>>1=3 u/=0 u%=7 &=5 |=-1 ^=-6
#map = affine_map<(d0) -> (d0)>
func.func @main(%a: memref<2xindex>, %b: memref<2xindex>, %q: memref<2xindex>, %r: memref<2xindex>, %m: memref<2xindex>, %l: memref<2xi8>, %s: memref<2xindex>, %uq: memref<2xindex>, %ur: memref<2xindex>, %and: memref<2xindex>, %or: memref<2xindex>, %xor: memref<2xindex>) {
  linalg.generic {indexing_maps = [#map, #map, #map, #map, #map, #map, #map, #map, #map, #map, #map, #map], iterator_types = ["parallel"]} ins(%a, %b : memref<2xindex>, memref<2xindex>) outs(%q, %r, %m, %l, %s, %uq, %ur, %and, %or, %xor : memref<2xindex>, memref<2xindex>, memref<2xindex>, memref<2xi8>, memref<2xindex>, memref<2xindex>, memref<2xindex>, memref<2xindex>, memref<2xindex>, memref<2xindex>) {
  ^bb0(%x: index, %y: index, %o0: index, %o1: index, %o2: index, %o3: i8, %o4: index, %o5: index, %o6: index, %o7: index, %o8: index, %o9: index):
    %d = arith.divsi %x, %y : index
    %rem = arith.remsi %x, %y : index
    %min = arith.minsi %x, %y : index
    %lt = arith.cmpi slt, %x, %y : index
    %lt8 = arith.extui %lt : i1 to i8
    %one = arith.constant 1 : index
    %sh = arith.shrsi %x, %one : index
    %ud = arith.divui %x, %y : index
    %urem = arith.remui %x, %y : index
    %bitand = arith.andi %x, %y : index
    %bitor = arith.ori %x, %y : index
    %bitxor = arith.xori %x, %y : index
    linalg.yield %d, %rem, %min, %lt8, %sh, %ud, %urem, %bitand, %bitor, %bitxor : index, index, index, i8, index, index, index, index, index, index
  }
  return
}
