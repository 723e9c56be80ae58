func.func @main(%in: memref<16xf32>, %out: memref<16xf32>) {
  call @f() : () -> ()
  memref.copy %in, %out : memref<16xf32> to memref<16xf32>
  return
}
func.func private @f() {
  %z = memref.alloc() : memref<0xf32>
  return
}
