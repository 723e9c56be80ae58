// RUN: usmp-opt %s -split-input-file -usmp-assign-pools -verify-diagnostics
// A pool declared where everything of its kind has candidates already is
// nobody's candidate: a second run's pools, say.
// RUN: not usmp-opt %S/Inputs/one-buffer.mlir -usmp-assign-pools=pools=sram -usmp-pipeline=pools=dram 2>&1 | FileCheck %s --check-prefix=SECOND
// RUN: not usmp-opt %S/Inputs/candidates-given.mlir -usmp-assign-pools=pools=flash:kind=constant 2>&1 | FileCheck %s --check-prefix=CONSTANT
// RUN: not usmp-opt %S/Inputs/candidates-given.mlir -usmp-assign-pools=pools=dram 2>&1 | FileCheck %s --check-prefix=GIVEN
// SECOND: one-buffer.mlir:2:1: error: pool @dram is nobody's candidate: every buffer this pass gives pools to has its candidate pools already (usmp.pools, from an earlier usmp-assign-pools or written by hand); declare every pool in one usmp-assign-pools
// CONSTANT: error: pool @flash is nobody's candidate: every constant this pass gives pools to has its candidate pools already
// GIVEN: error: pool @dram is nobody's candidate: every buffer this pass gives pools to has

// expected-note @below {{pool @npu_only has targets("npu": rw)}}
usmp.pool workspace @npu_only targets("npu": rw)
func.func @main() {
  // expected-error @below {{no workspace pool is writable by target 'c' (the 'target' option)}}
  %a = memref.alloc() : memref<4xf32>
  return
}

// -----

// The error is at the symbol holding the name.
module {
  func.func @main() {
    return
  }
  // expected-error @below {{cannot create the default pool @global_workspace: this 'func.func' has the name; rename it, or declare the pools (option 'pools')}}
  func.func private @global_workspace()
}

// -----

// Candidates a buffer lists already are checked too: the target writes
// buffers.
// expected-note @below {{pool declared here}}
usmp.pool workspace @ro alignment(16) targets("c": ro)
usmp.pool workspace @rw alignment(16)
func.func @main(%x: memref<4xf32>) {
  // expected-error @below {{candidate pool @ro is not writable by target 'c'}}
  %a = memref.alloc() {usmp.pools = [@rw, @ro]} : memref<4xf32>
  memref.copy %x, %a : memref<4xf32> to memref<4xf32>
  return
}

// -----

// And reads constants.
// expected-note @below {{pool declared here}}
usmp.pool constant @npu_flash alignment(16) targets("npu": ro)
// expected-error @below {{candidate pool @npu_flash is not readable by target 'c'}}
memref.global "private" constant @w : memref<4xf32> = dense<1.0> {usmp.pools = [@npu_flash]}
func.func @main(%x: memref<4xf32>) {
  %w = memref.get_global @w : memref<4xf32>
  memref.copy %w, %x : memref<4xf32> to memref<4xf32>
  return
}

// -----

// After planning, a pool declared now would never be a candidate.
// expected-error @below {{pool @p is planned already; usmp-assign-pools runs before planning, and a module is planned once}}
usmp.pool workspace @p alignment(16) planned_size(0)
func.func @main() {
  return
}

// -----

// A constant pool the target cannot read holds no constant: said once.
// expected-warning @below {{constant pool @flash is not readable by target 'c' (the 'target' option): the model's constants stay globals}}
usmp.pool constant @flash targets("npu": ro)
memref.global "private" constant @w : memref<4xf32> = dense<1.0>
memref.global "private" constant @v : memref<4xf32> = dense<2.0>
func.func @main(%out: memref<4xf32>) {
  %w = memref.get_global @w : memref<4xf32>
  %v = memref.get_global @v : memref<4xf32>
  linalg.add ins(%w, %v : memref<4xf32>, memref<4xf32>) outs(%out : memref<4xf32>)
  return
}
