// An output in an internal pool next to a provided pool (c-api-warnings.mlir).
func.func @main(%in: memref<16xf32>, %out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %x = memref.load %in[%c0] : memref<16xf32>
  memref.store %x, %out[%c0] : memref<4xf32>
  return
}
