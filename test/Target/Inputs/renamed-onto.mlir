// A function already named like another's new name: all are renamed at once,
// so @g may become tvmgen_m_g while @tvmgen_m_g becomes tvmgen_m_tvmgen_m_g.
func.func private @"a.b"(%x: memref<4xf32>, %y: memref<4xf32>) {
  memref.copy %x, %y : memref<4xf32> to memref<4xf32>
  return
}
func.func private @tvmgen_m_g(%x: memref<4xf32>, %y: memref<4xf32>) {
  func.call @"a.b"(%x, %y) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}
func.func private @g(%x: memref<4xf32>, %y: memref<4xf32>) {
  func.call @tvmgen_m_g(%x, %y) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  %t = memref.alloc() : memref<4xf32>
  func.call @g(%in, %t) : (memref<4xf32>, memref<4xf32>) -> ()
  func.call @"a.b"(%t, %out) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}
