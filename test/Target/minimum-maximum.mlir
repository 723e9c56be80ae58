// arith.minimumf and arith.maximumf order -0.0 below +0.0 and return a NaN
// operand as it is; upstream's expansion (compare and select) took either
// zero.

// RUN: rm -rf %t && mkdir -p %t
// RUN: usmp-opt %s --usmp-pipeline=model-name=m --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -I %t %S/Inputs/minimum-maximum-app.c %t/tvmgen_m.c -lm -o %t/app
// RUN: %t/app | FileCheck %s

// CHECK: min(+0,-0)=-0 min(-0,+0)=-0 max(+0,-0)=0 max(-0,+0)=0
// CHECK-NEXT: min(nan,2)=nan min(1,-3)=-3 max(nan,2)=nan max(1,-3)=1
// CHECK-NEXT: min(-0,-0)=-0 min(+0,+0)=0 max(-0,-0)=-0 max(+0,+0)=0
// CHECK-NEXT: min payload 7fc00001 max payload 7fc00001

func.func @main(%a: memref<2xf32>, %b: memref<2xf32>, %mn: memref<2xf32>, %mx: memref<2xf32>) {
  linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%a, %b : memref<2xf32>, memref<2xf32>) outs(%mn : memref<2xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %r = arith.minimumf %x, %y : f32
    linalg.yield %r : f32
  }
  linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%a, %b : memref<2xf32>, memref<2xf32>) outs(%mx : memref<2xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %r = arith.maximumf %x, %y : f32
    linalg.yield %r : f32
  }
  return
}
