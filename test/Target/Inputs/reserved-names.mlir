// Inputs and outputs named like C11's keywords, and with two leading
// underscores: names C reserves.
func.func @main(%in: memref<4xf32> {usmp.io = #usmp.io<input "_Bool", index = 0>},
                %in2: memref<4xf32> {usmp.io = #usmp.io<input "__x", index = 1>},
                %out: memref<4xf32> {usmp.io = #usmp.io<output "_Complex", index = 0>},
                %out2: memref<4xf32> {usmp.io = #usmp.io<output "_Static_assert", index = 1>}) {
  memref.copy %in, %out : memref<4xf32> to memref<4xf32>
  memref.copy %in2, %out2 : memref<4xf32> to memref<4xf32>
  return
}
