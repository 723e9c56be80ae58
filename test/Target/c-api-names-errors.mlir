// RUN: usmp-opt %s -split-input-file --usmp-pipeline --convert-usmp-to-emitc -verify-diagnostics -o /dev/null

// Names the generated C would define twice are errors at the user's symbol or
// tensor, naming both sources.

// expected-error @+1 {{function @run would be 'tvmgen_default_run' in C, which is also the C API's run function}}
func.func private @run(%x: memref<16xf32>, %y: memref<16xf32>) {
  memref.copy %x, %y : memref<16xf32> to memref<16xf32>
  return
}
func.func @main(%in: memref<16xf32>, %out: memref<16xf32>) {
  call @run(%in, %out) : (memref<16xf32>, memref<16xf32>) -> ()
  return
}

// -----

// @main views a pool, so its body becomes tvmgen_default_main_impl.
// expected-error @+1 {{function @main_impl would be 'tvmgen_default_main_impl' in C, which is also the body of function @main}}
func.func private @main_impl(%x: memref<16xf32>, %y: memref<16xf32>) {
  memref.copy %x, %y : memref<16xf32> to memref<16xf32>
  return
}
func.func @main(%in: memref<16xf32>, %out: memref<16xf32>) {
  %a = memref.alloc() : memref<16xf32>
  call @main_impl(%in, %a) : (memref<16xf32>, memref<16xf32>) -> ()
  call @main_impl(%a, %out) : (memref<16xf32>, memref<16xf32>) -> ()
  return
}

// -----

memref.global "private" @"a.b" : memref<4xf32> = dense<1.0>
// expected-error @+1 {{global @a_b would be 'tvmgen_default_a_b' in C, which is also global @a.b}}
memref.global "private" @a_b : memref<4xf32> = dense<2.0>
func.func @main(%out: memref<4xf32>) {
  %x = memref.get_global @"a.b" : memref<4xf32>
  %y = memref.get_global @a_b : memref<4xf32>
  %c0 = arith.constant 0 : index
  %u = memref.load %x[%c0] : memref<4xf32>
  %v = memref.load %y[%c0] : memref<4xf32>
  %s = arith.addf %u, %v : f32
  memref.store %s, %out[%c0] : memref<4xf32>
  return
}

// -----

// Macros are upper case.
// expected-error @+1 {{input 'A' and input 'a' are both 'TVMGEN_DEFAULT_A_SIZE' as C macros}}
func.func @main(%in: memref<16xf32> {usmp.io = #usmp.io<input "A", index = 0>}, %in2: memref<8xf32> {usmp.io = #usmp.io<input "a", index = 1>}, %out: memref<16xf32> {usmp.io = #usmp.io<output "y", index = 0>}) {
  %c0 = arith.constant 0 : index
  %x = memref.load %in[%c0] : memref<16xf32>
  %z = memref.load %in2[%c0] : memref<8xf32>
  %s = arith.addf %x, %z : f32
  memref.store %s, %out[%c0] : memref<16xf32>
  return
}

// -----

usmp.pool workspace @x
// expected-error @+1 {{pool @x and input 'x_workspace_pool' are both 'TVMGEN_DEFAULT_X_WORKSPACE_POOL_SIZE' as C macros}}
func.func @main(%in: memref<4xf32> {usmp.io = #usmp.io<input "x_workspace_pool", index = 0>}, %out: memref<4xf32> {usmp.io = #usmp.io<output "y", index = 0>}) {
  %a = memref.alloc() : memref<4xf32>
  memref.copy %in, %a : memref<4xf32> to memref<4xf32>
  memref.copy %a, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// expected-error @+1 {{the size of all workspace pools and output 'workspace' are both 'TVMGEN_DEFAULT_WORKSPACE_SIZE' as C macros}}
func.func @main(%in: memref<4xf32>, %out: memref<4xf32> {usmp.io = #usmp.io<output "workspace", index = 0>}) {
  memref.copy %in, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// A field spelled like a macro defined before the struct would be replaced.
// expected-error @+1 {{input 'TVMGEN_DEFAULT_B_SIZE' is 'TVMGEN_DEFAULT_B_SIZE' as a C identifier, which is the C macro of output 'b'}}
func.func @main(%in: memref<4xf32> {usmp.io = #usmp.io<input "TVMGEN_DEFAULT_B_SIZE", index = 0>}, %out: memref<4xf32> {usmp.io = #usmp.io<output "b", index = 0>}) {
  memref.copy %in, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// A tensor or pool name is sanitized for C (docs/CAPI.md): the application
// is told the spelling it finds.
// expected-remark @below {{pool @1sram is '_1sram' in C}}
usmp.pool workspace @"1sram"
// expected-remark @below {{input 'x:0' is 'x_0' in C}}
func.func @main(%in: memref<4xf32> {usmp.io = #usmp.io<input "x:0", index = 0>},
                // expected-remark @below {{output 'for' is 'for_' in C}}
                %out: memref<4xf32> {usmp.io = #usmp.io<output "for", index = 0>}) {
  %a = memref.alloc() : memref<4xf32>
  memref.copy %in, %a : memref<4xf32> to memref<4xf32>
  memref.copy %a, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// A name with no letter or digit would be underscores alone, as a model name
// would.
// expected-error @below {{input '-' has no letter or digit (C names are ASCII letters, digits and '_')}}
func.func @main(%in: memref<4xf32> {usmp.io = #usmp.io<input "-", index = 0>}, %out: memref<4xf32>) {
  memref.copy %in, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// expected-error @below {{output 'ℝ' has no letter or digit (C names are ASCII letters, digits and '_')}}
func.func @main(%in: memref<4xf32>, %out: memref<4xf32> {usmp.io = #usmp.io<output "ℝ", index = 0>}) {
  memref.copy %in, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// An internal pool is a static array named like the C API's run function.
// expected-error @+1 {{internal pool @run would be 'tvmgen_default_run' in C, which is also the C API's run function}}
usmp.pool workspace @run internal
func.func @main(%in: memref<16xf32>, %out: memref<16xf32>) {
  %a = memref.alloc() : memref<16xf32>
  memref.copy %in, %a : memref<16xf32> to memref<16xf32>
  memref.copy %a, %out : memref<16xf32> to memref<16xf32>
  return
}

// -----

// A function named like the inputs struct's typedef.
// expected-error @+1 {{function @inputs would be 'tvmgen_default_inputs' in C, which is also the C API's inputs struct type}}
func.func private @inputs(%x: memref<16xf32>, %y: memref<16xf32>) {
  memref.copy %x, %y : memref<16xf32> to memref<16xf32>
  return
}
func.func @main(%in: memref<16xf32>, %out: memref<16xf32>) {
  call @inputs(%in, %out) : (memref<16xf32>, memref<16xf32>) -> ()
  return
}

// -----

// A name of underscores alone would be tvmgen_default__, which C++ reserves.
// expected-error @+1 {{function @_ has no letter or digit (C names are ASCII letters, digits and '_')}}
func.func private @_(%x: memref<16xf32>, %y: memref<16xf32>) {
  memref.copy %x, %y : memref<16xf32> to memref<16xf32>
  return
}
func.func @main(%in: memref<16xf32>, %out: memref<16xf32>) {
  call @_(%in, %out) : (memref<16xf32>, memref<16xf32>) -> ()
  return
}

// -----

// A model with state has reset_state.
memref.global "private" @state : memref<4xf32> = uninitialized
// expected-error @+1 {{function @reset_state would be 'tvmgen_default_reset_state' in C, which is also the C API's reset_state function}}
func.func private @reset_state(%x: memref<4xf32>) {
  %s = memref.get_global @state : memref<4xf32>
  memref.copy %x, %s : memref<4xf32> to memref<4xf32>
  return
}
func.func @main(%in: memref<4xf32>) {
  call @reset_state(%in) : (memref<4xf32>) -> ()
  return
}
