// RUN: usmp-opt %s -split-input-file -usmp-plan-buffers=algorithm=greedy-by-size -verify-diagnostics
// `auto` also says when the buffers need more than every pool holds.
// RUN: not usmp-opt %S/Inputs/unbounded-beside-hint.mlir -usmp-plan-buffers -o /dev/null 2>&1 | FileCheck %s --check-prefix=TOGETHER
// TOGETHER: error: planning failed: buffer 'main.buf1' of size 16 fits in no candidate pool: 'p' had 0 bytes left (no size hint; a pool ends at 2^63 - 1 bytes), 'q' had 8 bytes left (size hint 8); the buffers need at least 9223372036854775816 bytes, more than the pools hold together (a pool without a size hint ends at 2^63 - 1 bytes: 9223372036854775815)

// An exceeded size hint is an error at the allocation naming every pool.
usmp.pool workspace @dtcm size_hint(100) alignment(16)
usmp.pool workspace @sram size_hint(200) alignment(16)
func.func @main(%in: memref<64xf32>, %out: memref<64xf32>) {
  // expected-error @below {{planning failed: buffer 'main.buf0' of size 256 fits in no candidate pool: 'dtcm' had 100 bytes left (size hint 100), 'sram' had 200 bytes left (size hint 200)}}
  %a = memref.alloc() : memref<64xf32>
  memref.copy %in, %a : memref<64xf32> to memref<64xf32>
  memref.copy %a, %out : memref<64xf32> to memref<64xf32>
  return
}

// -----

usmp.pool constant @flash alignment(16)
// The model may write a mutable global: it cannot be constant pool data.
// expected-error @below {{global 'state' is not constant; only constants are placed, in constant pools}}
memref.global "private" @state : memref<4xf32> = dense<0.0> {usmp.pools = [@flash]}
func.func @main(%in: memref<4xf32>) {
  %s = memref.get_global @state : memref<4xf32>
  memref.copy %in, %s : memref<4xf32> to memref<4xf32>
  return
}

// -----

usmp.pool constant @flash alignment(16)
// A constant without data (here a declaration) has none for the pool.
// expected-error @below {{constant 'ext' has no initial value to place in a constant pool; drop its usmp.pools}}
memref.global constant @ext : memref<4xf32> {usmp.pools = [@flash]}
func.func @main(%out: memref<4xf32>) {
  %e = memref.get_global @ext : memref<4xf32>
  memref.copy %e, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

usmp.pool workspace @sram alignment(16)
// expected-error @below {{constant 'w' lists workspace pool @sram as a candidate; constants go to constant pools}}
memref.global "private" constant @w : memref<4xf32> = dense<1.0> {usmp.pools = [@sram]}
func.func @main(%out: memref<4xf32>) {
  %w = memref.get_global @w : memref<4xf32>
  memref.copy %w, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

usmp.pool workspace @sram alignment(16)
usmp.pool constant @flash alignment(16)
func.func @main() {
  // expected-error @below {{buffer 'main.buf0' lists constant pool @flash as a candidate; only constants go there}}
  %a = memref.alloc() {usmp.pools = [@flash]} : memref<4xf32>
  return
}

// -----

// expected-error @below {{there is no usmp.pool to plan into; run usmp-assign-pools first}}
module {
  func.func @main() {
    %a = memref.alloc() : memref<4xf32>
    return
  }
}

// -----

// Nothing to plan and no pool: nothing happens.
module {
  func.func @main() {
    return
  }
}

// -----

// Planned sizes are i64 attributes: a pool without a hint still ends at
// 2^63 - 1 bytes, so two buffers live together that need more do not fit.
usmp.pool workspace @p alignment(1)
func.func @main(%in: memref<16xi8>, %out: memref<16xi8>) {
  %a = memref.alloc() : memref<9223372036854775800xi8>
  // expected-error @below {{planning failed: buffer 'main.buf1' of size 16 fits in no candidate pool: 'p' had 0 bytes left (no size hint; a pool ends at 2^63 - 1 bytes)}}
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

// -----

// A second plan would overlap the views of the first.
// expected-error @below {{pool @p is planned already; a module is planned once}}
usmp.pool workspace @p alignment(16) planned_size(64)
func.func @main() {
  %a = memref.alloc() : memref<4xf32>
  return
}

// -----

// A placement written by hand would be replaced.
usmp.pool workspace @sram alignment(16)
usmp.pool workspace @dram alignment(16)
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  // expected-error @below {{'usmp.placement' is given already; usmp-plan-buffers places every buffer itself (fixed placements are not supported): remove it}}
  %a = memref.alloc() {usmp.pools = [@sram, @dram], usmp.placement = #usmp.placement<@dram, offset = 0>} : memref<4xf32>
  memref.copy %in, %a : memref<4xf32> to memref<4xf32>
  memref.copy %a, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// Offsets count from the pool's base, which the application aligns only as
// the pool says: a candidate aligned less than the buffer asks is an error.
// expected-note @below {{pool declared here}}
usmp.pool workspace @sram alignment(16)
func.func @main(%out: memref<4xf32>) {
  // expected-error @below {{buffer 'main.buf0' needs 64-byte alignment, more than its candidate pool @sram guarantees (16); give the pool alignment(64) or more (for a pool the `pools` option of usmp-assign-pools or usmp-pipeline declares, NAME:alignment=N there; for the others they declare, their `alignment` option)}}
  %a = memref.alloc() {alignment = 64 : i64, usmp.pools = [@sram]} : memref<4xf32>
  memref.copy %a, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// The elements' own alignment counts too (f64: 8).
usmp.pool workspace @sram alignment(4)
usmp.pool workspace @dtcm alignment(2)
func.func @main(%out: memref<4xf64>) {
  // expected-error @below {{buffer 'main.buf0' needs 8-byte alignment, more than any workspace pool guarantees; give one alignment(8) or more (for a pool the `pools` option of usmp-assign-pools or usmp-pipeline declares, NAME:alignment=N there; for the others they declare, their `alignment` option)}}
  %a = memref.alloc() {alignment = 1 : i64} : memref<4xf64>
  memref.copy %a, %out : memref<4xf64> to memref<4xf64>
  return
}

// -----

// MLIR's default data layout aligns i64 to 4 only; C needs 8.
usmp.pool workspace @sram alignment(4)
func.func @main(%out: memref<4xi64>) {
  // expected-error @below {{buffer 'main.buf0' needs 8-byte alignment, more than any workspace pool guarantees; give one alignment(8) or more (for a pool the `pools` option of usmp-assign-pools or usmp-pipeline declares, NAME:alignment=N there; for the others they declare, their `alignment` option)}}
  %a = memref.alloc() : memref<4xi64>
  memref.copy %a, %out : memref<4xi64> to memref<4xi64>
  return
}

// -----

// expected-note @below {{pool declared here}}
usmp.pool constant @flash alignment(16)
// expected-error @below {{constant 'w' needs 32-byte alignment, more than its candidate pool @flash guarantees (16); give the pool alignment(32) or more (for a pool the `pools` option of usmp-assign-pools or usmp-pipeline declares, NAME:alignment=N there; for the others they declare, their `alignment` option)}}
memref.global "private" constant @w : memref<4xf32> = dense<1.0> {alignment = 32 : i64, usmp.pools = [@flash]}
func.func @main(%out: memref<4xf32>) {
  %w = memref.get_global @w : memref<4xf32>
  memref.copy %w, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// Inputs and outputs are the entry's: in a function called twice, one would
// be planned as scratch of each call and left out of the C API.
usmp.pool workspace @sram alignment(16)
func.func private @g(%o: memref<4xf32>) {
  // expected-error @below {{'usmp.io' marks a model input or output, which only the entry function @main can allocate}}
  %x = memref.alloc() {usmp.io = #usmp.io<input "x", index = 0>, usmp.pools = [@sram]} : memref<4xf32>
  linalg.exp ins(%x : memref<4xf32>) outs(%o : memref<4xf32>)
  return
}
func.func @main(%o1: memref<4xf32>, %o2: memref<4xf32>) {
  func.call @g(%o1) : (memref<4xf32>) -> ()
  func.call @g(%o2) : (memref<4xf32>) -> ()
  return
}
