// A constant bufferization made (`__constant_<type>`) whose C name a user's
// global has.
memref.global "private" constant @constant_4xf32 : memref<4xf32> = dense<1.0>
memref.global "private" constant @__constant_4xf32 : memref<4xf32> = dense<2.0>
memref.global "private" constant @__constant_4xf32_1 : memref<4xf32> = dense<3.0>
func.func @main(%x: memref<4xf32>, %y: memref<4xf32>, %z: memref<4xf32>, %w: memref<4xf32>) {
  %a = memref.get_global @constant_4xf32 : memref<4xf32>
  %b = memref.get_global @__constant_4xf32 : memref<4xf32>
  %c = memref.get_global @__constant_4xf32_1 : memref<4xf32>
  memref.copy %a, %x : memref<4xf32> to memref<4xf32>
  memref.copy %b, %y : memref<4xf32> to memref<4xf32>
  memref.copy %c, %z : memref<4xf32> to memref<4xf32>
  return
}
