// RUN: usmp-opt %s -split-input-file -allow-unregistered-dialect -usmp-print-buffer-liveness -verify-diagnostics

// A chain: each buffer lives from its first to its last use, not from alloc
// to dealloc. Time steps: the function's call starts at step 0 and every
// operation takes a step where it starts and one where it ends, so nested
// operations and called functions fall inside their parent's span.
func.func @chain(%in: memref<16xf32>, %out: memref<16xf32>) {
  // expected-remark @below {{buffer 'chain.buf0' size 64 alignment 16 live [5, 8]}}
  %a = memref.alloc() : memref<16xf32>
  // expected-remark @below {{buffer 'chain.buf1' size 64 alignment 16 live [7, 12]}}
  %b = memref.alloc() : memref<16xf32>
  memref.copy %in, %a : memref<16xf32> to memref<16xf32>
  memref.copy %a, %b : memref<16xf32> to memref<16xf32>
  memref.dealloc %a : memref<16xf32>
  memref.copy %b, %out : memref<16xf32> to memref<16xf32>
  memref.dealloc %b : memref<16xf32>
  return
}

// -----

// An unused buffer lives only at its allocation; the alignment attribute
// wins over the default.
func.func @unused() {
  // expected-remark @below {{buffer 'unused.buf0' size 12 alignment 64 live [1, 1]}}
  %a = memref.alloc() {alignment = 64 : i64} : memref<3xi32>
  return
}

// -----

// A use through a view is a use of the buffer.
func.func @views(%out: memref<4x4xf32>) {
  // expected-remark @below {{buffer 'views.buf0' size 64 alignment 16 live [3, 6]}}
  %a = memref.alloc() : memref<16xf32>
  %v = memref.expand_shape %a [[0, 1]] output_shape [4, 4] : memref<16xf32> into memref<4x4xf32>
  memref.copy %v, %out : memref<4x4xf32> to memref<4x4xf32>
  return
}

// -----

// A use inside a loop keeps a buffer allocated outside it live for the whole
// loop; a buffer allocated inside the loop is live only within an iteration.
func.func @loop(%out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %f = arith.constant 1.0 : f32
  // expected-remark @below {{buffer 'loop.buf0' size 16 alignment 16 live [11, 22]}}
  %a = memref.alloc() : memref<4xf32>
  scf.for %i = %c0 to %c4 step %c1 {
    // expected-remark @below {{buffer 'loop.buf1' size 16 alignment 16 live [14, 17]}}
    %t = memref.alloca() : memref<4xf32>
    memref.store %f, %t[%i] : memref<4xf32>
    %x = memref.load %t[%i] : memref<4xf32>
    memref.store %x, %a[%i] : memref<4xf32>
    scf.yield
  }
  return
}

// -----

// Scratch of an operator function is live only during its call; a function
// called twice has one interval per call.
func.func private @op(%x: memref<8xf32>) {
  // expected-remark @below {{buffer 'op.buf0' size 32 alignment 16 live [7, 8] [17, 18]}}
  %s = memref.alloc() : memref<8xf32>
  memref.copy %x, %s : memref<8xf32> to memref<8xf32>
  return
}
func.func @twice() {
  // expected-remark @below {{buffer 'twice.buf0' size 32 alignment 16 live [3, 22]}}
  %a = memref.alloc() : memref<8xf32>
  func.call @op(%a) : (memref<8xf32>) -> ()
  func.call @op(%a) : (memref<8xf32>) -> ()
  return
}

// -----

// Buffers that escape are not planned, and the remark says why.
func.func private @external(memref<4xf32>)
func.func private @passthrough(%x: memref<4xf32>) -> memref<4xf32> {
  return %x : memref<4xf32>
}
func.func @escapes(%n: index) -> memref<4xf32> {
  // expected-remark @below {{buffer not planned: it is returned from its function}}
  %a = memref.alloc() : memref<4xf32>
  // expected-remark @below {{buffer not planned: it is passed to @external, which has no body in the module}}
  %b = memref.alloc() : memref<4xf32>
  func.call @external(%b) : (memref<4xf32>) -> ()
  // expected-remark @below {{buffer not planned: it is passed to @passthrough, which returns a memref that may alias it}}
  %c = memref.alloc() : memref<4xf32>
  %d = func.call @passthrough(%c) : (memref<4xf32>) -> memref<4xf32>
  // expected-remark @below {{buffer not planned: it has a dynamic shape}}
  %e = memref.alloc(%n) : memref<?xf32>
  // expected-remark @below {{buffer not planned: its address is taken}}
  %f = memref.alloc() : memref<4xf32>
  %p = memref.extract_aligned_pointer_as_index %f : memref<4xf32> -> index
  // expected-remark @below {{buffer not planned: it flows through control flow ('scf.yield')}}
  %g = memref.alloc() : memref<4xf32>
  %true = arith.constant true
  %h = scf.if %true -> memref<4xf32> {
    scf.yield %g : memref<4xf32>
  } else {
    scf.yield %g : memref<4xf32>
  }
  // expected-remark @below {{buffer not planned: its layout is not the identity}}
  %i = memref.alloc() : memref<2x2xf32, strided<[4, 1]>>
  // Values other than elements may carry the buffer to later reads.
  // expected-remark @below {{buffer not planned: it becomes a value of type 'tensor<4xf32>' ('bufferization.to_tensor')}}
  %j = memref.alloc() : memref<4xf32>
  %jt = bufferization.to_tensor %j restrict : memref<4xf32> to tensor<4xf32>
  %jm = bufferization.to_buffer %jt : tensor<4xf32> to memref<4xf32>
  // expected-remark @below {{buffer not planned: it becomes a value of type 'i64' ('builtin.unrealized_conversion_cast')}}
  %k = memref.alloc() : memref<4xf32>
  %ki = builtin.unrealized_conversion_cast %k : memref<4xf32> to i64
  // expected-remark @below {{buffer not planned: it becomes a value of type 'i64' ('test.address_of')}}
  %l = memref.alloc() : memref<4xf32>
  %li = "test.address_of"(%l) : (memref<4xf32>) -> i64
  return %a : memref<4xf32>
}

// -----

// The planner erases the deallocations of a buffer and its views in its own
// function; one elsewhere, or of something else it flows into, would free
// part of a pool.
func.func private @frees(%x: memref<4xf32>) {
  memref.dealloc %x : memref<4xf32>
  return
}
func.func @deallocations(%c: i1) {
  // expected-remark @below {{buffer 'deallocations.buf0' size 16 alignment 16 live [3, 4]}}
  %a = memref.alloc() : memref<4xf32>
  %a1 = memref.cast %a : memref<4xf32> to memref<?xf32>
  memref.dealloc %a1 : memref<?xf32>
  // expected-remark @below {{buffer not planned: it is passed to @frees, where it is deallocated}}
  %b = memref.alloc() : memref<4xf32>
  func.call @frees(%b) : (memref<4xf32>) -> ()
  // expected-remark @below {{buffer not planned: it is deallocated inside a region it enters}}
  %d = memref.alloc() : memref<4xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %e = scf.for %i = %c0 to %c1 step %c1 iter_args(%x = %d) -> memref<4xf32> {
    memref.dealloc %x : memref<4xf32>
    scf.yield %x : memref<4xf32>
  }
  // expected-remark @below {{buffer not planned: it is reallocated}}
  %f = memref.alloc() : memref<4xf32>
  %g = memref.realloc %f : memref<4xf32> to memref<8xf32>
  return
}

// -----

// A model input or output allocated in a loop holds the same tensor in every
// iteration: the input lives from the start to the loop's end, not to its
// last read in the first iteration.
func.func @io_in_loop(%out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  scf.for %i = %c0 to %c3 step %c1 {
    // expected-remark @below {{buffer 'io_in_loop.buf0' size 16 alignment 16 live [0, 18]}}
    %x = memref.alloc() {usmp.io = #usmp.io<input "x", index = 0>} : memref<4xf32>
    // expected-remark @below {{buffer 'io_in_loop.buf1' size 16 alignment 16 live [12, 15]}}
    %t = memref.alloc() : memref<4xf32>
    memref.copy %x, %t : memref<4xf32> to memref<4xf32>
    memref.copy %t, %out : memref<4xf32> to memref<4xf32>
  }
  return
}

// -----

// Unstructured control flow: buffers are live for the whole function call.
func.func @cfg(%c: i1, %out: memref<4xf32>) {
  // expected-remark @below {{buffer 'cfg.buf0' size 16 alignment 16 live [0, 11]}}
  %a = memref.alloc() : memref<4xf32>
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  memref.copy %a, %out : memref<4xf32> to memref<4xf32>
  cf.br ^bb2
^bb2:
  return
}

// -----

func.func private @f(%x: memref<4xf32>) {
  // expected-error @below {{recursive call to @f cannot be planned statically}}
  func.call @f(%x) : (memref<4xf32>) -> ()
  return
}
func.func @recursive(%x: memref<4xf32>) {
  func.call @f(%x) : (memref<4xf32>) -> ()
  return
}

// -----

// A call through a function value is not followed: its buffers would be
// missing from the timeline. (Functions without buffers are fine; see the
// next case.)
func.func private @op(%x: memref<4xf32>, %y: memref<4xf32>) {
  %t = memref.alloc() : memref<4xf32>
  memref.copy %x, %t : memref<4xf32> to memref<4xf32>
  memref.copy %t, %y : memref<4xf32> to memref<4xf32>
  return
}
func.func @indirect(%in: memref<4xf32>, %out: memref<4xf32>) {
  // expected-error @below {{a function value of @op hides the buffers of its calls from the liveness analysis; call it directly}}
  %f = func.constant @op : (memref<4xf32>, memref<4xf32>) -> ()
  func.call_indirect %f(%in, %out) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}

// -----

// The same when the buffers are behind another function value.
func.func private @g(%x: memref<4xf32>, %y: memref<4xf32>) {
  %t = memref.alloc() : memref<4xf32>
  memref.copy %x, %t : memref<4xf32> to memref<4xf32>
  memref.copy %t, %y : memref<4xf32> to memref<4xf32>
  return
}
func.func private @f(%x: memref<4xf32>, %y: memref<4xf32>) {
  %h = func.constant @g : (memref<4xf32>, memref<4xf32>) -> ()
  func.call_indirect %h(%x, %y) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}
func.func @nested(%in: memref<4xf32>, %out: memref<4xf32>) {
  // expected-error @below {{a function value of @f hides the buffers of its calls from the liveness analysis; call it directly}}
  %f = func.constant @f : (memref<4xf32>, memref<4xf32>) -> ()
  func.call_indirect %f(%in, %out) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}

// -----

// An unknown operation may hide uses of symbols: assume buffers.
func.func private @h(%x: memref<4xf32>) {
  "foo.region"() ({
    "foo.yield"() : () -> ()
  }) : () -> ()
  return
}
func.func @hidden(%in: memref<4xf32>) {
  // expected-error @below {{a function value of @h hides the buffers of its calls from the liveness analysis; call it directly}}
  %f = func.constant @h : (memref<4xf32>) -> ()
  func.call_indirect %f(%in) : (memref<4xf32>) -> ()
  return
}

// -----

func.func private @square(%x: f32) -> f32 {
  %y = arith.mulf %x, %x : f32
  return %y : f32
}
func.func @scalar_value(%in: memref<4xf32>, %out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %f = func.constant @square : (f32) -> f32
  %x = memref.load %in[%c0] : memref<4xf32>
  %y = func.call_indirect %f(%x) : (f32) -> f32
  memref.store %y, %out[%c0] : memref<4xf32>
  return
}

// -----

// expected-error @below {{cannot choose the entry function: the module has 2 public functions with a body, none is @main, and none marks inputs or outputs; name it with the 'entry' option, the same in every pass}}
module {
  // expected-note @below {{public function @a}}
  func.func @a() {
    return
  }
  // expected-note @below {{public function @b}}
  func.func @b() {
    return
  }
}

// -----

// A function marking inputs but called by another is no entry, and the
// error says so rather than that no function marks any.
// expected-error @below {{cannot choose the entry function: the module has 2 public functions with a body, none is @main, and none marks inputs or outputs without being called; name it with the 'entry' option, the same in every pass}}
module {
  // expected-note @below {{public function @a}}
  func.func @a(%x: memref<4xf32>) {
    call @b(%x) : (memref<4xf32>) -> ()
    return
  }
  // expected-note @below {{public function @b}}
  // expected-note @below {{@b marks inputs or outputs but is called, so it is no entry}}
  func.func @b(%x: memref<4xf32> {usmp.io = #usmp.io<input "x", index = 0>}) {
    return
  }
}


// -----

// A linalg.generic runs its body once per element (any operation that does
// not say how its regions run may repeat them): a buffer read in the body
// stays live until the operation ends, past its last use in the body.
func.func @generic_body(%in: memref<4xf32>, %out: memref<4xf32>) {
  // expected-remark @below {{buffer 'generic_body.buf0' size 16 alignment 16 live [3, 14]}}
  %W = memref.alloc() : memref<4xf32>
  memref.copy %in, %W : memref<4xf32> to memref<4xf32>
  %c0 = arith.constant 0 : index
  linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%in : memref<4xf32>) outs(%out : memref<4xf32>) {
  ^bb0(%a: f32, %o: f32):
    %w = memref.load %W[%c0] : memref<4xf32>
    %r = arith.addf %w, %a : f32
    linalg.yield %r : f32
  }
  return
}

// -----

// Iterations that may run at the same time cannot share one slot: buffers
// allocated in them, directly or in a function they call, are not planned.
// A buffer used by all of them from outside is.
func.func private @helper(%x: memref<4xf32>) {
  // expected-remark @below {{buffer not planned: it is allocated in 'scf.parallel', whose body may run several times at once or beside other code, all sharing its one slot in a pool}}
  %t = memref.alloc() : memref<4xf32>
  memref.copy %x, %t : memref<4xf32> to memref<4xf32>
  memref.copy %t, %x : memref<4xf32> to memref<4xf32>
  return
}
func.func @parallel(%in: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  // expected-remark @below {{buffer 'parallel.buf0' size 16 alignment 16 live}}
  %shared = memref.alloc() : memref<4xf32>
  memref.copy %in, %shared : memref<4xf32> to memref<4xf32>
  scf.forall (%i) in (4) {
    // expected-remark @below {{buffer not planned: it is allocated in 'scf.forall', whose body may run several times at once or beside other code, all sharing its one slot in a pool}}
    %a = memref.alloc() : memref<4xf32>
    memref.copy %shared, %a : memref<4xf32> to memref<4xf32>
    scf.for %j = %c0 to %c4 step %c1 {
      // expected-remark @below {{buffer not planned: it is allocated in 'scf.forall', whose body may run several times at once or beside other code, all sharing its one slot in a pool}}
      %b = memref.alloc() : memref<4xf32>
      memref.copy %a, %b : memref<4xf32> to memref<4xf32>
    }
  }
  scf.parallel (%i) = (%c0) to (%c4) step (%c1) {
    func.call @helper(%in) : (memref<4xf32>) -> ()
    scf.reduce
  }
  affine.parallel (%i) = (0) to (4) {
    // expected-remark @below {{buffer not planned: it is allocated in 'affine.parallel', whose body may run several times at once or beside other code, all sharing its one slot in a pool}}
    %c = memref.alloc() : memref<4xf32>
    memref.copy %in, %c : memref<4xf32> to memref<4xf32>
  }
  return
}

// -----

// A buffer used in an async.execute stays in use until its await, after
// the operation ends: it is not planned.
func.func @detached(%in: memref<4xf32>, %out: memref<4xf32>) {
  // expected-remark @below {{buffer not planned: it is used in 'async.execute', whose body may still run after it ends}}
  %a = memref.alloc() : memref<4xf32>
  memref.copy %in, %a : memref<4xf32> to memref<4xf32>
  %t = async.execute {
    memref.copy %a, %out : memref<4xf32> to memref<4xf32>
    async.yield
  }
  // expected-remark @below {{buffer 'detached.buf1' size 16 alignment 16 live}}
  %b = memref.alloc() : memref<4xf32>
  memref.copy %in, %b : memref<4xf32> to memref<4xf32>
  memref.copy %b, %in : memref<4xf32> to memref<4xf32>
  async.await %t : !async.token
  return
}

// -----

// Elements, sizes and vectors read from a buffer are copies: it is planned.
func.func @elements(%in: memref<4xf32>) -> (vector<4xf32>, index, complex<f32>) {
  %c0 = arith.constant 0 : index
  // expected-remark @below {{buffer 'elements.buf0' size 16 alignment 16 live [5, 10]}}
  %a = memref.alloc() : memref<4xf32>
  memref.copy %in, %a : memref<4xf32> to memref<4xf32>
  %v = vector.load %a[%c0] : memref<4xf32>, vector<4xf32>
  %base, %offset, %size, %stride = memref.extract_strided_metadata %a : memref<4xf32> -> memref<f32>, index, index, index
  // expected-remark @below {{buffer 'elements.buf1' size 16 alignment 16 live [13, 14]}}
  %p = memref.alloc() : memref<2xcomplex<f32>>
  %c = memref.load %p[%c0] : memref<2xcomplex<f32>>
  return %v, %size, %c : vector<4xf32>, index, complex<f32>
}

// -----

// What a loop's iteration argument or a callee's parameter does, the buffer
// does: a use there escaping the planner leaves the buffer unplanned.
func.func private @ext(memref<4xf32>)
func.func private @mid(%p: memref<4xf32>) {
  func.call @ext(%p) : (memref<4xf32>) -> ()
  return
}
func.func @main(%in: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  // expected-remark @below {{buffer not planned: it is passed to @ext, which has no body in the module}}
  %a = memref.alloc() : memref<4xf32>
  %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%x = %a) -> (memref<4xf32>) {
    func.call @ext(%x) : (memref<4xf32>) -> ()
    scf.yield %x : memref<4xf32>
  }
  // The loop yielding it to itself keeps it where the walk goes: planned.
  // expected-remark @below {{buffer 'main.buf1' size 16 alignment 16 live}}
  %c = memref.alloc() : memref<4xf32>
  %s = scf.for %i = %c0 to %c4 step %c1 iter_args(%x = %c) -> (memref<4xf32>) {
    %v = memref.load %x[%c0] : memref<4xf32>
    memref.store %v, %x[%c1] : memref<4xf32>
    scf.yield %x : memref<4xf32>
  }
  // expected-remark @below {{buffer not planned: it is passed to @mid, where it is passed to @ext, which has no body in the module}}
  %b = memref.alloc() : memref<4xf32>
  func.call @mid(%b) : (memref<4xf32>) -> ()
  return
}

// -----

// scf.while passes the buffer on through scf.condition (to the body and
// the results) and scf.yield (to the next test): it stays where the walk
// goes, and is planned.
func.func @main(%in: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  // expected-remark @below {{buffer 'main.buf0' size 16 alignment 16 live}}
  %w = memref.alloc() : memref<4xf32>
  %r = scf.while (%x = %w) : (memref<4xf32>) -> memref<4xf32> {
    %v = memref.load %x[%c0] : memref<4xf32>
    %go = arith.cmpf ogt, %v, %v : f32
    scf.condition(%go) %x : memref<4xf32>
  } do {
  ^bb0(%y: memref<4xf32>):
    %v = memref.load %y[%c0] : memref<4xf32>
    memref.store %v, %y[%c0] : memref<4xf32>
    scf.yield %y : memref<4xf32>
  }
  return
}

// -----

// A name location names a buffer, unless it is empty or not UTF-8 (names go
// to the planner and the JSON report). Without a file location inside, the
// remarks are at no place in the file.
func.func @names() {
  // expected-remark @unknown {{buffer 'given' size 16 alignment 16 live [1, 1]}}
  %a = memref.alloc() : memref<4xf32> loc("given")
  // expected-remark @unknown {{buffer 'names.buf1' size 16 alignment 16 live [3, 3]}}
  %b = memref.alloc() : memref<4xf32> loc("")
  // expected-remark @unknown {{buffer 'names.buf2' size 16 alignment 16 live [5, 5]}}
  %c = memref.alloc() : memref<4xf32> loc("bad\FFname")
  return
}
