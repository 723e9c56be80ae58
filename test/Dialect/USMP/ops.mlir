// RUN: usmp-opt %s | FileCheck %s
// Round trip through the custom and the generic form.
// RUN: usmp-opt %s | usmp-opt | FileCheck %s
// RUN: usmp-opt %s -mlir-print-op-generic | usmp-opt | FileCheck %s

// CHECK-LABEL: module
// CHECK: usmp.pool workspace @dtcm size_hint(1000) alignment(16) targets("c": rw, "ethos-u": ro)
usmp.pool workspace @dtcm size_hint(1000) alignment(16) targets("c": rw, "ethos-u": ro)
// The alignment defaults to 16.
// CHECK: usmp.pool workspace @sram alignment(16) perf<clock_frequency_hz = 200000000, read_bandwidth_bytes_per_cycle = 8, read_latency_cycles = 2> planned_size(2048)
usmp.pool workspace @sram perf<clock_frequency_hz = 200000000, read_bandwidth_bytes_per_cycle = 8, read_latency_cycles = 2> planned_size(2048)
// Clauses may come in any order; they print in canonical order.
// CHECK: usmp.pool constant @flash size_hint(65536) alignment(4) targets("c": ro) attributes {note = "weights"}
usmp.pool constant @flash targets("c": ro) alignment(4) size_hint(65536) attributes {note = "weights"}
// A pool the generated code owns.
// CHECK: usmp.pool workspace @scratch alignment(16) planned_size(64) internal
usmp.pool workspace @scratch internal planned_size(64)
// CHECK: usmp.pool workspace @all alignment(1) perf<write_bandwidth_bytes_per_cycle = 4, write_latency_cycles = 3, target_burst_bytes = 32>
usmp.pool workspace @all alignment(1) perf<write_bandwidth_bytes_per_cycle = 4, write_latency_cycles = 3, target_burst_bytes = 32>

// CHECK-LABEL: func.func @placed
func.func @placed() {
  // CHECK: memref.alloc() {usmp.placement = #usmp.placement<@sram, offset = 0>} : memref<8x8xf32>
  %0 = memref.alloc() {usmp.placement = #usmp.placement<@sram, offset = 0>} : memref<8x8xf32>
  // The last byte of the pool may be used.
  // CHECK: memref.alloca() {usmp.placement = #usmp.placement<@sram, offset = 2032>} : memref<16xi8>
  %1 = memref.alloca() {usmp.placement = #usmp.placement<@sram, offset = 2032>} : memref<16xi8>
  // Without a planned size the size hint bounds the buffer; unbounded pools take any offset.
  // CHECK: memref.alloc() {usmp.placement = #usmp.placement<@dtcm, offset = 992>} : memref<2xf32>
  %2 = memref.alloc() {usmp.placement = #usmp.placement<@dtcm, offset = 992>} : memref<2xf32>
  // CHECK: memref.alloc() {usmp.placement = #usmp.placement<@all, offset = 123456789>} : memref<3xi8>
  %3 = memref.alloc() {usmp.placement = #usmp.placement<@all, offset = 123456789>} : memref<3xi8>
  return
}

// CHECK-LABEL: func.func @io
func.func @io() {
  // CHECK: memref.alloc() {usmp.io = #usmp.io<input "serving_default_x:0", index = 0>, usmp.placement = #usmp.placement<@sram, offset = 0>} : memref<1x49x10xi8>
  %in = memref.alloc() {usmp.io = #usmp.io<input "serving_default_x:0", index = 0>, usmp.placement = #usmp.placement<@sram, offset = 0>} : memref<1x49x10xi8>
  // CHECK: memref.alloc() {usmp.io = #usmp.io<output "output0", index = 0>} : memref<1x12xf32>
  %out = memref.alloc() {usmp.io = #usmp.io<output "output0", index = 0>} : memref<1x12xf32>
  // Same index, other direction.
  // CHECK: memref.alloc() {usmp.io = #usmp.io<input "input1", index = 1>} : memref<4xf32>
  %in1 = memref.alloc() {usmp.io = #usmp.io<input "input1", index = 1>} : memref<4xf32>
  return
}

// I/O names are unique per function, not per module.
// CHECK-LABEL: func.func @io_again
func.func @io_again() {
  // CHECK: usmp.io = #usmp.io<input "serving_default_x:0", index = 0>
  %in = memref.alloc() {usmp.io = #usmp.io<input "serving_default_x:0", index = 0>} : memref<4xi8>
  return
}

// Attributes also print and parse on their own.
// CHECK-LABEL: func.func @standalone
// CHECK-SAME: test.targets = [#usmp.target_access<"c", rw>, #usmp.target_access<"npu", ro>]
// CHECK-SAME: test.where = #usmp.placement<@sram, offset = 16>
func.func @standalone() attributes {test.targets = [#usmp.target_access<"c", rw>, #usmp.target_access<"npu", ro>], test.where = #usmp.placement<@sram, offset = 16>} {
  return
}

// Candidate pools, placed constants and pool arguments.
// CHECK-LABEL: func.func @candidates
// CHECK-SAME: (%{{.*}}: memref<2048xi8> {usmp.pool = @sram})
func.func @candidates(%pool: memref<2048xi8> {usmp.pool = @sram}) {
  // CHECK: memref.alloc() {usmp.pools = [@dtcm, @sram]} : memref<4xf32>
  %0 = memref.alloc() {usmp.pools = [@dtcm, @sram]} : memref<4xf32>
  return
}
// CHECK: memref.global "private" constant @weights : memref<4xf32> = dense<1.000000e+00> {usmp.placement = #usmp.placement<@flash, offset = 16>, usmp.pools = [@flash]}
memref.global "private" constant @weights : memref<4xf32> = dense<1.0> {usmp.placement = #usmp.placement<@flash, offset = 16>, usmp.pools = [@flash]}
