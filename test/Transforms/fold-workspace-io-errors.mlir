// RUN: usmp-opt %s -split-input-file -usmp-fold-workspace-io=all -verify-diagnostics

// expected-error @below {{input 'input0' (argument 0) cannot be placed in a pool: it has a dynamic shape}}
func.func @main(%in: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %x = memref.load %in[%c0] : memref<?xf32>
  return
}

// -----

// expected-error @below {{input 'input0' (argument 0) cannot be placed in a pool: it is unranked}}
func.func @main(%in: memref<*xf32>, %out: memref<4xf32>) {
  %c = memref.cast %in : memref<*xf32> to memref<4xf32>
  memref.copy %c, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// expected-error @below {{output 'output0' (argument 0) cannot be placed in a pool: it is returned from its function}}
func.func @main(%out: memref<4xf32>) -> memref<4xf32> {
  %c0 = arith.constant 0 : index
  %f = arith.constant 1.0 : f32
  memref.store %f, %out[%c0] : memref<4xf32>
  return %out : memref<4xf32>
}

// -----

func.func private @ext(memref<4xf32>)
// The model may write what it passes to an unknown function: an output.
// expected-error @below {{output 'output0' (argument 0) cannot be placed in a pool: it is passed to @ext, which has no body in the module}}
func.func @main(%in: memref<4xf32>) {
  func.call @ext(%in) : (memref<4xf32>) -> ()
  return
}

// -----

// Through a loop's iteration argument, and through a function with a body.
func.func private @ext(memref<4xf32>)
// expected-error @below {{output 'output0' (argument 0) cannot be placed in a pool: it is passed to @ext, which has no body in the module}}
func.func @main(%out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%x = %out) -> (memref<4xf32>) {
    func.call @ext(%x) : (memref<4xf32>) -> ()
    scf.yield %x : memref<4xf32>
  }
  return
}

// -----

func.func private @ext(memref<4xf32>)
func.func private @mid(%p: memref<4xf32>) {
  func.call @ext(%p) : (memref<4xf32>) -> ()
  return
}
// expected-error @below {{output 'output0' (argument 0) cannot be placed in a pool: it is passed to @mid, where it is passed to @ext, which has no body in the module}}
func.func @main(%out: memref<4xf32>) {
  func.call @mid(%out) : (memref<4xf32>) -> ()
  return
}

// -----

// Recursive calls end: each parameter is followed once.
func.func private @ext(memref<4xf32>)
func.func private @ping(%p: memref<4xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %done = arith.cmpi eq, %n, %c0 : index
  scf.if %done {
  } else {
    func.call @pong(%p, %n) : (memref<4xf32>, index) -> ()
  }
  return
}
func.func private @pong(%p: memref<4xf32>, %n: index) {
  %c1 = arith.constant 1 : index
  %m = arith.subi %n, %c1 : index
  func.call @ping(%p, %m) : (memref<4xf32>, index) -> ()
  func.call @ext(%p) : (memref<4xf32>) -> ()
  return
}
// expected-error @below {{output 'output0' (argument 0) cannot be placed in a pool: it is passed to @ping, where it is passed to @pong, where it is passed to @ext, which has no body in the module}}
func.func @main(%out: memref<4xf32>, %n: index) {
  func.call @ping(%out, %n) : (memref<4xf32>, index) -> ()
  return
}

// -----

// expected-error @below {{input 'input0' (argument 0) cannot be placed in a pool: its size in bytes does not fit in 63 bits}}
func.func @main(%in: memref<4611686018427387904xf32>, %out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %v = memref.load %in[%c0] : memref<4611686018427387904xf32>
  memref.store %v, %out[%c0] : memref<4xf32>
  return
}

// -----

// expected-error @below {{input 'input0' (argument 0) cannot be placed in a pool: its layout is not the identity}}
func.func @main(%in: memref<2x2xf32, strided<[4, 1]>>) {
  %c0 = arith.constant 0 : index
  %x = memref.load %in[%c0, %c0] : memref<2x2xf32, strided<[4, 1]>>
  return
}

// -----

// An input the model writes is folded, with a remark.
func.func @main(%io: memref<4xf32> {usmp.io = #usmp.io<input "state", index = 0>}) {
  // expected-remark @above {{input 'state' is overwritten by the model; its data does not survive the run}}
  %c0 = arith.constant 0 : index
  %f = arith.constant 1.0 : f32
  memref.store %f, %io[%c0] : memref<4xf32>
  return
}

// -----

// An output the model never writes is folded, with a remark.
func.func @main(%in: memref<4xf32>, %out: memref<4xf32> {usmp.io = #usmp.io<output "y", index = 0>}) {
  // expected-remark @above {{output 'y' is never written by the model; in the pool it holds whatever the pool held before the run}}
  %c0 = arith.constant 0 : index
  %x = memref.load %in[%c0] : memref<4xf32>
  return
}

// -----

func.func @main(%in: memref<4xf32>) {
  return
}
func.func private @caller(%x: memref<4xf32>) {
  // expected-error @below {{entry function @main is called in the module; its inputs and outputs cannot move into pools}}
  func.call @main(%x) : (memref<4xf32>) -> ()
  return
}

// -----

// expected-error @+2 {{I/O names 'a b' and 'a_b' are both 'a_b' as C identifiers}}
// expected-note @below {{'a b' is declared here}}
func.func @main(%x: memref<4xf32> {usmp.io = #usmp.io<input "a b", index = 0>}, %y: memref<4xf32> {usmp.io = #usmp.io<input "a_b", index = 1>}) {
  return
}

// -----

// After planning, a folded input would be in no pool.
// expected-error @below {{pool @p is planned already; usmp-fold-workspace-io runs before planning, and a module is planned once}}
usmp.pool workspace @p alignment(16) planned_size(0)
func.func @main(%in: memref<4xf32>) {
  return
}
