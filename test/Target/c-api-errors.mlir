// RUN: not usmp-opt %s -split-input-file --usmp-pipeline --convert-usmp-to-emitc -o /dev/null 2>&1 | FileCheck %s
// RUN: not usmp-opt %s -split-input-file --usmp-pipeline --convert-usmp-to-emitc=internal-pools=nothere -o /dev/null 2>&1 | FileCheck %s --check-prefix=INTERNAL
// RUN: not usmp-opt %S/Inputs/internal-output.mlir --usmp-pipeline --convert-usmp-to-emitc=internal-pools=global_workspace,global_workspace -o /dev/null 2>&1 | FileCheck %s --check-prefix=INTERNAL-TWICE
// RUN: not usmp-opt %S/Inputs/global-size-wraps.mlir --usmp-pipeline --convert-usmp-to-emitc -o /dev/null 2>&1 | FileCheck %s --check-prefix=WRAPS
// RUN: usmp-opt %S/Inputs/planned-errors.mlir -split-input-file --convert-usmp-to-emitc -verify-diagnostics -o /dev/null
// RUN: usmp-opt %S/Inputs/internal-alignment.mlir --convert-usmp-to-emitc=internal-pools=big -verify-diagnostics -o /dev/null
// RUN: not usmp-opt %S/Inputs/default-pool-alignment.mlir --usmp-pipeline=alignment=536870912 --convert-usmp-to-emitc -o /dev/null 2>&1 | FileCheck %s --check-prefix=DEFAULT-ALIGN
// DEFAULT-ALIGN: error: internal pool @global_workspace needs 536870912-byte alignment; C compilers accept up to 268435456 for a static array (drop its 'internal' so that the application provides it; the default pool: declare one with the 'pools' option)
// DEFAULT-ALIGN-NOT: see current operation
// Options name symbols without '@', as `pools` and `entry` do.
// RUN: not usmp-opt %S/Inputs/internal-alignment.mlir --convert-usmp-to-emitc=internal-pools=@big -o /dev/null 2>&1 | FileCheck %s --check-prefix=AT
// AT: error: option 'internal-pools' names '@big': pool names are given without '@'

// A global of 2^64 elements, whose count wraps to 0 in 64 bits.
// WRAPS: global-size-wraps.mlir:10:1: error: cannot lower @g to C: 'memref<4294967296x4294967296xf32>' takes 2^61 bytes or more, which clang refuses in one array
// INTERNAL: error: option 'internal-pools' names @nothere, which is not a pool of the module (@global_workspace)
// A pool given twice is most likely meant to be another one.
// INTERNAL-TWICE: error: option 'internal-pools' names @global_workspace twice

// Pool names that clash as C identifiers.
// CHECK: error: pool names 'a-b' and 'a_b' are both 'a_b' as C identifiers
usmp.pool workspace @"a-b"
usmp.pool workspace @a_b
func.func @main(%in: memref<4xf32>) {
  return
}

// -----

// The C API passes inputs and outputs of static size.
// CHECK: error: argument 0 of @main has a dynamic shape ('memref<?xf32>'); the C API passes inputs and outputs of static size
func.func @main(%in: memref<?xf32>, %out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %x = memref.load %in[%c0] : memref<?xf32>
  memref.store %x, %out[%c0] : memref<4xf32>
  return
}

// -----

// Nor of no rank.
// CHECK: c-api-errors.mlir:[[# @LINE + 1]]:17: error: argument 0 of @main is unranked ('memref<*xf32>'); the C API passes inputs and outputs of static size
func.func @main(%in: memref<*xf32>, %out: memref<4xf32>) {
  %c = memref.cast %in : memref<*xf32> to memref<4xf32>
  memref.copy %c, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// An allocation the planner left alone cannot become C.
// CHECK: remark: buffer not planned: it has a dynamic shape
// CHECK: error: cannot lower 'memref.alloc' to C: the buffer is not in a pool (see the remarks of usmp-plan-buffers for why it was not planned)
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

// Scalars cannot be passed through the C API, and usmp-pipeline, which
// ran, is no remedy. The error is at the argument, without the function.
// CHECK: c-api-errors.mlir:[[# @LINE + 2]]:37: error: argument 1 of @main is 'index'; the C API passes only statically shaped memrefs as inputs and outputs{{$}}
// CHECK-NOT: see current operation
func.func @main(%in: memref<4xf32>, %n: index) {
  return
}

// -----

// Likewise before a dynamic shape.
// CHECK: c-api-errors.mlir:[[# @LINE + 2]]:17: error: argument 0 of @main is 'index'; the C API passes only statically shaped memrefs as inputs and outputs{{$}}
// CHECK-NOT: see current operation
func.func @main(%n: index, %in: memref<?xf32>, %out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %x = memref.load %in[%c0] : memref<?xf32>
  memref.store %x, %out[%c0] : memref<4xf32>
  return
}

// -----

// CHECK: c-api-errors.mlir:[[# @LINE + 2]]:17: error: argument 0 of @main is 'tensor<4xf32>'; the C API passes only statically shaped memrefs as inputs and outputs (bufferize the model first, as usmp-from-tosa does)
// CHECK-NOT: see current operation
func.func @main(%in: tensor<4xf32>, %out: memref<4xf32>) {
  return
}

// -----

// The entry function returns no scalars: outputs are buffers.
// CHECK: error: the entry function returns 'f32'; the C API's outputs are buffers (return a tensor)
// CHECK-NOT: see current operation
func.func @main(%in: memref<4xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  %x = memref.load %in[%c0] : memref<4xf32>
  return %x : f32
}

// -----

// Nor buffers or tensors: the C API needs its outputs as arguments.
// CHECK: error: the entry function returns values; the C API needs its outputs as arguments (run usmp-from-tosa or buffer-results-to-out-params)
func.func @main(%in: memref<4xf32>) -> memref<4xf32> {
  return %in : memref<4xf32>
}

// -----

// CHECK: error: the entry function returns values; the C API needs its outputs as arguments (run usmp-from-tosa or buffer-results-to-out-params)
func.func @main(%in: tensor<4xf32>) -> tensor<4xf32> {
  return %in : tensor<4xf32>
}

// -----

// An operator no EmitC conversion handles is named.
// CHECK: error: cannot lower 'memref.atomic_rmw' to C: no EmitC conversion handles it
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %x = memref.load %in[%c0] : memref<4xf32>
  %old = memref.atomic_rmw addf %x, %out[%c0] : (f32, memref<4xf32>) -> f32
  return
}

// -----

// Types C cannot express are errors before any lowering, at their value. A
// rank-0 parameter is a one-element array (rank-zero.mlir), but not one with
// an offset.
// CHECK: error: cannot lower argument 0 of @put to C: 'memref<f32, strided<[], offset: 1>>' has no C equivalent
func.func private @put(%a: memref<f32, strided<[], offset: 1>>, %x: f32) {
  memref.store %x, %a[] : memref<f32, strided<[], offset: 1>>
  return
}
func.func @main(%in: memref<1xf32>, %out: memref<2xf32>) {
  %c0 = arith.constant 0 : index
  %x = memref.load %in[%c0] : memref<1xf32>
  %a = memref.subview %out[1] [1] [1] : memref<2xf32> to memref<f32, strided<[], offset: 1>>
  func.call @put(%a, %x) : (memref<f32, strided<[], offset: 1>>, f32) -> ()
  return
}

// -----

// A function taking a rank-0 buffer takes a one-element array in C, which a
// function value of it would not.
// CHECK: error: cannot lower a function value of @put to C: it takes a rank-0 buffer, which C passes as a one-element array; call it directly
func.func private @put(%a: memref<f32>, %x: f32) {
  memref.store %x, %a[] : memref<f32>
  return
}
func.func @main(%in: memref<1xf32>, %out: memref<f32>) {
  %c0 = arith.constant 0 : index
  %x = memref.load %in[%c0] : memref<1xf32>
  %put = func.constant @put : (memref<f32>, f32) -> ()
  func.call_indirect %put(%out, %x) : (memref<f32>, f32) -> ()
  return
}

// -----

// A function value chosen at run time does not fold into a direct call.
// CHECK: c-api-errors.mlir:[[# @LINE + 12]]:8: error: cannot lower 'func.constant' to C: a function value has a C form only where it folds into a direct call; call the function directly
func.func private @g(%a: memref<4xf32>, %o: memref<4xf32>) {
  linalg.add ins(%a, %a : memref<4xf32>, memref<4xf32>) outs(%o : memref<4xf32>)
  return
}
func.func private @k(%a: memref<4xf32>, %o: memref<4xf32>) {
  linalg.mul ins(%a, %a : memref<4xf32>, memref<4xf32>) outs(%o : memref<4xf32>)
  return
}
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>, %c: memref<i1>) {
  %b = memref.load %c[] : memref<i1>
  %f = func.constant @g : (memref<4xf32>, memref<4xf32>) -> ()
  %h = func.constant @k : (memref<4xf32>, memref<4xf32>) -> ()
  %s = arith.select %b, %f, %h : (memref<4xf32>, memref<4xf32>) -> ()
  func.call_indirect %s(%in, %out) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}

// -----

// CHECK: error: cannot lower 'memref.view' to C: 'memref<4xi3>' has no C equivalent (usmp-widen-integers widens it to a C width)
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  %a = memref.alloc() : memref<4xi3>
  %c0 = arith.constant 0 : index
  %x = memref.load %in[%c0] : memref<4xf32>
  %t = arith.fptosi %x : f32 to i3
  memref.store %t, %a[%c0] : memref<4xi3>
  %y = memref.load %a[%c0] : memref<4xi3>
  %z = arith.sitofp %y : i3 to f32
  memref.store %z, %out[%c0] : memref<4xf32>
  return
}

// -----

// CHECK: error: cannot lower argument 0 of @main to C: 'memref<4x4xf32, strided<[8, 1]>>' is not contiguous in row-major order
func.func @main(%in: memref<4x4xf32, strided<[8, 1]>>, %out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %x = memref.load %in[%c0, %c0] : memref<4x4xf32, strided<[8, 1]>>
  memref.store %x, %out[%c0] : memref<4xf32>
  return
}

// -----

// CHECK: error: cannot lower argument 0 of @main to C: 'memref<0xf32>' has no elements, and C has no zero-length arrays
func.func @main(%in: memref<0xf32>, %out: memref<4xf32>) {
  return
}

// -----

// CHECK: error: cannot lower 'scf.while' to C with index loop variables; carry them as i32 or i64
func.func @main(%in: memref<16xf32>, %out: memref<16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %r = scf.while (%i = %c0) : (index) -> index {
    %cond = arith.cmpi slt, %i, %c4 : index
    scf.condition(%cond) %i : index
  } do {
  ^bb0(%j: index):
    %x = memref.load %in[%j] : memref<16xf32>
    memref.store %x, %out[%j] : memref<16xf32>
    %n = arith.addi %j, %c1 : index
    scf.yield %n : index
  }
  return
}

// -----

// A function without a body named like a <math.h> function but typed
// otherwise: the C would call the library's, which it contradicts.
// CHECK: error: @log has no body, so the C calls the C library's log, which <math.h> declares with 1 double argument returning double, not as '(f32) -> f32'; rename it or fix its type
func.func private @log(f32) -> f32
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %v = memref.load %in[%c0] : memref<4xf32>
  %w = func.call @log(%v) : (f32) -> f32
  memref.store %w, %out[%c0] : memref<4xf32>
  return
}

// -----

// An input outside the pools whose size does not fit in 64 bits is more than
// one C array holds.
// CHECK: error: cannot lower argument 0 of @main to C: 'memref<4611686018427387904xf32>' takes 2^61 bytes or more, which clang refuses in one array
func.func @main(%in: memref<4611686018427387904xf32>, %out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %v = memref.load %in[%c0] : memref<4611686018427387904xf32>
  memref.store %v, %out[%c0] : memref<4xf32>
  return
}

// -----

// Branches have no EmitC conversion; with index block arguments the blocks'
// conversion used to leave the branch invalid instead.
// CHECK: error: cannot lower 'cf.br' to C: no EmitC conversion handles it
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  cf.br ^loop(%c0 : index)
^loop(%i: index):
  %cond = arith.cmpi slt, %i, %c4 : index
  cf.cond_br %cond, ^body, ^exit
^body:
  %x = memref.load %in[%i] : memref<4xf32>
  memref.store %x, %out[%i] : memref<4xf32>
  %n = arith.addi %i, %c1 : index
  cf.br ^loop(%n : index)
^exit:
  return
}

// -----

// A function without a body keeps its name in the C, so the name must be
// one C can declare.
// CHECK: error: @v2 has no body, so the C calls it by its name, which is how the C printer names values, loop variables and labels; rename it
func.func private @v2(f32) -> f32
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %v = memref.load %in[%c0] : memref<4xf32>
  %w = func.call @v2(%v) : (f32) -> f32
  memref.store %w, %out[%c0] : memref<4xf32>
  return
}

// -----

// CHECK: error: @my.kernel has no body, so the C calls it by its name, which is not a C identifier; rename it
func.func private @"my.kernel"(f32) -> f32
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %v = memref.load %in[%c0] : memref<4xf32>
  %w = func.call @"my.kernel"(%v) : (f32) -> f32
  memref.store %w, %out[%c0] : memref<4xf32>
  return
}

// -----

// CHECK: error: @abs has no body, so the C calls it by its name, which is a function of the C standard library; rename it
func.func private @abs(f32) -> f32
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %v = memref.load %in[%c0] : memref<4xf32>
  %w = func.call @abs(%v) : (f32) -> f32
  memref.store %w, %out[%c0] : memref<4xf32>
  return
}

// -----

// CHECK: error: @ldexpf has no body, so the C calls it by its name, which is a function or macro of <math.h> taking integers or pointers; rename it
func.func private @ldexpf(f32) -> f32
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %v = memref.load %in[%c0] : memref<4xf32>
  %w = func.call @ldexpf(%v) : (f32) -> f32
  memref.store %w, %out[%c0] : memref<4xf32>
  return
}

// -----

// CHECK: error: @sqrtl has no body, so the C calls it by its name, which <math.h> declares for long double; rename it
func.func private @sqrtl(f32) -> f32
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %v = memref.load %in[%c0] : memref<4xf32>
  %w = func.call @sqrtl(%v) : (f32) -> f32
  memref.store %w, %out[%c0] : memref<4xf32>
  return
}

// -----

// CHECK: error: @size_t has no body, so the C calls it by its name, which POSIX reserves for types (size_t, int8_t, ...); rename it
func.func private @size_t(f32) -> f32
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %v = memref.load %in[%c0] : memref<4xf32>
  %w = func.call @size_t(%v) : (f32) -> f32
  memref.store %w, %out[%c0] : memref<4xf32>
  return
}

// -----

// CHECK: error: @i2 has no body, so the C calls it by its name, which is how the C printer names values, loop variables and labels; rename it
func.func private @i2(f32) -> f32
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %v = memref.load %in[%c0] : memref<4xf32>
  %w = func.call @i2(%v) : (f32) -> f32
  memref.store %w, %out[%c0] : memref<4xf32>
  return
}

// -----

// CHECK: error: @usmp_helper has no body, so the C calls it by its name, which the generated C uses for its own names; rename it
func.func private @usmp_helper(f32) -> f32
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %v = memref.load %in[%c0] : memref<4xf32>
  %w = func.call @usmp_helper(%v) : (f32) -> f32
  memref.store %w, %out[%c0] : memref<4xf32>
  return
}

// -----

// CHECK: error: @__kernel has no body, so the C calls it by its name, which C reserves for the implementation; rename it
func.func private @__kernel(f32) -> f32
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %v = memref.load %in[%c0] : memref<4xf32>
  %w = func.call @__kernel(%v) : (f32) -> f32
  memref.store %w, %out[%c0] : memref<4xf32>
  return
}

// -----

// A multi-dimensional constant outside the pools is a flat C array: its
// elements can be read, but it cannot be passed whole.
// The error names the symbol, not its C spelling (g_x).
// CHECK: error: cannot lower this use of the multi-dimensional constant @g__x to C: outside the pools it is a flat C array, whose elements can be read but which cannot be passed whole; place it in a constant pool
memref.global "private" constant @g__x : memref<2x2xi32> = dense<[[1, 2], [3, 4]]>
func.func private @h(%a: memref<2x2xi32>, %o: memref<2x2xi32>) {
  linalg.add ins(%a, %a : memref<2x2xi32>, memref<2x2xi32>) outs(%o : memref<2x2xi32>)
  return
}
func.func @main(%out: memref<2x2xi32>) {
  %g = memref.get_global @g__x : memref<2x2xi32>
  func.call @h(%g, %out) : (memref<2x2xi32>, memref<2x2xi32>) -> ()
  return
}

// -----

// A function returning a buffer would return an array, which C cannot.
// CHECK: c-api-errors.mlir:[[# @LINE + 3]]:1: error: cannot lower @get to C: it returns 'memref<4xf32>', and C functions cannot return arrays; pass the buffer as an argument (buffer-results-to-out-params does)
// CHECK-NOT: see current operation
memref.global "private" constant @w : memref<4xf32> = dense<1.0>
func.func private @get() -> memref<4xf32> {
  %w = memref.get_global @w : memref<4xf32>
  return %w : memref<4xf32>
}
func.func @main(%out: memref<4xf32>) {
  %w = call @get() : () -> memref<4xf32>
  memref.copy %w, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// A parameter becomes a pointer: a dynamic shape would lose its sizes.
// CHECK: c-api-errors.mlir:[[# @LINE + 1]]:23: error: cannot lower argument 0 of @op to C: 'memref<?xf32>' has a dynamic shape
func.func private @op(%x: memref<?xf32>) {
  %c0 = arith.constant 0 : index
  %f = arith.constant 1.0 : f32
  memref.store %f, %x[%c0] : memref<?xf32>
  return
}
func.func @main(%out: memref<4xf32>) {
  %d = memref.cast %out : memref<4xf32> to memref<?xf32>
  func.call @op(%d) : (memref<?xf32>) -> ()
  return
}

// -----

// So does a declaration's, which has no argument of its own to point at.
// CHECK: c-api-errors.mlir:[[# @LINE + 1]]:1: error: cannot lower argument 0 of @ext to C: 'memref<?xf32>' has a dynamic shape, which a C parameter (a pointer to the elements) does not carry
func.func private @ext(memref<?xf32>)
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  %c = memref.cast %in : memref<4xf32> to memref<?xf32>
  func.call @ext(%c) : (memref<?xf32>) -> ()
  memref.copy %in, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// Nor a strided one.
// CHECK: c-api-errors.mlir:[[# @LINE + 1]]:1: error: cannot lower argument 1 of @ext to C: 'memref<2xf32, strided<[2]>>' is not contiguous in row-major order
func.func private @ext(f32, memref<2xf32, strided<[2]>>)
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %x = memref.load %in[%c0] : memref<4xf32>
  %s = memref.subview %in[0] [2] [2] : memref<4xf32> to memref<2xf32, strided<[2]>>
  func.call @ext(%x, %s) : (f32, memref<2xf32, strided<[2]>>) -> ()
  memref.copy %in, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// Element types are those C has: anything else is named where it is used.
// CHECK: c-api-errors.mlir:[[# @LINE + 2]]:8: error: cannot lower 'memref.view' to C: 'memref<4x!ptr.ptr<#ptr.generic_space>>' has no C equivalent
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  %a = memref.alloc() : memref<4x!ptr.ptr<#ptr.generic_space>>
  %c0 = arith.constant 0 : index
  %p = memref.load %a[%c0] : memref<4x!ptr.ptr<#ptr.generic_space>>
  memref.store %p, %a[%c0] : memref<4x!ptr.ptr<#ptr.generic_space>>
  memref.copy %in, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// Loop-carried buffers would become C variables of array type.
// CHECK: c-api-errors.mlir:[[# @LINE + 9]]:10: error: cannot lower 'scf.for' to C: it yields a memref, and C cannot assign arrays; usmp-copy-yielded-buffers, run before planning (as usmp-from-tosa does), makes the buffers copies{{$}}
// CHECK-NOT: see current operation
func.func @main(%a: memref<4xf32>, %o: memref<4xf32>) {
  %t = memref.alloc() : memref<4xf32>
  %u = memref.alloc() : memref<4xf32>
  memref.copy %a, %t : memref<4xf32> to memref<4xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %r:2 = scf.for %i = %c0 to %c3 step %c1 iter_args(%x = %t, %y = %u) -> (memref<4xf32>, memref<4xf32>) {
    memref.copy %x, %y : memref<4xf32> to memref<4xf32>
    scf.yield %y, %x : memref<4xf32>, memref<4xf32>
  }
  memref.copy %r#0, %o : memref<4xf32> to memref<4xf32>
  return
}

// -----

// A buffer of dynamic shape has no allocation to copy into: no advice.
// CHECK: c-api-errors.mlir:[[# @LINE + 10]]:8: error: cannot lower 'scf.if' to C: it yields a memref, and C cannot assign arrays{{$}}
func.func @main(%in: memref<4xf32>, %c: memref<i1>, %n: memref<i32>, %out: memref<f32>) {
  %c0 = arith.constant 0 : index
  %b = memref.load %c[] : memref<i1>
  %k = memref.load %n[] : memref<i32>
  %m = arith.index_cast %k : i32 to index
  %s = memref.subview %in[0] [%m] [1] : memref<4xf32> to memref<?xf32, strided<[1]>>
  %t = memref.subview %in[1] [%m] [1] : memref<4xf32> to memref<?xf32, strided<[1], offset: 1>>
  %u = memref.cast %t : memref<?xf32, strided<[1], offset: 1>> to memref<?xf32, strided<[1], offset: ?>>
  %v = memref.cast %s : memref<?xf32, strided<[1]>> to memref<?xf32, strided<[1], offset: ?>>
  %r = scf.if %b -> memref<?xf32, strided<[1], offset: ?>> {
    scf.yield %u : memref<?xf32, strided<[1], offset: ?>>
  } else {
    scf.yield %v : memref<?xf32, strided<[1], offset: ?>>
  }
  %x = memref.load %r[%c0] : memref<?xf32, strided<[1], offset: ?>>
  memref.store %x, %out[] : memref<f32>
  return
}

// -----

// Nor has a buffer whose layout no cast of an allocation gives.
// CHECK: c-api-errors.mlir:[[# @LINE + 8]]:8: error: cannot lower 'scf.for' to C: it yields a memref, and C cannot assign arrays{{$}}
func.func @main(%a: memref<4xf32>, %o: memref<2xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %s = memref.subview %a[2] [2] [1] : memref<4xf32> to memref<2xf32, strided<[1], offset: 2>>
  %t = memref.alloc() : memref<4xf32>
  %u = memref.subview %t[2] [2] [1] : memref<4xf32> to memref<2xf32, strided<[1], offset: 2>>
  %r = scf.for %i = %c0 to %c3 step %c1 iter_args(%x = %s) -> (memref<2xf32, strided<[1], offset: 2>>) {
    scf.yield %u : memref<2xf32, strided<[1], offset: 2>>
  }
  memref.copy %r, %o : memref<2xf32, strided<[1], offset: 2>> to memref<2xf32>
  return
}

// -----

// So would a choice between buffers.
// CHECK: c-api-errors.mlir:[[# @LINE + 5]]:8: error: cannot lower 'arith.select' to C: it chooses a memref, and C cannot assign arrays; select elements, or copy in an 'scf.if'
func.func @main(%in: memref<4xf32>, %c: memref<i1>, %out: memref<4xf32>) {
  %t = memref.alloc() : memref<4xf32>
  %u = memref.alloc() : memref<4xf32>
  %b = memref.load %c[] : memref<i1>
  %s = arith.select %b, %t, %u : memref<4xf32>
  memref.copy %in, %s : memref<4xf32> to memref<4xf32>
  memref.copy %t, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// A C function returns one value.
// CHECK: c-api-errors.mlir:[[# @LINE + 1]]:1: error: cannot lower @pair to C: it returns 2 values, and a C function returns one
func.func private @pair(%x: i32) -> (i32, i32) {
  return %x, %x : i32, i32
}
func.func @main(%in: memref<2xi32>, %out: memref<2xi32>) {
  %c0 = arith.constant 0 : index
  %x = memref.load %in[%c0] : memref<2xi32>
  %a, %b = func.call @pair(%x) : (i32) -> (i32, i32)
  %s = arith.addi %a, %b : i32
  memref.store %s, %out[%c0] : memref<2xi32>
  return
}

// -----

// Upstream's conversion of a constant array of index values does not
// verify.
// CHECK: c-api-errors.mlir:[[# @LINE + 1]]:1: error: cannot lower @indices to C: upstream's conversion of index arrays does not verify; use i64 elements
memref.global "private" constant @indices : memref<2xindex> = dense<[3, -1]>
func.func @main(%in: memref<2xindex>, %out: memref<2xindex>) {
  %k = memref.get_global @indices : memref<2xindex>
  %c0 = arith.constant 0 : index
  %x = memref.load %in[%c0] : memref<2xindex>
  %y = memref.load %k[%c0] : memref<2xindex>
  %s = arith.addi %x, %y : index
  memref.store %s, %out[%c0] : memref<2xindex>
  return
}

// -----

// A declaration returning index: its calls would not verify.
// CHECK: c-api-errors.mlir:[[# @LINE + 1]]:1: error: cannot lower @count to C: upstream's conversion of calls returning index does not verify; declare it returning i64
func.func private @count(%x: i64) -> index
func.func @main(%in: memref<2xi64>, %out: memref<2xindex>) {
  %c0 = arith.constant 0 : index
  %x = memref.load %in[%c0] : memref<2xi64>
  %n = func.call @count(%x) : (i64) -> index
  memref.store %n, %out[%c0] : memref<2xindex>
  return
}

// -----

// Counting leading zeros of index depends on the width of size_t.
func.func @main(%in: memref<2xindex>, %out: memref<2xindex>) {
  %c0 = arith.constant 0 : index
  %x = memref.load %in[%c0] : memref<2xindex>
  // CHECK: c-api-errors.mlir:[[# @LINE + 1]]:8: error: cannot lower 'math.ctlz' on index to C: its result depends on the width of size_t; count on i32 or i64
  %n = math.ctlz %x : index
  memref.store %n, %out[%c0] : memref<2xindex>
  return
}

// -----

// A function value returning index: its indirect calls would need the cast.
func.func private @half(%x: index) -> index {
  %c2 = arith.constant 2 : index
  %r = arith.divui %x, %c2 : index
  return %r : index
}
func.func @main(%in: memref<2xindex>, %out: memref<2xindex>) {
  %c0 = arith.constant 0 : index
  %x = memref.load %in[%c0] : memref<2xindex>
  // CHECK: c-api-errors.mlir:[[# @LINE + 1]]:8: error: cannot lower a function value of @half to C: it returns index, which its calls must cast; call it directly
  %f = func.constant @half : (index) -> index
  %h = func.call_indirect %f(%x) : (index) -> index
  memref.store %h, %out[%c0] : memref<2xindex>
  return
}

// -----

// CHECK: error: cannot lower 'index.sizeof' to C: it is the width of size_t, which depends on the target
func.func @main(%out: memref<1xi64>) {
  %size = index.sizeof
  %wide = index.casts %size : index to i64
  %c0 = arith.constant 0 : index
  memref.store %wide, %out[%c0] : memref<1xi64>
  return
}

// -----

// A reshaped buffer passed whole (usmp-from-tosa would copy it).
// CHECK: error: cannot lower 'memref.collapse_shape' to C: a reshaped buffer can only be read and written element by element (usmp-copy-reshaped-arguments gives a call a copy)
func.func private @sum(%p: memref<6xf32>, %out: memref<1xf32>)
func.func @main(%a: memref<2x3xf32>, %out: memref<1xf32>) {
  %r = memref.collapse_shape %a [[0, 1]] : memref<2x3xf32> into memref<6xf32>
  func.call @sum(%r, %out) : (memref<6xf32>, memref<1xf32>) -> ()
  return
}

// -----

// Taken whole by another operation: no call to copy for, so it is named.
// CHECK: error: cannot lower 'memref.collapse_shape' to C: a reshaped buffer can only be read and written element by element, and 'memref.transpose' takes it whole
// CHECK: note: used whole here
func.func @main(%a: memref<2x3xf32>, %out: memref<3x2xf32>) {
  %r = memref.collapse_shape %a [[0, 1]] : memref<2x3xf32> into memref<6xf32>
  %e = memref.expand_shape %r [[0, 1]] output_shape [3, 2] : memref<6xf32> into memref<3x2xf32>
  %t = memref.transpose %e (i, j) -> (j, i) : memref<3x2xf32> to memref<2x3xf32, strided<[1, 2]>>
  %c0 = arith.constant 0 : index
  %v = memref.load %t[%c0, %c0] : memref<2x3xf32, strided<[1, 2]>>
  memref.store %v, %out[%c0, %c0] : memref<3x2xf32>
  return
}

// -----

// A C parameter is a pointer to the elements: no rank to pass.
// CHECK: c-api-errors.mlir:[[# @LINE + 1]]:22: error: cannot lower argument 0 of @h to C: 'memref<*xf32>' has no rank, which a C parameter (a pointer to the elements) does not carry
func.func private @h(%u: memref<*xf32>) {
  return
}
func.func @main(%x: memref<4xf32>, %y: memref<4xf32>) {
  %u = memref.cast %x : memref<4xf32> to memref<*xf32>
  func.call @h(%u) : (memref<*xf32>) -> ()
  memref.copy %x, %y : memref<4xf32> to memref<4xf32>
  return
}

// -----

// `none` has no C type, as a parameter or as a result.
// CHECK: c-api-errors.mlir:[[# @LINE + 1]]:1: error: cannot lower argument 0 of @takes to C: 'none' has no C equivalent
func.func private @takes(%n: none, %x: memref<4xf32>)
func.func @main(%x: memref<4xf32>) {
  %n = ub.poison : none
  call @takes(%n, %x) : (none, memref<4xf32>) -> ()
  return
}

// -----

// CHECK: c-api-errors.mlir:[[# @LINE + 1]]:1: error: cannot lower @gives to C: it returns 'none', which has no C equivalent
func.func private @gives(%x: memref<4xf32>) -> none
func.func @main(%x: memref<4xf32>) {
  %n = call @gives(%x) : (memref<4xf32>) -> none
  return
}

// -----

// Nor have tensors and tuples (a declaration keeps its types in C).
// CHECK: c-api-errors.mlir:[[# @LINE + 1]]:1: error: cannot lower @gives_tensor to C: it returns 'tensor<4xf32>', which has no C equivalent
func.func private @gives_tensor(%x: memref<4xf32>) -> tensor<4xf32>
func.func @main(%x: memref<4xf32>) {
  %t = call @gives_tensor(%x) : (memref<4xf32>) -> tensor<4xf32>
  return
}

// -----

// CHECK: c-api-errors.mlir:[[# @LINE + 1]]:1: error: cannot lower @gives_tuple to C: it returns 'tuple<f32, f32>', which has no C equivalent
func.func private @gives_tuple(%x: memref<4xf32>) -> tuple<f32, f32>
func.func @main(%x: memref<4xf32>) {
  %t = call @gives_tuple(%x) : (memref<4xf32>) -> tuple<f32, f32>
  return
}

// -----

// CHECK: c-api-errors.mlir:[[# @LINE + 1]]:1: error: cannot lower argument 0 of @takes_tensor to C: 'tensor<4xf32>' has no C equivalent
func.func private @takes_tensor(tensor<4xf32>)
func.func @main(%x: memref<4xf32>) {
  %f = func.constant @takes_tensor : (tensor<4xf32>) -> ()
  return
}

// -----

// CHECK: c-api-errors.mlir:[[# @LINE + 1]]:1: error: cannot lower @big to C: its 536870912-byte alignment is above the 268435456 C compilers accept for a static array
memref.global "private" constant @big : memref<4xf32> = dense<1.0> {alignment = 536870912 : i64}
func.func @main(%out: memref<4xf32>) {
  %b = memref.get_global @big : memref<4xf32>
  memref.copy %b, %out : memref<4xf32> to memref<4xf32>
  return
}
