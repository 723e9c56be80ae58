// RUN: usmp-opt %s -split-input-file -usmp-verify-plan -verify-diagnostics
// RUN: not usmp-opt %s -split-input-file -usmp-verify-plan 2>&1 | FileCheck %s --check-prefix=ORDER

// Views that are never live together may share bytes.
usmp.pool workspace @sram alignment(16) planned_size(64)
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>, %pool: memref<64xi8> {usmp.pool = @sram}) {
  %c0 = arith.constant 0 : index
  %c16 = arith.constant 16 : index
  %a = memref.view %pool[%c0][] : memref<64xi8> to memref<4xf32>
  %b = memref.view %pool[%c16][] : memref<64xi8> to memref<4xf32>
  %c = memref.view %pool[%c0][] : memref<64xi8> to memref<4xf32>
  memref.copy %in, %a : memref<4xf32> to memref<4xf32>
  memref.copy %a, %b : memref<4xf32> to memref<4xf32>
  memref.copy %b, %c : memref<4xf32> to memref<4xf32>
  memref.copy %c, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

usmp.pool workspace @sram alignment(16) planned_size(64)
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>, %pool: memref<64xi8> {usmp.pool = @sram}) {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 16 : index
  // expected-note @below {{bytes [0, 16) here}}
  %a = memref.view %pool[%c0][] : memref<64xi8> to memref<4xf32>
  // expected-error @below {{view of pool @sram at bytes [0, 16) overlaps a view live at the same time}}
  %b = memref.view %pool[%c0][] : memref<64xi8> to memref<4xf32>
  memref.copy %in, %a : memref<4xf32> to memref<4xf32>
  memref.copy %a, %b : memref<4xf32> to memref<4xf32>
  memref.copy %b, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// Overlaps across calls: the caller's view is live during the callee's.
usmp.pool workspace @sram alignment(16) planned_size(64)
func.func private @op(%x: memref<4xf32>, %pool: memref<64xi8> {usmp.pool = @sram}) {
  %c8 = arith.constant 48 : index
  // expected-error @below {{view of pool @sram at bytes [48, 64) overlaps a view live at the same time}}
  %s = memref.view %pool[%c8][] : memref<64xi8> to memref<4xf32>
  memref.copy %x, %s : memref<4xf32> to memref<4xf32>
  return
}
func.func @main(%pool: memref<64xi8> {usmp.pool = @sram}) {
  %c32 = arith.constant 32 : index
  // expected-note @below {{bytes [32, 64) here}}
  %a = memref.view %pool[%c32][] : memref<64xi8> to memref<8xf32>
  %sub = memref.subview %a[0] [4] [1] : memref<8xf32> to memref<4xf32, strided<[1]>>
  %cast = memref.cast %sub : memref<4xf32, strided<[1]>> to memref<4xf32>
  func.call @op(%cast, %pool) : (memref<4xf32>, memref<64xi8>) -> ()
  return
}

// -----

usmp.pool workspace @sram alignment(16) planned_size(64)
func.func @main(%pool: memref<64xi8> {usmp.pool = @sram}) {
  %c8 = arith.constant 8 : index
  // expected-error @below {{view of pool @sram at offset 8 is not aligned to 16}}
  %a = memref.view %pool[%c8][] : memref<64xi8> to memref<2xf32>
  return
}

// -----

// A multiple of the alignment, but before the pool.
usmp.pool workspace @sram alignment(16) planned_size(64)
func.func @main(%pool: memref<64xi8> {usmp.pool = @sram}) {
  %c = arith.constant -16 : index
  // expected-error @below {{view of pool @sram at offset -16 starts before the pool}}
  %a = memref.view %pool[%c][] : memref<64xi8> to memref<2xf32>
  return
}

// -----

usmp.pool workspace @sram alignment(16) planned_size(64)
func.func @main(%pool: memref<64xi8> {usmp.pool = @sram}) {
  %c48 = arith.constant 48 : index
  // expected-error @below {{view of pool @sram at offset 48 of 32 bytes ends past the pool's 64 bytes}}
  %a = memref.view %pool[%c48][] : memref<64xi8> to memref<8xf32>
  return
}

// -----

usmp.pool workspace @sram alignment(16) planned_size(64)
func.func @main(%pool: memref<64xi8> {usmp.pool = @sram}, %i: index) {
  // expected-error @below {{view of pool @sram is at a non-constant offset}}
  %a = memref.view %pool[%i][] : memref<64xi8> to memref<2xf32>
  return
}

// -----

usmp.pool workspace @sram alignment(16) planned_size(64)
func.func @main(%pool: memref<64xi8> {usmp.pool = @sram}) -> memref<2xf32> {
  %c0 = arith.constant 0 : index
  // expected-error @below {{cannot verify this view of a pool: it is returned from its function}}
  %a = memref.view %pool[%c0][] : memref<64xi8> to memref<2xf32>
  return %a : memref<2xf32>
}

// -----

// The C API maps I/O by the placement, the model reads through the view:
// the two must agree.
usmp.pool workspace @gw alignment(16) planned_size(48)
func.func @main(%pool: memref<48xi8> {usmp.pool = @gw}) {
  %c16 = arith.constant 16 : index
  %c32 = arith.constant 32 : index
  // expected-error @below {{view carries #usmp.placement<@gw, offset = 0> but does not view that pool at that constant offset}}
  %in = memref.view %pool[%c16][] {usmp.io = #usmp.io<input "x", index = 0>, usmp.placement = #usmp.placement<@gw, offset = 0>} : memref<48xi8> to memref<4xf32>
  %out = memref.view %pool[%c32][] {usmp.io = #usmp.io<output "y", index = 0>, usmp.placement = #usmp.placement<@gw, offset = 32>} : memref<48xi8> to memref<4xf32>
  memref.copy %in, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// A constant's bytes hold its data for the whole run, read or not.
usmp.pool constant @c alignment(8) planned_size(32)
// expected-note @below {{placed here}}
memref.global "private" constant @g : memref<4xf32> = dense<1.0> {usmp.placement = #usmp.placement<@c, offset = 0>}
// expected-error @below {{constant @h shares bytes of pool @c with constant @g}}
memref.global "private" constant @h : memref<2xf32> = dense<2.0> {usmp.placement = #usmp.placement<@c, offset = 8>}
memref.global "private" constant @k : memref<4xf32> = dense<3.0> {usmp.placement = #usmp.placement<@c, offset = 16>}
func.func @main() {
  return
}

// -----

// Constants hold their bytes for the whole run: a view of a constant pool
// may go to a function without a body, whose uses nobody can follow.
usmp.pool constant @flash alignment(16) planned_size(16)
func.func private @ext(memref<2x2xf32>)
func.func @main(%flash: memref<16xi8> {usmp.pool = @flash}) {
  %c0 = arith.constant 0 : index
  %w = memref.view %flash[%c0][] : memref<16xi8> to memref<2x2xf32>
  call @ext(%w) : (memref<2x2xf32>) -> ()
  return
}

// -----

usmp.pool constant @flash alignment(16) planned_size(16)
func.func @main(%flash: memref<16xi8> {usmp.pool = @flash}) {
  %c8 = arith.constant 8 : index
  // expected-error @below {{view of pool @flash at offset 8 is not aligned to 16}}
  %w = memref.view %flash[%c8][] : memref<16xi8> to memref<2xf32>
  %v = memref.load %w[%c8] : memref<2xf32>
  return
}

// -----

usmp.pool constant @flash alignment(16) planned_size(16)
func.func @main(%flash: memref<16xi8> {usmp.pool = @flash}, %n: index) {
  %c0 = arith.constant 0 : index
  // expected-error @below {{cannot size this view of pool @flash}}
  %w = memref.view %flash[%c0][%n] : memref<16xi8> to memref<?xf32>
  %v = memref.load %w[%c0] : memref<?xf32>
  return
}

// -----

// Before usmp-convert-to-pool-views, the placements usmp-plan-buffers gave
// the allocations are checked the same way: %a and %c are never live
// together.
usmp.pool workspace @sram alignment(16) planned_size(32)
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  %a = memref.alloc() {usmp.placement = #usmp.placement<@sram, offset = 0>} : memref<4xf32>
  %b = memref.alloc() {usmp.placement = #usmp.placement<@sram, offset = 16>} : memref<4xf32>
  %c = memref.alloc() {usmp.placement = #usmp.placement<@sram, offset = 0>} : memref<4xf32>
  memref.copy %in, %a : memref<4xf32> to memref<4xf32>
  memref.copy %a, %b : memref<4xf32> to memref<4xf32>
  memref.copy %b, %c : memref<4xf32> to memref<4xf32>
  memref.copy %c, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

usmp.pool workspace @sram alignment(16) planned_size(32)
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  // expected-note @below {{bytes [0, 16) here}}
  %a = memref.alloc() {usmp.placement = #usmp.placement<@sram, offset = 0>} : memref<4xf32>
  // expected-error @below {{buffer placed in pool @sram at bytes [0, 16) overlaps a placed buffer live at the same time}}
  %b = memref.alloc() {usmp.placement = #usmp.placement<@sram, offset = 0>} : memref<4xf32>
  memref.copy %in, %a : memref<4xf32> to memref<4xf32>
  memref.copy %a, %b : memref<4xf32> to memref<4xf32>
  memref.copy %b, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// The pool's bytes reach @f through a parameter that is no pool: @f's view
// there is not checked, so the plan cannot be verified.
usmp.pool workspace @p alignment(16) planned_size(32)
func.func private @f(%q: memref<32xi8>) {
  %c0 = arith.constant 0 : index
  %t = memref.view %q[%c0][] : memref<32xi8> to memref<4xf32>
  %one = arith.constant 1.0 : f32
  linalg.fill ins(%one : f32) outs(%t : memref<4xf32>)
  return
}
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>, %pool: memref<32xi8> {usmp.pool = @p}) {
  %c0 = arith.constant 0 : index
  %a = memref.view %pool[%c0][] : memref<32xi8> to memref<4xf32>
  memref.copy %in, %a : memref<4xf32> to memref<4xf32>
  // expected-error @below {{cannot verify pool @p in @f: its parameter 0 is not marked usmp.pool = @p}}
  func.call @f(%pool) : (memref<32xi8>) -> ()
  memref.copy %a, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// Uses of a pool other than its views reach bytes no check sees.
usmp.pool workspace @p alignment(16) planned_size(32)
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>, %pool: memref<32xi8> {usmp.pool = @p}) {
  %c0 = arith.constant 0 : index
  %a = memref.view %pool[%c0][] : memref<32xi8> to memref<4xf32>
  memref.copy %in, %a : memref<4xf32> to memref<4xf32>
  // Reported in the order of the uses.
  // ORDER: verify-plan.mlir:[[#@LINE+2]]:{{.*}}cannot verify this use of pool @p
  // expected-error @below {{cannot verify this use of pool @p: only views of a pool and calls passing it on are checked}}
  %s = memref.subview %pool[0][16][1] : memref<32xi8> to memref<16xi8, strided<[1]>>
  %z = arith.constant 0 : i8
  linalg.fill ins(%z : i8) outs(%s : memref<16xi8, strided<[1]>>)
  // ORDER: verify-plan.mlir:[[#@LINE+2]]:{{.*}}cannot verify this use of pool @p
  // expected-error @below {{cannot verify this use of pool @p: only views of a pool and calls passing it on are checked}}
  linalg.fill ins(%z : i8) outs(%pool : memref<32xi8>)
  memref.copy %a, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// A pool passed to a function without a body: its uses there are unknown.
usmp.pool workspace @p alignment(16) planned_size(32)
func.func private @ext(memref<32xi8> {usmp.pool = @p})
func.func @main(%pool: memref<32xi8> {usmp.pool = @p}) {
  // expected-error @below {{cannot verify pool @p in @ext: it has no body here}}
  func.call @ext(%pool) : (memref<32xi8>) -> ()
  return
}

// -----

// A nested module is a model of its own, checked on its own: its calls are
// not this module's.
module {
  func.func @main() {
    return
  }
  module @inner {
    usmp.pool workspace @p alignment(16) planned_size(16)
    func.func private @k(%q: memref<16xi8> {usmp.pool = @p}) {
      %c0 = arith.constant 0 : index
      %t = memref.view %q[%c0][] : memref<16xi8> to memref<4xf32>
      return
    }
    func.func @main(%pool: memref<16xi8> {usmp.pool = @p}) {
      func.call @k(%pool) : (memref<16xi8>) -> ()
      return
    }
  }
}
