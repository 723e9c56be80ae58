// Integer operations upstream's conversion gets wrong in C, computed right:
// signed operations on i1 (true is -1, not C's 1), products of i16 (C
// promotes uint16_t to int, where 65535 * 65535 overflows: undefined
// behaviour, caught here by UBSan), also those of the expansion of
// floordivsi and ceildivsi, INT64_MIN (printed as a literal too large for
// int64_t, a warning -Werror fails on), as a constant, an index constant and
// in a constant array, and a function returning index (its call did not
// verify), here one viewing a pool.

// RUN: rm -rf %t && mkdir -p %t
// RUN: usmp-opt %s --usmp-pipeline=model-name=m --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -fsanitize=undefined -fno-sanitize-recover=all -I %t %S/Inputs/narrow-integers-app.c %t/tvmgen_m.c -o %t/app
// RUN: %t/app | FileCheck %s

// Bits of cmp: slt, sle, sgt, sge; of minmax: maxsi, minsi, muli.
// CHECK: a=0 b=0 sitofp=0 extsi=0 cmp=10 minmax=0 square=1 c/-1=1,1
// CHECK-NEXT: a=1 b=0 sitofp=-1 extsi=-1 cmp=3 minmax=2 square=1 c/-1=-1,-1
// CHECK-NEXT: a=0 b=1 sitofp=0 extsi=0 cmp=12 minmax=2 square=24464 c/-1=-300,-300
// CHECK-NEXT: a=1 b=1 sitofp=-1 extsi=-1 cmp=10 minmax=7 square=9 c/-1=3,3
// CHECK-NEXT: x=0 x^min^k=0 index=-9223372036854775808
// CHECK-NEXT: x=1 x^min^k=-9223372036854775804 index=-9223372036854775807
#map = affine_map<(d0) -> (d0)>
func.func private @offset(%x: i64) -> index {
  // A scratch buffer: the function views a pool, so it is split.
  %c0 = arith.constant 0 : index
  %scratch = memref.alloc() : memref<1xi64>
  memref.store %x, %scratch[%c0] : memref<1xi64>
  %y = memref.load %scratch[%c0] : memref<1xi64>
  %i = arith.index_cast %y : i64 to index
  %min = arith.constant -9223372036854775808 : index
  %s = arith.addi %i, %min : index
  return %s : index
}
memref.global "private" constant @k : memref<2xi64> = dense<[-9223372036854775808, 5]>
func.func @main(%a: memref<4xi8>, %b: memref<4xi8>, %c: memref<4xi16>, %x: memref<2xi64>, %f: memref<4xf32>, %e: memref<4xi16>, %cmp: memref<4xi8>, %mm: memref<4xi8>, %sq: memref<4xi16>, %fd: memref<4xi16>, %cd: memref<4xi16>, %y: memref<2xi64>, %ix: memref<2xindex>) {
  linalg.generic {indexing_maps = [#map, #map, #map, #map, #map, #map, #map, #map, #map, #map], iterator_types = ["parallel"]} ins(%a, %b, %c : memref<4xi8>, memref<4xi8>, memref<4xi16>) outs(%f, %e, %cmp, %mm, %sq, %fd, %cd : memref<4xf32>, memref<4xi16>, memref<4xi8>, memref<4xi8>, memref<4xi16>, memref<4xi16>, memref<4xi16>) {
  ^bb0(%a8: i8, %b8: i8, %c16: i16, %o0: f32, %o1: i16, %o2: i8, %o3: i8, %o4: i16, %o5: i16, %o6: i16):
    %p = arith.trunci %a8 : i8 to i1
    %q = arith.trunci %b8 : i8 to i1
    %fp = arith.sitofp %p : i1 to f32
    %ext = arith.extsi %p : i1 to i16
    %lt = arith.cmpi slt, %p, %q : i1
    %le = arith.cmpi sle, %p, %q : i1
    %gt = arith.cmpi sgt, %p, %q : i1
    %ge = arith.cmpi sge, %p, %q : i1
    %max = arith.maxsi %p, %q : i1
    %min = arith.minsi %p, %q : i1
    %mul = arith.muli %p, %q : i1
    %c1 = arith.constant 1 : i8
    %c2 = arith.constant 2 : i8
    %c3 = arith.constant 3 : i8
    %lt8 = arith.extui %lt : i1 to i8
    %le8 = arith.extui %le : i1 to i8
    %gt8 = arith.extui %gt : i1 to i8
    %ge8 = arith.extui %ge : i1 to i8
    %le1 = arith.shli %le8, %c1 : i8
    %gt2 = arith.shli %gt8, %c2 : i8
    %ge3 = arith.shli %ge8, %c3 : i8
    %s0 = arith.ori %lt8, %le1 : i8
    %s1 = arith.ori %s0, %gt2 : i8
    %bits = arith.ori %s1, %ge3 : i8
    %max8 = arith.extui %max : i1 to i8
    %min8 = arith.extui %min : i1 to i8
    %mul8 = arith.extui %mul : i1 to i8
    %min1 = arith.shli %min8, %c1 : i8
    %mul2 = arith.shli %mul8, %c2 : i8
    %m0 = arith.ori %max8, %min1 : i8
    %minmax = arith.ori %m0, %mul2 : i8
    %square = arith.muli %c16, %c16 : i16
    %m1 = arith.constant -1 : i16
    %floor = arith.floordivsi %c16, %m1 : i16
    %ceil = arith.ceildivsi %c16, %m1 : i16
    linalg.yield %fp, %ext, %bits, %minmax, %square, %floor, %ceil : f32, i16, i8, i8, i16, i16, i16
  }
  %k = memref.get_global @k : memref<2xi64>
  %smallest = arith.constant -9223372036854775808 : i64
  linalg.generic {indexing_maps = [#map, #map, #map, #map], iterator_types = ["parallel"]} ins(%x, %k : memref<2xi64>, memref<2xi64>) outs(%y, %ix : memref<2xi64>, memref<2xindex>) {
  ^bb0(%v: i64, %w: i64, %o: i64, %o2: index):
    %r = arith.xori %v, %smallest : i64
    %s = arith.xori %r, %w : i64
    %i = func.call @offset(%v) : (i64) -> index
    linalg.yield %s, %i : i64, index
  }
  return
}
