// Inputs and outputs named like macros of <math.h> and <stdint.h>, like
// GNU C's predefined `linux`, and like <stdlib.h>'s `EXIT_SUCCESS`, which
// glibc's <math.h> brings in when built as C++.
func.func @main(%in: memref<4xf32> {usmp.io = #usmp.io<input "M_PI", index = 0>},
                %in2: memref<4xf32> {usmp.io = #usmp.io<input "linux", index = 1>},
                %out: memref<4xf32> {usmp.io = #usmp.io<output "INT8_WIDTH", index = 0>},
                %out2: memref<4xf32> {usmp.io = #usmp.io<output "EXIT_SUCCESS", index = 1>}) {
  %a = memref.alloc() : memref<4xf32>
  memref.copy %in, %a : memref<4xf32> to memref<4xf32>
  memref.copy %a, %out : memref<4xf32> to memref<4xf32>
  memref.copy %in2, %out2 : memref<4xf32> to memref<4xf32>
  return
}
