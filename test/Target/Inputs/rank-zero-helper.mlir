// Rank-0 buffers passed to helpers: a planned one, the entry's parameters,
// a rank-0 constant outside the pools and an uninitialized rank-0 global
// (whose upstream conversion crashed) (see rank-zero.mlir).
memref.global "private" constant @two : memref<f32> = dense<2.0>
memref.global "private" @last : memref<f32> = uninitialized
func.func private @put(%a: memref<f32>, %x: f32) {
  memref.store %x, %a[] : memref<f32>
  return
}
func.func private @scale(%a: memref<f32>, %k: memref<f32>, %o: memref<f32>) {
  %x = memref.load %a[] : memref<f32>
  %y = memref.load %k[] : memref<f32>
  %z = arith.mulf %x, %y : f32
  func.call @put(%o, %z) : (memref<f32>, f32) -> ()
  return
}
func.func @main(%in: memref<f32>, %out: memref<f32>) {
  %a = memref.alloc() : memref<f32>
  %x = memref.load %in[] : memref<f32>
  func.call @put(%a, %x) : (memref<f32>, f32) -> ()
  %two = memref.get_global @two : memref<f32>
  func.call @scale(%a, %two, %out) : (memref<f32>, memref<f32>, memref<f32>) -> ()
  %last = memref.get_global @last : memref<f32>
  %previous = memref.load %last[] : memref<f32>
  func.call @put(%last, %x) : (memref<f32>, f32) -> ()
  func.call @put(%a, %previous) : (memref<f32>, f32) -> ()
  return
}
