// Math operations are calls of their <math.h> functions, on f32 (the `f`
// names), f64 and, computed in float and rounded back, f16; rsqrt divides
// one by the square root; the classifications are C's macros, but for
// isnormal on f16, whose subnormals are normal floats; roundeven
// (what tosa.cast to integers rounds with) is nearbyint; ctlz (tosa.clz)
// is shifts and compares; arith.remf is fmod. Upstream's
// conversion lowered only a third of them, and none on f16.

// RUN: rm -rf %t && mkdir -p %t
// RUN: usmp-opt %s --usmp-pipeline=model-name=m --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t
// RUN: FileCheck %s --check-prefix=SOURCE --input-file=%t/tvmgen_m.c
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -I %t %S/Inputs/math-functions-app.c %t/tvmgen_m.c -lm -o %t/app
// RUN: %t/app | FileCheck %s

// SOURCE-DAG: tanhf(
// SOURCE-DAG: erff(
// SOURCE-DAG: sqrtf(
// SOURCE-DAG: isnan(
// SOURCE-DAG: cbrt(
// SOURCE-DAG: pow(
// SOURCE-DAG: expf(
// SOURCE-DAG: nearbyintf(
// SOURCE-DAG: fmodf(

// CHECK: x=0.5 tanh=0.462117 erf=0.5205 rsqrt=1.41421 isnan(log)=0 cbrt=0.793701 pow3=0.125 f16exp=1.64844 roundeven(5x)=2 ctlz=30 f16isnormal(x/65536)=0 rem(x,0.75)=0.5 f16rem=0.5
// CHECK-NEXT: x=2 tanh=0.964028 erf=0.995322 rsqrt=0.707107 isnan(log)=0 cbrt=1.25992 pow3=8 f16exp=7.39062 roundeven(5x)=10 ctlz=28 f16isnormal(x/65536)=0 rem(x,0.75)=0.5 f16rem=0.5
// CHECK-NEXT: x=-1 tanh=-0.761594 erf=-0.842701 rsqrt=1 isnan(log)=1 cbrt=-1 pow3=-1 f16exp=0.36792 roundeven(5x)=-5 ctlz=0 f16isnormal(x/65536)=0 rem(x,0.75)=-0.25 f16rem=-0.25
// CHECK-NEXT: x=4 tanh=0.999329 erf=1 rsqrt=0.5 isnan(log)=0 cbrt=1.5874 pow3=64 f16exp=54.5938 roundeven(5x)=20 ctlz=27 f16isnormal(x/65536)=1 rem(x,0.75)=0.25 f16rem=0.25
#map = affine_map<(d0) -> (d0)>
func.func @main(%x: memref<4xf32>, %xd: memref<4xf64>, %xh: memref<4xf16>, %tanh: memref<4xf32>, %erf: memref<4xf32>, %rsqrt: memref<4xf32>, %nan: memref<4xi8>, %cbrt: memref<4xf64>, %pow: memref<4xf64>, %exp: memref<4xf16>, %even: memref<4xf32>, %clz: memref<4xi32>, %normal: memref<4xi8>, %rem: memref<4xf32>, %remh: memref<4xf16>) {
  linalg.generic {indexing_maps = [#map, #map, #map, #map, #map, #map, #map, #map, #map, #map, #map, #map, #map, #map, #map], iterator_types = ["parallel"]} ins(%x, %xd, %xh : memref<4xf32>, memref<4xf64>, memref<4xf16>) outs(%tanh, %erf, %rsqrt, %nan, %cbrt, %pow, %exp, %even, %clz, %normal, %rem, %remh : memref<4xf32>, memref<4xf32>, memref<4xf32>, memref<4xi8>, memref<4xf64>, memref<4xf64>, memref<4xf16>, memref<4xf32>, memref<4xi32>, memref<4xi8>, memref<4xf32>, memref<4xf16>) {
  ^bb0(%v: f32, %d: f64, %h: f16, %o0: f32, %o1: f32, %o2: f32, %o3: i8, %o4: f64, %o5: f64, %o6: f16, %o7: f32, %o8: i32, %o9: i8, %o10: f32, %o11: f16):
    %t = math.tanh %v : f32
    %e = math.erf %v : f32
    %a = math.absf %v : f32
    %r = math.rsqrt %a : f32
    %l = math.log %v : f32
    %n = math.isnan %l : f32
    %n8 = arith.extui %n : i1 to i8
    %c = math.cbrt %d : f64
    %three = arith.constant 3.0 : f64
    %p = math.powf %d, %three : f64
    %x16 = math.exp %h : f16
    %five = arith.constant 5.0 : f32
    %v5 = arith.mulf %v, %five : f32
    %re = math.roundeven %v5 : f32
    %i = arith.fptosi %v5 : f32 to i32
    %lz = math.ctlz %i : i32
    %tiny = arith.constant 1.52587890625e-05 : f16
    %small = arith.mulf %h, %tiny : f16
    %isnormal = math.isnormal %small : f16
    %isnormal8 = arith.extui %isnormal : i1 to i8
    %m = arith.constant 0.75 : f32
    %rm = arith.remf %v, %m : f32
    %mh = arith.constant 0.75 : f16
    %rmh = arith.remf %h, %mh : f16
    linalg.yield %t, %e, %r, %n8, %c, %p, %x16, %re, %lz, %isnormal8, %rm, %rmh : f32, f32, f32, i8, f64, f64, f16, f32, i32, i8, f32, f16
  }
  return
}
