// The conversions of float-to-int.mlir on their own: each element of %d,
// %f, %g, %h and %k converted.
func.func @main(%d: memref<5xf64>, %f: memref<5xf32>, %g: memref<3xf32>,
                %h: memref<4xf16>, %k: memref<3xbf16>,
                %si: memref<5xi32>, %ui: memref<5xi8>, %l: memref<3xi64>,
                %hs: memref<4xi64>, %hu: memref<4xi64>, %ks: memref<3xi32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %c5 = arith.constant 5 : index
  scf.for %i = %c0 to %c5 step %c1 {
    %x = memref.load %d[%i] : memref<5xf64>
    %s = arith.fptosi %x : f64 to i32
    memref.store %s, %si[%i] : memref<5xi32>
    %y = memref.load %f[%i] : memref<5xf32>
    %u = arith.fptoui %y : f32 to i8
    memref.store %u, %ui[%i] : memref<5xi8>
  }
  scf.for %i = %c0 to %c3 step %c1 {
    %x = memref.load %g[%i] : memref<3xf32>
    %s = arith.fptosi %x : f32 to i64
    memref.store %s, %l[%i] : memref<3xi64>
    %y = memref.load %k[%i] : memref<3xbf16>
    %t = arith.fptosi %y : bf16 to i32
    memref.store %t, %ks[%i] : memref<3xi32>
  }
  %c4 = arith.constant 4 : index
  scf.for %i = %c0 to %c4 step %c1 {
    %x = memref.load %h[%i] : memref<4xf16>
    %s = arith.fptosi %x : f16 to i64
    memref.store %s, %hs[%i] : memref<4xi64>
    %u = arith.fptoui %x : f16 to i64
    memref.store %u, %hu[%i] : memref<4xi64>
  }
  return
}
