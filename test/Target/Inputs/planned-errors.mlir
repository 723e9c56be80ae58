// Modules written by hand, straight to the C lowering.

usmp.pool constant @c alignment(16) planned_size(4611686018427387904)
// expected-error @above {{constant pool @c has 4611686018427387904 bytes; the C API writes its data out as text, for pools of up to 268435456 bytes}}
func.func @main(%in: memref<4xf32> {usmp.io = #usmp.io<input "x", index = 0>}) {
  return
}

// -----

usmp.pool workspace @a alignment(16) planned_size(2000000000000000000)
usmp.pool workspace @b alignment(16) planned_size(2000000000000000000)
usmp.pool workspace @c alignment(16) planned_size(2000000000000000000)
usmp.pool workspace @d alignment(16) planned_size(2000000000000000000)
usmp.pool workspace @e alignment(16) planned_size(2000000000000000000)
// expected-error @above {{with pool @e the workspace pools the application provides take more than 2^63 - 1 bytes in all, which TVMGEN_DEFAULT_WORKSPACE_SIZE cannot hold}}
func.func @main(%pa: memref<2000000000000000000xi8> {usmp.pool = @a}, %pb: memref<2000000000000000000xi8> {usmp.pool = @b}, %pc: memref<2000000000000000000xi8> {usmp.pool = @c}, %pd: memref<2000000000000000000xi8> {usmp.pool = @d}, %pe: memref<2000000000000000000xi8> {usmp.pool = @e}) {
  return
}

// -----

// One array of 2^61 bytes or more is more than C compilers take (clang
// counts sizes in bits).
usmp.pool workspace @a alignment(16) planned_size(2305843009213693952)
// expected-error @below {{cannot lower pool @a (argument 0 of @main) to C: 'memref<2305843009213693952xi8>' takes 2^61 bytes or more, which clang refuses in one array}}
func.func @main(%pa: memref<2305843009213693952xi8> {usmp.pool = @a}) {
  return
}

// -----

// A view of a pool becomes a parameter of the model's body: a dynamic shape
// would lose its sizes.
usmp.pool workspace @gw alignment(16) planned_size(64)
func.func @main(%in: memref<4xf32> {usmp.io = #usmp.io<input "x", index = 0>}, %pool: memref<64xi8> {usmp.pool = @gw}) {
  %c0 = arith.constant 0 : index
  %n = arith.constant 4 : index
  // expected-error @below {{view of a pool with a dynamic shape ('memref<?xf32>')}}
  %v = memref.view %pool[%c0][%n] : memref<64xi8> to memref<?xf32>
  %i = arith.constant 1 : index
  %x = memref.load %in[%i] : memref<4xf32>
  memref.store %x, %v[%i] : memref<?xf32>
  return
}

// -----

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

usmp.pool constant @c alignment(16) planned_size(16)
// expected-note @below {{placed here}}
memref.global "private" constant @g : memref<4xf32> = dense<1.0> {usmp.placement = #usmp.placement<@c, offset = 0>}
// expected-error @below {{constant @h shares bytes of pool @c with constant @g}}
memref.global "private" constant @h : memref<4xf32> = dense<2.0> {usmp.placement = #usmp.placement<@c, offset = 0>}
func.func @main(%a: memref<4xf32> {usmp.io = #usmp.io<output "a", index = 0>}, %pool: memref<16xi8> {usmp.pool = @c}) {
  return
}

// -----

// A pool of no bytes, written so by hand: no buffer of it explains that.
usmp.pool workspace @empty alignment(16) planned_size(0)
// expected-error @below {{cannot lower pool @empty (argument 0 of @main) to C: 'memref<0xi8>' has no elements, and C has no zero-length arrays}}
func.func @main(%arg0: memref<0xi8> {usmp.pool = @empty}) {
  return
}

// -----

// An input of no elements in a pool: C has no zero-length arrays.
usmp.pool workspace @global_workspace alignment(16) planned_size(16)
func.func @main(%arg0: memref<16xi8> {usmp.pool = @global_workspace}) {
  %c0 = arith.constant 0 : index
  // expected-error @below {{cannot lower input 'input0' to C: 'memref<0xf32>' has no elements, and C has no zero-length arrays}}
  %view = memref.view %arg0[%c0][] {usmp.io = #usmp.io<input "input0", index = 0>, usmp.placement = #usmp.placement<@global_workspace, offset = 0>} : memref<16xi8> to memref<0xf32>
  return
}

// -----

// A buffer argument without a marker: usmp-pipeline names every one it
// leaves, so it did not run.
usmp.pool workspace @global_workspace alignment(16) planned_size(0)
func.func @main(
    // expected-error @below {{argument 0 of @main is neither a pool nor a marked input or output; run usmp-pipeline first}}
    %in: memref<4xf32>) {
  return
}

// -----

// A placed allocation: planning ran, the views were not made.
usmp.pool workspace @global_workspace alignment(16) planned_size(16)
func.func @main(%in: memref<4xf32> {usmp.io = #usmp.io<input "x", index = 0>}, %out: memref<4xf32> {usmp.io = #usmp.io<output "y", index = 0>}) {
  // expected-error @below {{cannot lower 'memref.alloc' to C: the buffer is placed in a pool but not yet a view of it; run usmp-convert-to-pool-views (usmp-pipeline runs it)}}
  %a = memref.alloc() {usmp.placement = #usmp.placement<@global_workspace, offset = 0>} : memref<4xf32>
  memref.copy %in, %a : memref<4xf32> to memref<4xf32>
  memref.copy %a, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// No pool at all: planning never ran.
func.func @main(%in: memref<4xf32> {usmp.io = #usmp.io<input "x", index = 0>}, %out: memref<4xf32> {usmp.io = #usmp.io<output "y", index = 0>}) {
  // expected-error @below {{cannot lower 'memref.alloc' to C: the module is not planned (it has no pools); run usmp-pipeline first}}
  %a = memref.alloc() : memref<4xf32>
  memref.copy %in, %a : memref<4xf32> to memref<4xf32>
  memref.copy %a, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// A constant pool holds bytes: index elements have the target's width.
usmp.pool constant @flash alignment(16) planned_size(32)
// expected-error @below {{cannot place constant @w in pool @flash: its elements are index, whose width is the target's; use i64 elements}}
memref.global "private" constant @w : memref<3xindex> = dense<[1, 2, 3]> {usmp.placement = #usmp.placement<@flash, offset = 0>}
func.func @main(%out: memref<3xindex> {usmp.io = #usmp.io<output "y", index = 0>}, %pool: memref<32xi8> {usmp.pool = @flash}) {
  return
}

// -----

usmp.pool constant @flash alignment(16) planned_size(16)
// expected-error @below {{cannot place constant @w in pool @flash: it has no dense initial value}}
memref.global "private" constant @w : memref<3xf32> = uninitialized {usmp.placement = #usmp.placement<@flash, offset = 0>}
func.func @main(%out: memref<3xf32> {usmp.io = #usmp.io<output "y", index = 0>}, %pool: memref<16xi8> {usmp.pool = @flash}) {
  return
}

// -----

// A C array is contiguous in row-major order.
// expected-error @below {{cannot lower @state to C: 'memref<2xf32, strided<[2]>>' is not contiguous in row-major order, as a C array is}}
memref.global "private" @state : memref<2xf32, strided<[2]>> = dense<[1.0, 2.0]>
func.func @main(%out: memref<2xf32> {usmp.io = #usmp.io<output "y", index = 0>}) {
  %g = memref.get_global @state : memref<2xf32, strided<[2]>>
  memref.copy %g, %out : memref<2xf32, strided<[2]>> to memref<2xf32>
  return
}

// -----

// An unmarked argument of an entry that takes the pools: the functions it
// calls take them too, so no other entry is suggested.
usmp.pool workspace @global_workspace alignment(16) planned_size(16) internal
func.func private @f(%arg0: memref<4xf32>, %arg1: memref<4xf32>, %arg2: memref<16xi8> {usmp.pool = @global_workspace}) {
  %c0 = arith.constant 0 : index
  %view = memref.view %arg2[%c0][] {usmp.placement = #usmp.placement<@global_workspace, offset = 0>} : memref<16xi8> to memref<4xf32>
  memref.copy %arg0, %view : memref<4xf32> to memref<4xf32>
  memref.copy %view, %arg1 : memref<4xf32> to memref<4xf32>
  return
}
// expected-error @+1 {{argument 1 of @main is neither a pool nor a marked input or output; run usmp-pipeline first}}
func.func @main(%arg0: memref<4xf32> {usmp.io = #usmp.io<input "x", index = 0>}, %arg1: memref<4xf32>, %arg2: memref<16xi8> {usmp.pool = @global_workspace}) {
  call @f(%arg0, %arg1, %arg2) : (memref<4xf32>, memref<4xf32>, memref<16xi8>) -> ()
  return
}
