// A 2-D model whose function would have the name of its row typedef in C
// (tvmgen_<model>_row_4_float), and one of int8_t rows.
func.func private @row_4_float(%x: memref<2x4xf32>, %y: memref<2x4xf32>) {
  linalg.add ins(%x, %x : memref<2x4xf32>, memref<2x4xf32>) outs(%y : memref<2x4xf32>)
  return
}

func.func @main(%in: memref<2x4xf32>, %out: memref<2x4xf32>, %qin: memref<2x3xi8>, %qout: memref<2x3xi8>) {
  linalg.add ins(%qin, %qin : memref<2x3xi8>, memref<2x3xi8>) outs(%qout : memref<2x3xi8>)
  %a = memref.alloc() : memref<2x4xf32>
  call @row_4_float(%in, %a) : (memref<2x4xf32>, memref<2x4xf32>) -> ()
  call @row_4_float(%a, %out) : (memref<2x4xf32>, memref<2x4xf32>) -> ()
  return
}
