// A pool without a hint ends at 2^63 - 1 bytes (plan-buffers-errors.mlir):
// beside a pool with a hint, what the pools hold together is that plus the
// hint.
usmp.pool workspace @p alignment(1)
usmp.pool workspace @q alignment(1) size_hint(8)
func.func @main(%in: memref<16xi8>, %out: memref<16xi8>) {
  %a = memref.alloc() : memref<9223372036854775800xi8>
  %b = memref.alloc() : memref<16xi8>
  %c0 = arith.constant 0 : index
  %x = memref.load %in[%c0] : memref<16xi8>
  memref.store %x, %a[%c0] : memref<9223372036854775800xi8>
  memref.store %x, %b[%c0] : memref<16xi8>
  %y = memref.load %a[%c0] : memref<9223372036854775800xi8>
  memref.store %y, %b[%c0] : memref<16xi8>
  memref.copy %b, %out : memref<16xi8> to memref<16xi8>
  return
}
