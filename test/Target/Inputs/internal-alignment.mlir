// An internal pool is a static array of the source, whose alignment C
// compilers bound (GCC: 2^28 on ELF targets).
// expected-error @below {{internal pool @big needs 536870912-byte alignment; C compilers accept up to 268435456 for a static array (leave it out of 'internal-pools' so that the application provides it)}}
usmp.pool workspace @big alignment(536870912) planned_size(16)
func.func @main(%in: memref<4xf32> {usmp.io = #usmp.io<input "x", index = 0>}) {
  return
}
