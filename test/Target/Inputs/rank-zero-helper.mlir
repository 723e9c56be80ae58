// Rank-0 buffers passed to helpers: a planned one, the entry's parameters,
// a rank-0 constant outside the pools and an uninitialized rank-0 global
// (whose upstream conversion crashed, as did an external one's: @bias) (see
// rank-zero.mlir).
memref.global "private" constant @two : memref<f32> = dense<2.0>
memref.global "private" @last : memref<f32> = uninitialized
memref.global @bias : memref<f32>
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
func.func @main(%in: memref<f32>, %out: memref<f32>, %previous: memref<f32>) {
  %a = memref.alloc() : memref<f32>
  %input = memref.load %in[] : memref<f32>
  %biasg = memref.get_global @bias : memref<f32>
  %bias = memref.load %biasg[] : memref<f32>
  %x = arith.addf %input, %bias : f32
  func.call @put(%a, %x) : (memref<f32>, f32) -> ()
  %two = memref.get_global @two : memref<f32>
  func.call @scale(%a, %two, %out) : (memref<f32>, memref<f32>, memref<f32>) -> ()
  // The input (plus bias) of the previous run.
  %last = memref.get_global @last : memref<f32>
  %before = memref.load %last[] : memref<f32>
  func.call @put(%last, %x) : (memref<f32>, f32) -> ()
  func.call @put(%previous, %before) : (memref<f32>, f32) -> ()
  return
}
