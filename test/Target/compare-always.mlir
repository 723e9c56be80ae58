// RUN: rm -rf %t
// RUN: usmp-opt %s --usmp-pipeline --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t
// RUN: FileCheck %s --input-file=%t/tvmgen_default.c
// usmp-from-tosa canonicalizes too, without that fold.
// RUN: usmp-opt %s --usmp-from-tosa --usmp-pipeline --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t/from-tosa
// RUN: FileCheck %s --input-file=%t/from-tosa/tvmgen_default.c

// `arith.cmpf true` and `false` become their constant before upstream's
// canonicalization, which crashes on them next to an integer converted to
// float (MLIR 22): here the select always takes 0.
// CHECK: float [[Z:v[0-9]+]] = 0.0e+00f;
// CHECK: for (
// CHECK-NEXT: [[OUT:v[0-9]+]][{{i[0-9]+}}] = [[Z]];
func.func @main(%a: memref<4xi32>, %o: memref<4xf32>) {
  linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%a : memref<4xi32>) outs(%o : memref<4xf32>) {
  ^bb0(%x: i32, %p: f32):
    %f = arith.sitofp %x : i32 to f32
    %z = arith.constant 0.0 : f32
    %c = arith.cmpf true, %f, %z : f32
    %s = arith.select %c, %z, %f : f32
    linalg.yield %s : f32
  }
  return
}
