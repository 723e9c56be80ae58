// Functions the entry never calls, one of them allocating (the planner
// leaves its buffer out), and a global only they read: the C leaves them
// out, since every model function there is static.
memref.global "private" constant @table : memref<4xf32> = dense<[1.0, 2.0, 3.0, 4.0]>
func.func private @unused(%x: memref<4xf32>) {
  %t = memref.alloc() : memref<4xf32>
  %g = memref.get_global @table : memref<4xf32>
  memref.copy %g, %t : memref<4xf32> to memref<4xf32>
  memref.copy %t, %x : memref<4xf32> to memref<4xf32>
  return
}
func.func @other(%x: memref<4xf32>) {
  func.call @unused(%x) : (memref<4xf32>) -> ()
  return
}
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  memref.copy %in, %out : memref<4xf32> to memref<4xf32>
  return
}
