// RUN: usmp-opt %s -split-input-file --usmp-copy-reshaped-arguments -verify-diagnostics | FileCheck %s

// A callee that only reads its parameter gets a copy, and nothing is copied
// back.
// CHECK-LABEL: func.func @reads
// CHECK: %[[R:.*]] = memref.collapse_shape %arg0
// CHECK: %[[C:.*]] = memref.alloc() : memref<6xf32>
// CHECK: memref.copy %[[R]], %[[C]]
// CHECK: call @sum(%[[C]], %arg1)
// CHECK-NOT: memref.copy
// CHECK: return
func.func private @sum(%p: memref<6xf32>, %out: memref<f32>) {
  linalg.reduce ins(%p : memref<6xf32>) outs(%out : memref<f32>) dimensions = [0]
    (%in: f32, %init: f32) {
      %0 = arith.addf %in, %init : f32
      linalg.yield %0 : f32
    }
  return
}
func.func @reads(%a: memref<2x3xf32>, %out: memref<f32>) {
  %r = memref.collapse_shape %a [[0, 1]] : memref<2x3xf32> into memref<6xf32>
  func.call @sum(%r, %out) : (memref<6xf32>, memref<f32>) -> ()
  return
}

// -----

// A callee writing its parameter, through a view or through another
// function, and a function without a body: the copy goes back after the
// call.
// CHECK-LABEL: func.func @writes
// CHECK: %[[R:.*]] = memref.expand_shape %arg0
// CHECK: %[[C1:.*]] = memref.alloc() : memref<2x3xf32>
// CHECK: memref.copy %[[R]], %[[C1]]
// CHECK: call @fill(%[[C1]])
// CHECK: memref.copy %[[C1]], %[[R]]
// CHECK: %[[C2:.*]] = memref.alloc() : memref<2x3xf32>
// CHECK: call @forward(%[[C2]])
// CHECK: memref.copy %[[C2]], %[[R]]
// CHECK: %[[C3:.*]] = memref.alloc() : memref<2x3xf32>
// CHECK: call @external(%[[C3]])
// CHECK: memref.copy %[[C3]], %[[R]]
func.func private @fill(%p: memref<2x3xf32>) {
  %zero = arith.constant 0.0 : f32
  %row = memref.subview %p[0, 0] [1, 3] [1, 1] : memref<2x3xf32> to memref<3xf32, strided<[1]>>
  linalg.fill ins(%zero : f32) outs(%row : memref<3xf32, strided<[1]>>)
  return
}
func.func private @forward(%p: memref<2x3xf32>) {
  func.call @fill(%p) : (memref<2x3xf32>) -> ()
  return
}
func.func private @external(%p: memref<2x3xf32>)
func.func @writes(%a: memref<6xf32>) {
  %r = memref.expand_shape %a [[0, 1]] output_shape [2, 3] : memref<6xf32> into memref<2x3xf32>
  func.call @fill(%r) : (memref<2x3xf32>) -> ()
  func.call @forward(%r) : (memref<2x3xf32>) -> ()
  func.call @external(%r) : (memref<2x3xf32>) -> ()
  return
}

// -----

// A recursive callee is assumed to write; a reshape whose layout is not the
// identity is left alone.
// CHECK-LABEL: func.func @others
// CHECK: call @again(%[[C:.*]], %{{.*}})
// CHECK-NEXT: memref.copy %[[C]]
// CHECK: call @strided(%[[S:.*]]) :
// CHECK-NOT: memref.copy
func.func private @again(%p: memref<6xf32>, %n: i32) {
  %zero = arith.constant 0 : i32
  %more = arith.cmpi sgt, %n, %zero : i32
  scf.if %more {
    %one = arith.constant 1 : i32
    %m = arith.subi %n, %one : i32
    func.call @again(%p, %m) : (memref<6xf32>, i32) -> ()
  }
  return
}
func.func private @strided(%p: memref<3xf32, strided<[2]>>) {
  return
}
func.func @others(%a: memref<2x3xf32>, %b: memref<3x2xf32>, %n: i32) {
  %r = memref.collapse_shape %a [[0, 1]] : memref<2x3xf32> into memref<6xf32>
  func.call @again(%r, %n) : (memref<6xf32>, i32) -> ()
  %column = memref.subview %b[0, 0] [3, 1] [1, 1] : memref<3x2xf32> to memref<3x1xf32, strided<[2, 1]>>
  %s = memref.collapse_shape %column [[0, 1]] : memref<3x1xf32, strided<[2, 1]>> into memref<3xf32, strided<[2]>>
  func.call @strided(%s) : (memref<3xf32, strided<[2]>>) -> ()
  return
}

// -----

// A write through a buffer the callee derives otherwise than by a view (a
// select) counts; a value passed twice gets one copy; nothing is copied
// back into a constant global.
// CHECK-LABEL: func.func @derived
// CHECK: %[[R:.*]] = memref.expand_shape %arg0
// CHECK: %[[C:.*]] = memref.alloc() : memref<2x3xf32>
// CHECK: call @pick(%[[C]], %[[C]], %arg1)
// CHECK-NEXT: memref.copy %[[C]], %[[R]]
// CHECK: %[[K:.*]] = memref.alloc() : memref<2x3xf32>
// CHECK: call @external(%[[K]])
// CHECK-NOT: memref.copy
// CHECK: return
memref.global "private" constant @weights : memref<6xf32> = dense<1.0>
func.func private @pick(%p: memref<2x3xf32>, %q: memref<2x3xf32>, %c: i1) {
  %s = arith.select %c, %p, %q : memref<2x3xf32>
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%s : memref<2x3xf32>)
  return
}
func.func private @external(%p: memref<2x3xf32>)
func.func @derived(%a: memref<6xf32>, %c: i1) {
  %r = memref.expand_shape %a [[0, 1]] output_shape [2, 3] : memref<6xf32> into memref<2x3xf32>
  func.call @pick(%r, %r, %c) : (memref<2x3xf32>, memref<2x3xf32>, i1) -> ()
  %w = memref.get_global @weights : memref<6xf32>
  %k = memref.expand_shape %w [[0, 1]] output_shape [2, 3] : memref<6xf32> into memref<2x3xf32>
  func.call @external(%k) : (memref<2x3xf32>) -> ()
  return
}

// -----

// Two reshapes of one buffer passed with the buffer itself to a callee that
// only reads them: each reshape gets a copy of its own, nothing is copied
// back.
// CHECK-LABEL: func.func @shared
// CHECK: %[[R:.*]] = memref.expand_shape %arg0
// CHECK: %[[Q:.*]] = memref.expand_shape %arg0
// CHECK: %[[C1:.*]] = memref.alloc() : memref<2x3xf32>
// CHECK: memref.copy %[[R]], %[[C1]]
// CHECK: %[[C2:.*]] = memref.alloc() : memref<3x2xf32>
// CHECK: memref.copy %[[Q]], %[[C2]]
// CHECK: call @corners(%[[C1]], %[[C2]], %arg0, %arg1)
// CHECK-NOT: memref.copy
// CHECK: return
func.func private @corners(%p: memref<2x3xf32>, %q: memref<3x2xf32>, %a: memref<6xf32>, %out: memref<f32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %x = memref.load %p[%c1, %c0] : memref<2x3xf32>
  %y = memref.load %q[%c0, %c1] : memref<3x2xf32>
  %z = memref.load %a[%c0] : memref<6xf32>
  %s = arith.addf %x, %y : f32
  %t = arith.addf %s, %z : f32
  memref.store %t, %out[] : memref<f32>
  return
}
func.func @shared(%a: memref<6xf32>, %out: memref<f32>) {
  %r = memref.expand_shape %a [[0, 1]] output_shape [2, 3] : memref<6xf32> into memref<2x3xf32>
  %q = memref.expand_shape %a [[0, 1]] output_shape [3, 2] : memref<6xf32> into memref<3x2xf32>
  func.call @corners(%r, %q, %a, %out) : (memref<2x3xf32>, memref<3x2xf32>, memref<6xf32>, memref<f32>) -> ()
  return
}

// -----

func.func private @both(%p: memref<2x3xf32>, %q: memref<6xf32>)
func.func @aliased(%a: memref<6xf32>) {
  %r = memref.expand_shape %a [[0, 1]] output_shape [2, 3] : memref<6xf32> into memref<2x3xf32>
  // expected-error @+1 {{cannot give operand 0 of this call a copy of its reshaped buffer: operand 1 views the same buffer, and the callee may write through one of them}}
  func.call @both(%r, %a) : (memref<2x3xf32>, memref<6xf32>) -> ()
  return
}

// -----

// The callee writes only the other view: a copy would read stale data.
func.func private @clear(%p: memref<2x3xf32>, %q: memref<6xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%q : memref<6xf32>)
  return
}
func.func @written(%a: memref<6xf32>) {
  %r = memref.expand_shape %a [[0, 1]] output_shape [2, 3] : memref<6xf32> into memref<2x3xf32>
  // expected-error @+1 {{operand 1 views the same buffer, and the callee may write through one of them}}
  func.call @clear(%r, %a) : (memref<2x3xf32>, memref<6xf32>) -> ()
  return
}

// -----

// A mutable global passed reshaped to a callee that does not take the
// global itself: a copy like any buffer's.
// CHECK-LABEL: func.func @stateful
// CHECK: %[[R:.*]] = memref.expand_shape %{{.*}}
// CHECK: %[[C:.*]] = memref.alloc() : memref<2x3xf32>
// CHECK: memref.copy %[[R]], %[[C]]
// CHECK: call @fill(%[[C]])
// CHECK: memref.copy %[[C]], %[[R]]
memref.global "private" @state : memref<6xf32> = dense<0.0>
func.func private @fill(%p: memref<2x3xf32>) {
  %zero = arith.constant 1.0 : f32
  linalg.fill ins(%zero : f32) outs(%p : memref<2x3xf32>)
  return
}
func.func @stateful() {
  %g = memref.get_global @state : memref<6xf32>
  %r = memref.expand_shape %g [[0, 1]] output_shape [2, 3] : memref<6xf32> into memref<2x3xf32>
  func.call @fill(%r) : (memref<2x3xf32>) -> ()
  return
}

// -----

// One that does, through another function: it would write the global
// behind the copy's back (and the copy going back would undo that).
memref.global "private" @counter : memref<6xf32> = dense<0.0>
func.func private @bump() {
  %c0 = arith.constant 0 : index
  %one = arith.constant 1.0 : f32
  %g = memref.get_global @counter : memref<6xf32>
  memref.store %one, %g[%c0] : memref<6xf32>
  return
}
func.func private @reads(%p: memref<2x3xf32>, %out: memref<f32>) {
  func.call @bump() : () -> ()
  %c0 = arith.constant 0 : index
  %x = memref.load %p[%c0, %c0] : memref<2x3xf32>
  memref.store %x, %out[] : memref<f32>
  return
}
func.func @counted(%out: memref<f32>) {
  %g = memref.get_global @counter : memref<6xf32>
  %r = memref.expand_shape %g [[0, 1]] output_shape [2, 3] : memref<6xf32> into memref<2x3xf32>
  // expected-error @+1 {{cannot give operand 0 of this call a copy of its reshaped buffer: it views the global @counter, which the callee also takes itself}}
  func.call @reads(%r, %out) : (memref<2x3xf32>, memref<f32>) -> ()
  return
}

// -----

// A call in a nested module names that module's function: the inner @f
// writes its parameter (the outer one, with other parameters, does not),
// so the copy goes back.
// CHECK-LABEL: module @inner
// CHECK: func.func @g
// CHECK: %[[R:.*]] = memref.collapse_shape %arg0
// CHECK: %[[C:.*]] = memref.alloc() : memref<4xf32>
// CHECK: call @f(%{{.*}}, %[[C]])
// CHECK: memref.copy %[[C]], %[[R]]
func.func private @f(%x: memref<4xf32>) {
  return
}
module @inner {
  func.func private @f(%a: f32, %b: memref<4xf32>) {
    linalg.fill ins(%a : f32) outs(%b : memref<4xf32>)
    return
  }
  func.func @g(%in: memref<2x2xf32>, %a: f32) {
    %c = memref.collapse_shape %in [[0, 1]] : memref<2x2xf32> into memref<4xf32>
    call @f(%a, %c) : (f32, memref<4xf32>) -> ()
    return
  }
}
