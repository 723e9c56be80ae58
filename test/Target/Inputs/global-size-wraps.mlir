func.func private @h(%u: memref<4294967296x4294967296xf32>) {
  return
}
func.func @main(%x: memref<4xf32> {usmp.io = #usmp.io<input "x", index = 0>}, %y: memref<4xf32> {usmp.io = #usmp.io<output "y", index = 0>}) {
  %v = memref.get_global @g : memref<4294967296x4294967296xf32>
  func.call @h(%v) : (memref<4294967296x4294967296xf32>) -> ()
  memref.copy %x, %y : memref<4xf32> to memref<4xf32>
  return
}
memref.global "private" @g : memref<4294967296x4294967296xf32>
