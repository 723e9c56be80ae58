// RUN: usmp-opt %s -split-input-file -usmp-plan-buffers=algorithm=greedy-by-size -verify-diagnostics -allow-unregistered-dialect | FileCheck %s
// The exact search uses every byte a missing conflict would free; the
// verifier then finds the overlap.
// RUN: usmp-opt %s -split-input-file -usmp-plan-buffers=algorithm=exact -usmp-verify-plan -verify-diagnostics -allow-unregistered-dialect | FileCheck %s --check-prefix=EXACT
// A constant keeps its symbol as its name; an allocation named the same
// by its location takes a suffix.
// RUN: usmp-opt %S/Inputs/constant-named-buffer.mlir -usmp-plan-buffers=report=%t.json -o /dev/null
// RUN: FileCheck %s --check-prefix=NAMES < %t.json
// NAMES: "buffers": [
// NAMES-NEXT: {
// NAMES-NEXT: "name": "weights_1",
// NAMES: "name": "weights",

// A chain: neighbours overlap, every other buffer shares space.
// CHECK-LABEL: module
// CHECK: usmp.pool workspace @sram alignment(16) planned_size(128)
// CHECK: memref.alloc() {usmp.placement = #usmp.placement<@sram, offset = [[A:[0-9]+]]>, usmp.pools = [@sram]}
// CHECK: memref.alloc() {usmp.placement = #usmp.placement<@sram, offset = [[B:[0-9]+]]>, usmp.pools = [@sram]}
// CHECK: memref.alloc() {usmp.placement = #usmp.placement<@sram, offset = [[A]]>, usmp.pools = [@sram]}
usmp.pool workspace @sram alignment(16)
func.func @main(%in: memref<16xf32>, %out: memref<16xf32>) {
  %a = memref.alloc() {usmp.pools = [@sram]} : memref<16xf32>
  %b = memref.alloc() {usmp.pools = [@sram]} : memref<16xf32>
  %c = memref.alloc() {usmp.pools = [@sram]} : memref<16xf32>
  memref.copy %in, %a : memref<16xf32> to memref<16xf32>
  memref.copy %a, %b : memref<16xf32> to memref<16xf32>
  memref.copy %b, %c : memref<16xf32> to memref<16xf32>
  memref.copy %c, %out : memref<16xf32> to memref<16xf32>
  return
}

// -----

// Several pools with fallback: the first candidate is used until its size
// hint would be exceeded. Without usmp.pools a buffer may use every workspace
// pool. The alignment of an allocation is honoured.
// CHECK-LABEL: module
// (greedy-by-size places the largest first; of two equal sizes, TVM's order
// takes the later one first.)
// CHECK: usmp.pool workspace @dtcm size_hint(100) alignment(64) planned_size(80)
// CHECK: usmp.pool workspace @sram alignment(16) planned_size(64)
// CHECK: memref.alloc() {usmp.placement = #usmp.placement<@sram, offset = 0>} : memref<16xf32>
// CHECK: memref.alloc() {usmp.placement = #usmp.placement<@dtcm, offset = 0>} : memref<16xf32>
// CHECK: memref.alloc() {alignment = 64 : i64, usmp.placement = #usmp.placement<@dtcm, offset = 64>} : memref<4xf32>
usmp.pool workspace @dtcm size_hint(100) alignment(64)
usmp.pool workspace @sram alignment(16)
func.func @main(%out: memref<16xf32>) {
  %a = memref.alloc() : memref<16xf32>
  %b = memref.alloc() : memref<16xf32>
  %c = memref.alloc() {alignment = 64 : i64} : memref<4xf32>
  memref.copy %a, %b : memref<16xf32> to memref<16xf32>
  memref.copy %b, %out : memref<16xf32> to memref<16xf32>
  "test.use"(%a, %b, %c) : (memref<16xf32>, memref<16xf32>, memref<4xf32>) -> ()
  return
}

// -----

// A buffer without usmp.pools has the workspace pools aligned enough for it
// as candidates: the 64-byte aligned one passes over @sram.
// CHECK-LABEL: module
// CHECK: usmp.pool workspace @sram alignment(16) planned_size(16)
// CHECK: usmp.pool workspace @wide alignment(64) planned_size(16)
// CHECK: memref.alloc() {usmp.placement = #usmp.placement<@sram, offset = 0>} : memref<4xf32>
// CHECK: memref.alloc() {alignment = 64 : i64, usmp.placement = #usmp.placement<@wide, offset = 0>} : memref<4xf32>
usmp.pool workspace @sram alignment(16)
usmp.pool workspace @wide alignment(64)
func.func @main() {
  %a = memref.alloc() : memref<4xf32>
  %b = memref.alloc() {alignment = 64 : i64} : memref<4xf32>
  "test.use"(%a, %b) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}

// -----

// Constants live for the whole run in their constant pool; unplanned buffers
// get a remark and no placement.
// CHECK-LABEL: module
// CHECK: usmp.pool workspace @sram alignment(16) planned_size(16)
// CHECK: usmp.pool constant @flash alignment(4) planned_size(24)
// Constants without an alignment get the default (16).
// CHECK: memref.global "private" constant @w0 : memref<4xf32> = dense<1.000000e+00> {usmp.placement = #usmp.placement<@flash, offset = 0>, usmp.pools = [@flash]}
// CHECK: memref.global "private" constant @w1 : memref<2xf32> = dense<2.000000e+00> {usmp.placement = #usmp.placement<@flash, offset = 16>, usmp.pools = [@flash]}
// CHECK: memref.global "private" constant @w2 : memref<4xf32, strided<[1], offset: 2>> = dense<3.000000e+00> {usmp.pools = [@flash]}
// CHECK: memref.global "private" constant @w3 : memref<4xf32, 1> = dense<4.000000e+00> {usmp.pools = [@flash]}
// CHECK: memref.alloc(%{{.*}}) : memref<?xf32>
usmp.pool workspace @sram alignment(16)
usmp.pool constant @flash alignment(4)
memref.global "private" constant @w0 : memref<4xf32> = dense<1.0> {usmp.pools = [@flash]}
memref.global "private" constant @w1 : memref<2xf32> = dense<2.0> {usmp.pools = [@flash]}
// A pool's view of a constant could have neither of these types.
// expected-remark @below {{constant not placed: its layout is not the identity}}
memref.global "private" constant @w2 : memref<4xf32, strided<[1], offset: 2>> = dense<3.0> {usmp.pools = [@flash]}
// expected-remark @below {{constant not placed: it is in a non-default memory space}}
memref.global "private" constant @w3 : memref<4xf32, 1> = dense<4.0> {usmp.pools = [@flash]}
func.func @main(%n: index) {
  %w0 = memref.get_global @w0 : memref<4xf32>
  %w1 = memref.get_global @w1 : memref<2xf32>
  // expected-remark @below {{buffer not planned: it has a dynamic shape}}
  %d = memref.alloc(%n) : memref<?xf32>
  %a = memref.alloc() : memref<4xf32>
  "test.use"(%w0, %w1, %a) : (memref<4xf32>, memref<2xf32>, memref<4xf32>) -> ()
  return
}

// -----

// An operator function called twice: its scratch is live in both calls and
// can share space with what is dead then, but not with the tensor passed
// between the calls.
// CHECK-LABEL: module
// CHECK: usmp.pool workspace @sram alignment(16) planned_size(64)
// CHECK: func.func private @op
// CHECK: memref.alloc() {usmp.placement = #usmp.placement<@sram, offset = [[S:[0-9]+]]>}
// CHECK: func.func @main
// CHECK-NOT: offset = [[S]]>
// CHECK: return
usmp.pool workspace @sram alignment(16)
func.func private @op(%x: memref<8xf32>, %y: memref<8xf32>) {
  %s = memref.alloc() : memref<8xf32>
  memref.copy %x, %s : memref<8xf32> to memref<8xf32>
  memref.copy %s, %y : memref<8xf32> to memref<8xf32>
  return
}
func.func @main(%in: memref<8xf32>, %out: memref<8xf32>) {
  %a = memref.alloc() : memref<8xf32>
  func.call @op(%in, %a) : (memref<8xf32>, memref<8xf32>) -> ()
  func.call @op(%a, %out) : (memref<8xf32>, memref<8xf32>) -> ()
  return
}

// -----

// Two scratch buffers of a function called three times conflict with each
// other in every call and with what is live across a call: %long across all
// three, %mid from between the first two calls to after the last (only the
// second and third calls overlap it), %gap only between the first two (it may
// share the scratch's bytes). Each pair is a conflict however many calls
// repeat it. Six 16-byte buffers are live in the second call.
// CHECK-LABEL: module
// CHECK: usmp.pool workspace @sram alignment(16) planned_size(160)
// CHECK-NEXT: func.func private @op(%arg0: memref<4xf32>
// EXACT: usmp.pool workspace @sram alignment(16) planned_size(96)
// EXACT-NEXT: func.func private @op(%arg0: memref<4xf32>
usmp.pool workspace @sram alignment(16)
func.func private @op(%x: memref<4xf32>, %y: memref<4xf32>) {
  %s = memref.alloc() : memref<4xf32>
  %t = memref.alloc() : memref<4xf32>
  memref.copy %x, %s : memref<4xf32> to memref<4xf32>
  memref.copy %s, %t : memref<4xf32> to memref<4xf32>
  memref.copy %t, %y : memref<4xf32> to memref<4xf32>
  return
}
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  %long = memref.alloc() : memref<4xf32>
  memref.copy %in, %long : memref<4xf32> to memref<4xf32>
  %a = memref.alloc() : memref<4xf32>
  func.call @op(%in, %a) : (memref<4xf32>, memref<4xf32>) -> ()
  %gap = memref.alloc() : memref<16xf32>
  "test.use"(%gap, %a) : (memref<16xf32>, memref<4xf32>) -> ()
  %mid = memref.alloc() : memref<4xf32>
  memref.copy %a, %mid : memref<4xf32> to memref<4xf32>
  %b = memref.alloc() : memref<4xf32>
  func.call @op(%a, %b) : (memref<4xf32>, memref<4xf32>) -> ()
  func.call @op(%b, %out) : (memref<4xf32>, memref<4xf32>) -> ()
  "test.use"(%long, %mid) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}

// -----

// A function the entry never calls never runs: its buffers get no pool, and
// the remark says why.
usmp.pool workspace @sram alignment(16)
func.func private @unused(%x: memref<4xf32>) {
  // expected-remark @below {{buffer not planned: @unused is not reachable from the entry @main}}
  %a = memref.alloc() : memref<4xf32>
  memref.copy %x, %a : memref<4xf32> to memref<4xf32>
  return
}
func.func @main() {
  %a = memref.alloc() : memref<4xf32>
  "test.use"(%a) : (memref<4xf32>) -> ()
  return
}

// -----

// The C code holds index elements as size_t: a data layout with a 16-bit
// index still gets 8 bytes an element (two buffers of 4 live together).
// CHECK-LABEL: module attributes
// CHECK: usmp.pool workspace @sram alignment(16) planned_size(64)
module attributes {dlti.dl_spec = #dlti.dl_spec<index = 16 : i64>} {
  usmp.pool workspace @sram alignment(16)
  func.func @main() {
    %a = memref.alloc() : memref<4xindex>
    %b = memref.alloc() : memref<4xindex>
    "test.use"(%a, %b) : (memref<4xindex>, memref<4xindex>) -> ()
    return
  }
}
