// Indices kept in a workspace buffer between two loops; the inputs and
// outputs have no index elements.
func.func @main(%idx: memref<4xi64>, %in: memref<4xf32>, %out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %t = memref.alloc() : memref<4xindex>
  scf.for %i = %c0 to %c4 step %c1 {
    %j = memref.load %idx[%i] : memref<4xi64>
    %k = arith.index_cast %j : i64 to index
    memref.store %k, %t[%i] : memref<4xindex>
  }
  scf.for %i = %c0 to %c4 step %c1 {
    %j = memref.load %t[%i] : memref<4xindex>
    %x = memref.load %in[%j] : memref<4xf32>
    memref.store %x, %out[%i] : memref<4xf32>
  }
  return
}
