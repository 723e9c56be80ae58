// Constant globals outside the pools: @g is passed to a call (a const array
// cannot be), @k is only read where it is.
memref.global "private" constant @g : memref<4xi32> = dense<[1, 2, 3, 4]>
memref.global "private" constant @k : memref<4xi32> = dense<[5, 6, 7, 8]>
func.func private @h(%a: memref<4xi32>, %o: memref<4xi32>) {
  linalg.add ins(%a, %a : memref<4xi32>, memref<4xi32>) outs(%o : memref<4xi32>)
  return
}
func.func @main(%out: memref<4xi32>, %out2: memref<4xi32>) {
  %g = memref.get_global @g : memref<4xi32>
  func.call @h(%g, %out) : (memref<4xi32>, memref<4xi32>) -> ()
  %k = memref.get_global @k : memref<4xi32>
  memref.copy %k, %out2 : memref<4xi32> to memref<4xi32>
  return
}
