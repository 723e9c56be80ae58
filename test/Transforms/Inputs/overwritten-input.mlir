// An input the model writes in place, whose bytes no other buffer reuses.
func.func @main(%x: memref<4xf32> {usmp.io = #usmp.io<input "x", index = 0>}, %out: memref<4xf32>) {
  linalg.add ins(%x, %x : memref<4xf32>, memref<4xf32>) outs(%x : memref<4xf32>)
  linalg.add ins(%x, %x : memref<4xf32>, memref<4xf32>) outs(%out : memref<4xf32>)
  return
}
