// An input and an output named like macros of <math.h> and <stdint.h>.
func.func @main(%in: memref<4xf32> {usmp.io = #usmp.io<input "M_PI", index = 0>}, %out: memref<4xf32> {usmp.io = #usmp.io<output "INT8_WIDTH", index = 0>}) {
  %a = memref.alloc() : memref<4xf32>
  memref.copy %in, %a : memref<4xf32> to memref<4xf32>
  memref.copy %a, %out : memref<4xf32> to memref<4xf32>
  return
}
