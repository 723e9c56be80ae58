// The catalogue of bad inputs: each gets a precise diagnostic and a non-zero
// exit from the whole pipeline down to C, never a crash or a wrong plan.
// RUN: not usmp-opt %s -split-input-file -allow-unregistered-dialect --usmp-pipeline --convert-usmp-to-emitc -o /dev/null 2>&1 | FileCheck %s

// Malformed IR.
// CHECK: error: custom op 'usmp.pool' expected pool kind 'workspace' or 'constant', got 'scratchpad'
usmp.pool scratchpad @p

// -----

// A buffer pinned to a pool that does not exist.
// CHECK: error: 'memref.alloc' op 'usmp.pools' refers to unknown pool @nowhere
func.func @main(%out: memref<4xf32>) {
  %a = memref.alloc() {usmp.pools = [@nowhere]} : memref<4xf32>
  memref.copy %a, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// An impossible size hint.
// CHECK: error: planning failed: buffer 'main.buf0' of size 64 fits in no candidate pool: 'tiny' had 32 bytes left (size hint 32)
usmp.pool workspace @tiny size_hint(32)
func.func @main(%in: memref<16xf32>, %out: memref<16xf32>) {
  %a = memref.alloc() : memref<16xf32>
  memref.copy %in, %a : memref<16xf32> to memref<16xf32>
  memref.copy %a, %out : memref<16xf32> to memref<16xf32>
  return
}

// -----

// A dynamic shape: not planned, and no C for it.
// CHECK: remark: buffer not planned: it has a dynamic shape
// CHECK: error: cannot lower 'memref.alloc' to C: the buffer is not in a pool
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  %n = arith.constant 4 : index
  %a = memref.alloc(%n) : memref<?xf32>
  %c0 = arith.constant 0 : index
  %x = memref.load %in[%c0] : memref<4xf32>
  memref.store %x, %a[%c0] : memref<?xf32>
  %y = memref.load %a[%c0] : memref<?xf32>
  memref.store %y, %out[%c0] : memref<4xf32>
  return
}

// -----

// An escaping buffer: not planned, and the entry may not return it.
// CHECK: remark: buffer not planned: it is returned from its function
// CHECK: error: the entry function returns values
func.func @main(%in: memref<4xf32>) -> memref<4xf32> {
  %a = memref.alloc() : memref<4xf32>
  memref.copy %in, %a : memref<4xf32> to memref<4xf32>
  return %a : memref<4xf32>
}

// -----

// Recursion.
// CHECK: error: recursive call to @f cannot be planned statically
func.func private @f(%x: memref<4xf32>) {
  func.call @f(%x) : (memref<4xf32>) -> ()
  return
}
func.func @main(%x: memref<4xf32>) {
  func.call @f(%x) : (memref<4xf32>) -> ()
  return
}

// -----

// Sizes near 2^63: a buffer whose bytes do not fit in 63 bits is left alone,
// and two that fit only alone overflow any pool offset.
// CHECK: remark: buffer not planned: its size in bytes is unknown or does not fit in 63 bits
// CHECK: error: planning failed: buffer '{{.*}}' of size 4611686018427387904 fits in no candidate pool
usmp.pool workspace @p alignment(4) size_hint(9223372036854775807)
func.func @main(%out: memref<4xf32>) {
  %huge = memref.alloc() : memref<4294967296x4294967296xf32>
  %a = memref.alloc() : memref<1073741824x1073741824xf32>
  %b = memref.alloc() : memref<1073741824x1073741824xf32>
  "test.use"(%huge, %a, %b) : (memref<4294967296x4294967296xf32>, memref<1073741824x1073741824xf32>, memref<1073741824x1073741824xf32>) -> ()
  return
}

// -----

// Names that are not C identifiers and clash once sanitized.
// CHECK: error: I/O names 'x-0' and 'x.0' are both 'x_0' as C identifiers
func.func @main(%a: memref<4xf32> {usmp.io = #usmp.io<input "x-0", index = 0>}, %b: memref<4xf32> {usmp.io = #usmp.io<input "x.0", index = 1>}) {
  return
}

// -----

// An operation of an unknown dialect holding a region: named, not a crash
// (its dialect is null), and the function it precedes a call to is kept.
// CHECK: error: cannot lower 'foo.yield' to C: no EmitC conversion handles it
func.func private @k(%x: memref<4xf32>, %y: memref<4xf32>) {
  memref.copy %x, %y : memref<4xf32> to memref<4xf32>
  return
}
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  "foo.region"() ({
    "foo.yield"() : () -> ()
  }) : () -> ()
  func.call @k(%in, %out) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}

// -----

// A module nested in a function: pools and functions are resolved in the
// top module, so the passes refuse it rather than mix the two up.
// CHECK: bad-inputs.mlir:[[# @LINE + 4]]:3: error: a symbol table ('builtin.module') inside @main is not supported: usmp resolves pools and functions in the module
// CHECK-NOT: see current operation
usmp.pool workspace @p alignment(16)
func.func @main() {
  builtin.module {
    usmp.pool workspace @q alignment(16)
    func.func @inner() {
      %a = memref.alloc() {usmp.pools = [@q]} : memref<4xf32>
      return
    }
  }
  return
}
