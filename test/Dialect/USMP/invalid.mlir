// RUN: usmp-opt %s -split-input-file -verify-diagnostics

// expected-error @below {{alignment must be a positive power of two, got 12}}
usmp.pool workspace @sram alignment(12)

// -----

// expected-error @below {{pool name must not be empty}}
usmp.pool workspace @""

// -----

// expected-error @below {{alignment must be a positive power of two, got 0}}
usmp.pool workspace @sram alignment(0)

// -----

// expected-error @below {{size hint must be non-negative, got -1}}
usmp.pool workspace @sram size_hint(-1)

// -----

// expected-error @below {{planned size must be non-negative, got -8}}
usmp.pool workspace @sram planned_size(-8)

// -----

// expected-error @below {{planned size 2000 exceeds the size hint 1000}}
usmp.pool workspace @sram size_hint(1000) planned_size(2000)

// -----

// expected-error @below {{target 'c' is listed twice}}
usmp.pool workspace @sram targets("c": rw, "c": ro)

// -----

// expected-error @below {{target name must not be empty}}
usmp.pool workspace @sram targets("": rw)

// -----

// expected-error @below {{expected access 'rw' or 'ro', got 'wo'}}
usmp.pool workspace @sram targets("c": wo)

// -----

// expected-error @below {{expected pool kind 'workspace' or 'constant', got 'scratch'}}
usmp.pool scratch @sram

// -----

// expected-error @below {{'alignment' is given twice}}
usmp.pool workspace @sram alignment(16) alignment(32)

// -----

// expected-error @below {{'internal' is given twice}}
usmp.pool workspace @sram internal internal

// -----

// expected-error @below {{pool property 'read_latency_cycles' must be non-negative, got -2}}
usmp.pool workspace @sram perf<read_latency_cycles = -2>

// -----

// `true` is no count (the generic integer parser reads it as -1).
// expected-error @below {{expected an integer}}
// expected-error @below {{failed to parse USMP_PoolPerfAttr parameter 'read_latency_cycles'}}
usmp.pool workspace @sram perf<read_latency_cycles = true>

// -----

// Duplicate pool names.
// expected-note @below {{see existing symbol definition here}}
usmp.pool workspace @sram
// expected-error @below {{redefinition of symbol named 'sram'}}
usmp.pool constant @sram

// -----

func.func @f() {
  // expected-error @below {{'usmp.pool' op expects parent op 'builtin.module'}}
  "usmp.pool"() <{sym_name = "p", kind = 0 : i32, alignment = 16 : i64}> : () -> ()
  return
}

// -----

func.func @unknown_pool() {
  // expected-error @below {{'usmp.placement' refers to unknown pool @nowhere}}
  %0 = memref.alloc() {usmp.placement = #usmp.placement<@nowhere, offset = 0>} : memref<4xf32>
  return
}

// -----

usmp.pool workspace @sram alignment(16)
func.func @misaligned() {
  // expected-error @below {{offset 8 in pool @sram is not a multiple of the pool's alignment 16}}
  %0 = memref.alloc() {usmp.placement = #usmp.placement<@sram, offset = 8>} : memref<4xf32>
  return
}

// -----

usmp.pool workspace @sram alignment(1)
func.func @misaligned_alloc() {
  // expected-error @below {{offset 8 in pool @sram is not a multiple of the allocation's alignment 64}}
  %0 = memref.alloc() {alignment = 64 : i64, usmp.placement = #usmp.placement<@sram, offset = 8>} : memref<4xf32>
  return
}

// -----

// Offsets count from the pool's base, which is only as aligned as the pool.
usmp.pool workspace @sram alignment(16)
func.func @alignment_beyond_pool() {
  // expected-error @below {{needs 64-byte alignment, more than pool @sram guarantees (16)}}
  %0 = memref.alloc() {alignment = 64 : i64, usmp.placement = #usmp.placement<@sram, offset = 64>} : memref<4xf32>
  return
}

// -----

usmp.pool workspace @sram alignment(4)
func.func @element_alignment_beyond_pool() {
  // expected-error @below {{holds 'f64' elements, which need 8-byte alignment, more than pool @sram guarantees (4)}}
  %0 = memref.alloc() {usmp.placement = #usmp.placement<@sram, offset = 8>} : memref<4xf64>
  return
}

// -----

usmp.pool workspace @sram alignment(16) planned_size(64)
func.func @out_of_bounds() {
  // expected-error @below {{buffer of 16 bytes at offset 64 ends at byte 80, outside pool @sram of 64 bytes}}
  %0 = memref.alloc() {usmp.placement = #usmp.placement<@sram, offset = 64>} : memref<4xf32>
  return
}

// -----

usmp.pool workspace @sram alignment(16) planned_size(16)
// A constant's data would never be copied into a workspace pool.
// expected-error @below {{a constant placed in workspace pool @sram; constants go to constant pools, everything else to workspace pools}}
memref.global "private" constant @w : memref<4xf32> = dense<1.0> {usmp.placement = #usmp.placement<@sram, offset = 0>}

// -----

usmp.pool constant @flash alignment(16) planned_size(16)
// expected-error @below {{'usmp.placement' on a global that is not constant; only constants are placed, in constant pools}}
memref.global "private" @state : memref<4xf32> = dense<0.0> {usmp.placement = #usmp.placement<@flash, offset = 0>}

// -----

usmp.pool constant @flash alignment(16) planned_size(16)
func.func @buffer_in_constant_pool() {
  // expected-error @below {{a buffer placed in constant pool @flash; constants go to constant pools, everything else to workspace pools}}
  %0 = memref.alloc() {usmp.placement = #usmp.placement<@flash, offset = 0>} : memref<4xf32>
  return
}

// -----

usmp.pool workspace @sram alignment(16) size_hint(32)
func.func @out_of_hint() {
  // expected-error @below {{buffer of 64 bytes at offset 0 ends at byte 64, outside pool @sram of 32 bytes}}
  %0 = memref.alloc() {usmp.placement = #usmp.placement<@sram, offset = 0>} : memref<16xf32>
  return
}

// -----

usmp.pool workspace @sram alignment(4)
func.func @overflow() {
  // expected-error @below {{buffer of 4611686018427387904 bytes at offset 9223372036854775000 overflows 63-bit offsets}}
  %0 = memref.alloc() {usmp.placement = #usmp.placement<@sram, offset = 9223372036854775000>} : memref<1073741824x1073741824xf32>
  return
}

// -----

// expected-error @below {{placement offset must be non-negative, got -16}}
func.func @negative_offset() attributes {test.p = #usmp.placement<@sram, offset = -16>} {
  return
}

// -----

// expected-error @below {{placement pool name must not be empty}}
func.func @empty_pool_name() attributes {test.p = #usmp.placement<@"", offset = 0>} {
  return
}

// -----

usmp.pool workspace @sram
func.func @dynamic(%n: index) {
  // expected-error @below {{'usmp.placement' requires a statically shaped memref, got 'memref<?xf32>'}}
  %0 = memref.alloc(%n) {usmp.placement = #usmp.placement<@sram, offset = 0>} : memref<?xf32>
  return
}

// -----

usmp.pool workspace @sram
func.func @too_large() {
  // expected-error @below {{'usmp.placement' requires a memref whose size in bytes is known and fits in 63 bits, got 'memref<4294967296x4294967296xf32>'}}
  %0 = memref.alloc() {usmp.placement = #usmp.placement<@sram, offset = 0>} : memref<4294967296x4294967296xf32>
  return
}

// -----

usmp.pool workspace @sram
func.func @not_a_buffer(%a: i32) {
  // expected-error @below {{'usmp.placement' is only valid on memref.alloc, memref.alloca, memref.view or memref.global}}
  %0 = arith.addi %a, %a {usmp.placement = #usmp.placement<@sram, offset = 0>} : i32
  return
}

// -----

func.func @wrong_kind() {
  // expected-error @below {{'usmp.placement' must be a #usmp.placement attribute}}
  %0 = memref.alloc() {usmp.placement = 3 : i64} : memref<4xf32>
  return
}

// -----

func.func @wrong_io_kind() {
  // expected-error @below {{'usmp.io' must be a #usmp.io attribute}}
  %0 = memref.alloc() {usmp.io = "input0"} : memref<4xf32>
  return
}

// -----

// A global's contents are the model's own.
// expected-error @below {{'memref.global' op 'usmp.io' is only valid on memref.alloc, memref.alloca or memref.view}}
memref.global "private" constant @w : memref<4xf32> = dense<1.0> {usmp.io = #usmp.io<input "g", index = 0>}

// -----

func.func @unknown_attr() {
  // expected-error @below {{unknown usmp attribute 'usmp.offset'}}
  %0 = memref.alloc() {usmp.offset = 3 : i64} : memref<4xf32>
  return
}

// -----

func.func @duplicate_io_name() {
  // expected-note @below {{first used here}}
  %0 = memref.alloc() {usmp.io = #usmp.io<input "x", index = 0>} : memref<4xf32>
  // expected-error @below {{duplicate I/O name 'x'}}
  %1 = memref.alloc() {usmp.io = #usmp.io<output "x", index = 0>} : memref<4xf32>
  return
}

// -----

// An argument's marker claims its name and index as much as an allocation's.
// expected-note @below {{first used here}}
func.func @io_name_of_argument(%in: memref<4xf32> {usmp.io = #usmp.io<input "x", index = 0>}) {
  // expected-error @below {{duplicate I/O name 'x'}}
  %0 = memref.alloc() {usmp.io = #usmp.io<input "x", index = 1>} : memref<4xf32>
  return
}

// -----

// expected-note @below {{first used here}}
func.func @io_index_of_result() -> (memref<4xf32> {usmp.io = #usmp.io<output "y", index = 0>}) {
  // expected-error @below {{duplicate output index 0}}
  %0 = memref.alloc() {usmp.io = #usmp.io<output "z", index = 0>} : memref<4xf32>
  return %0 : memref<4xf32>
}

// -----

func.func @duplicate_io_index() {
  // expected-note @below {{first used here}}
  %0 = memref.alloc() {usmp.io = #usmp.io<output "y", index = 1>} : memref<4xf32>
  // expected-error @below {{duplicate output index 1}}
  %1 = memref.alloc() {usmp.io = #usmp.io<output "z", index = 1>} : memref<4xf32>
  return
}

// -----

func.func @dynamic_io(%n: index) {
  // expected-error @below {{'usmp.io' requires a statically shaped memref, got 'memref<?xi8>'}}
  %0 = memref.alloc(%n) {usmp.io = #usmp.io<input "x", index = 0>} : memref<?xi8>
  return
}

// -----

// expected-error @below {{I/O name must not be empty}}
func.func @empty_io_name() attributes {test.io = #usmp.io<input "", index = 0>} {
  return
}

// -----

// expected-error @below {{I/O index must be non-negative, got -1}}
func.func @negative_io_index() attributes {test.io = #usmp.io<input "x", index = -1>} {
  return
}

// -----

usmp.pool workspace @sram
func.func @pools_not_symbols() {
  // expected-error @below {{'usmp.pools' must be an array of pool symbols}}
  %0 = memref.alloc() {usmp.pools = ["sram"]} : memref<4xf32>
  return
}

// -----

usmp.pool workspace @sram
func.func @pools_unknown() {
  // expected-error @below {{'usmp.pools' refers to unknown pool @dram}}
  %0 = memref.alloc() {usmp.pools = [@sram, @dram]} : memref<4xf32>
  return
}

// -----

usmp.pool workspace @sram
func.func @pools_twice() {
  // expected-error @below {{'usmp.pools' lists pool @sram twice}}
  %0 = memref.alloc() {usmp.pools = [@sram, @sram]} : memref<4xf32>
  return
}

// -----

usmp.pool workspace @sram
func.func @pools_dynamic(%n: index) {
  // expected-error @below {{'usmp.pools' requires a statically shaped memref, got 'memref<?xf32>'}}
  %0 = memref.alloc(%n) {usmp.pools = [@sram]} : memref<?xf32>
  return
}

// -----

usmp.pool constant @flash alignment(4) planned_size(8)
// expected-error @below {{buffer of 16 bytes at offset 0 ends at byte 16, outside pool @flash of 8 bytes}}
memref.global "private" constant @weights : memref<4xf32> = dense<1.0> {usmp.placement = #usmp.placement<@flash, offset = 0>}

// -----

usmp.pool workspace @sram
// expected-error @below {{'usmp.pool' of argument 0 must be a pool symbol}}
func.func @pool_arg_not_symbol(%arg0: memref<16xi8> {usmp.pool = "sram"}) {
  return
}

// -----

usmp.pool workspace @sram
// expected-error @below {{'usmp.pool' of argument 0 refers to unknown pool @dram}}
func.func @pool_arg_unknown(%arg0: memref<16xi8> {usmp.pool = @dram}) {
  return
}

// -----

usmp.pool workspace @sram
// expected-error @below {{pool argument 1 must be a static memref<Nxi8>, got 'memref<4xf32>'}}
func.func @pool_arg_type(%arg0: i32, %arg1: memref<4xf32> {usmp.pool = @sram}) {
  return
}

// -----

usmp.pool workspace @sram planned_size(8)
// expected-error @below {{pool argument 0 has 16 bytes, more than pool @sram holds (8)}}
func.func @pool_arg_too_big(%arg0: memref<16xi8> {usmp.pool = @sram}) {
  return
}

// -----

usmp.pool workspace @sram
// expected-error @below {{pool argument 0 cannot also carry 'usmp.io': a pool is no model input or output}}
func.func @pool_and_io(%arg0: memref<16xi8> {usmp.pool = @sram, usmp.io = #usmp.io<input "x", index = 0>}) {
  return
}

// -----

usmp.pool workspace @sram
// expected-error @below {{pool argument 0 cannot also carry 'usmp.workspace_io': a pool is no model input or output}}
func.func @pool_and_workspace_io(%arg0: memref<16xi8> {usmp.pool = @sram, usmp.workspace_io}) {
  return
}

// -----

// expected-error @below {{unknown usmp argument attribute 'usmp.pools'}}
func.func @unknown_arg_attr(%arg0: memref<16xi8> {usmp.pools = [@sram]}) {
  return
}

// -----

// A pool argument of a function whose entry block does not match its type:
// the function's own error, not a crash.
usmp.pool workspace @p alignment(16)
// expected-error @below {{entry block must have 3 arguments to match function signature}}
"func.func"() <{function_type = (memref<16xi8>, memref<16xi8>, memref<16xi8>) -> (), sym_name = "f", arg_attrs = [{}, {}, {usmp.pool = @p}]}> ({
^bb0:
  func.return
}) : () -> ()

// -----

// expected-error @below {{I/O name 'x' of argument 1 is also used by argument 0}}
func.func @same_marker_twice(%a: memref<4xf32> {usmp.io = #usmp.io<input "x", index = 0>}, %b: memref<4xf32> {usmp.io = #usmp.io<input "x", index = 0>}) {
  return
}

// -----

// expected-error @below {{I/O name 'x' of result 0 is also used by argument 0}}
func.func @same_marker_on_result(%a: memref<4xf32> {usmp.io = #usmp.io<input "x", index = 0>}) -> (memref<4xf32> {usmp.io = #usmp.io<output "x", index = 0>}) {
  return %a : memref<4xf32>
}

// -----

// A result is what the model produces: marked an input, the model would have
// no such output.
// expected-error @below {{'usmp.io' of result 1 marks input 'y'; a result is always an output}}
func.func @input_result(%a: tensor<4xf32>) -> (tensor<4xf32> {usmp.io = #usmp.io<output "x", index = 0>}, tensor<4xf32> {usmp.io = #usmp.io<input "y", index = 1>}) {
  return %a, %a : tensor<4xf32>, tensor<4xf32>
}

// -----

// An inherent attribute in the dictionary would override a clause, or be
// dropped when its type is wrong.
// expected-error @below {{'targets' is part of the pool's syntax, not of its attribute dictionary}}
usmp.pool workspace @a attributes {targets = 5}

// -----

// expected-error @below {{'alignment' is part of the pool's syntax, not of its attribute dictionary}}
usmp.pool workspace @a alignment(16) attributes {alignment = 8 : i64}

// -----

// A placed buffer becomes a view of the pool's bytes: identity layout and
// default memory space only.
usmp.pool workspace @p alignment(16) planned_size(256)
func.func @strided_placement() {
  // expected-error @below {{'usmp.placement' requires an identity layout and the default memory space (the buffer becomes a view of the pool), got 'memref<2x2xf32, strided<[6, 1], offset: 2>>'}}
  %a = memref.alloc() {usmp.placement = #usmp.placement<@p, offset = 0>} : memref<2x2xf32, strided<[6, 1], offset: 2>>
  return
}

// -----

usmp.pool workspace @p alignment(16) planned_size(256)
func.func @memory_space_placement() {
  // expected-error @below {{'usmp.placement' requires an identity layout and the default memory space (the buffer becomes a view of the pool), got 'memref<4xf32, 1>'}}
  %a = memref.alloc() {usmp.placement = #usmp.placement<@p, offset = 0>} : memref<4xf32, 1>
  return
}

// -----

// Attributes on operations the passes never rewrite would be ignored.
usmp.pool workspace @p alignment(16) planned_size(64)
func.func @subview_placement(%x: memref<16xf32>) {
  // expected-error @below {{'usmp.placement' is only valid on memref.alloc, memref.alloca, memref.view or memref.global}}
  %s = memref.subview %x[0] [4] [1] {usmp.placement = #usmp.placement<@p, offset = 0>} : memref<16xf32> to memref<4xf32, strided<[1]>>
  return
}

// -----

// expected-error @below {{'usmp.workspace_io' of argument 0 is only valid on a memref or tensor, got 'i32'}}
func.func @workspace_io_scalar(%n: i32 {usmp.workspace_io}) {
  return
}

// -----

// No rank is no static shape either.
// expected-error @below {{'usmp.io' of argument 0 requires a static shape, got 'memref<*xf32>'}}
func.func @unranked_marker(%a: memref<*xf32> {usmp.io = #usmp.io<input "x", index = 0>}) {
  return
}

// -----

usmp.pool workspace @p alignment(16) planned_size(16)
// expected-error @below {{pool argument 0 must be a static memref<Nxi8>, got 'memref<16xi8, 1>'}}
func.func @pool_argument_memory_space(%a: memref<16xi8, 1> {usmp.pool = @p}) {
  return
}

// -----

usmp.pool workspace @p alignment(16) planned_size(16)
// expected-error @below {{pool argument 0 must be a static memref<Nxi8>, got 'memref<16xui8>'}}
func.func @pool_argument_unsigned(%a: memref<16xui8> {usmp.pool = @p}) {
  return
}

// -----

// expected-error @below {{expected an integer}}
usmp.pool workspace @q size_hint(true)

// -----

// Candidates are for buffers still to plan.
usmp.pool workspace @p alignment(16) planned_size(64)
func.func @pools_on_view(%pool: memref<64xi8> {usmp.pool = @p}) {
  %c0 = arith.constant 0 : index
  // expected-error @below {{'usmp.pools' is only valid on memref.alloc, memref.alloca or memref.global}}
  %v = memref.view %pool[%c0][] {usmp.pools = [@p]} : memref<64xi8> to memref<4xf32>
  return
}

// -----

// Pools may come anywhere in the module: these are found after the
// functions and between them, and a name no pool has is still unknown.
func.func @pools_after() {
  %0 = memref.alloc() {usmp.placement = #usmp.placement<@middle, offset = 8>} : memref<4xf32>
  // expected-error @below {{offset 8 in pool @last is not a multiple of the pool's alignment 16}}
  %1 = memref.alloc() {usmp.placement = #usmp.placement<@last, offset = 8>} : memref<4xf32>
  return
}
func.func @between() {
  return
}
usmp.pool workspace @middle alignment(8)
func.func @after() {
  return
}
usmp.pool workspace @last alignment(16)

// -----

usmp.pool workspace @first alignment(16)
func.func @unknown_among_pools() {
  // expected-error @below {{'usmp.pools' refers to unknown pool @none}}
  %0 = memref.alloc() {usmp.pools = [@first, @none]} : memref<4xf32>
  return
}
func.func @more() {
  return
}
usmp.pool workspace @last alignment(16)
