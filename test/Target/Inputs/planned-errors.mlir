// Planned modules written by hand, straight to the C lowering.

usmp.pool constant @c alignment(16) planned_size(4611686018427387904)
// expected-error @above {{constant pool @c has 4611686018427387904 bytes; the C API writes its data out as text, for pools of up to 4294967296 bytes}}
func.func @main(%in: memref<4xf32> {usmp.io = #usmp.io<input "x", index = 0>}) {
  return
}

// -----

usmp.pool workspace @a alignment(16) planned_size(6000000000000000000)
usmp.pool workspace @b alignment(16) planned_size(6000000000000000000)
// expected-error @above {{with pool @b the workspace pools the application provides take more than 2^63 - 1 bytes in all, which TVMGEN_DEFAULT_WORKSPACE_SIZE cannot hold}}
func.func @main(%pa: memref<6000000000000000000xi8> {usmp.pool = @a}, %pb: memref<6000000000000000000xi8> {usmp.pool = @b}) {
  return
}
