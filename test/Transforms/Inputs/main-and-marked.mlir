// @main, or a function another pass was told: nothing tells which.
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  memref.copy %in, %out : memref<4xf32> to memref<4xf32>
  return
}
func.func @old_model(%x: memref<4xf32> {usmp.io = #usmp.io<input "x", index = 0>}, %y: memref<4xf32> {usmp.io = #usmp.io<output "y", index = 0>}) {
  memref.copy %x, %y : memref<4xf32> to memref<4xf32>
  return
}

// -----

// A function @main calls is no entry, whatever it marks: @main is, and
// planning refuses the marker there.
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  call @layer(%in, %out) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}
func.func @layer(%in: memref<4xf32>, %out: memref<4xf32>) {
  %a = memref.alloc() {usmp.io = #usmp.io<output "y", index = 0>} : memref<4xf32>
  memref.copy %in, %a : memref<4xf32> to memref<4xf32>
  memref.copy %a, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// Markers on the arguments of a function @main calls: usmp-mark-io was told
// another entry than the passes after it.
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  call @layer(%in, %out) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}
func.func @layer(%x: memref<4xf32> {usmp.io = #usmp.io<input "x", index = 0>}, %y: memref<4xf32>) {
  memref.copy %x, %y : memref<4xf32> to memref<4xf32>
  return
}

// -----

// The same with a result marker.
func.func @main(%in: memref<4xf32>) {
  %r = call @layer(%in) : (memref<4xf32>) -> memref<4xf32>
  return
}
func.func @layer(%x: memref<4xf32>) -> (memref<4xf32> {usmp.io = #usmp.io<output "y", index = 0>}) {
  return %x : memref<4xf32>
}
