// RUN: usmp-opt %s -split-input-file --pass-pipeline='builtin.module(func.func(usmp-copy-yielded-buffers))' | FileCheck %s

// Each branch copies the buffer it yields into one allocated before the if;
// the other results stay results.
// CHECK-LABEL: func.func @both
// CHECK: %[[BUF:.*]] = memref.alloc() : memref<3xf32>
// CHECK: %[[N:.*]] = scf.if %{{.*}} -> (i32) {
// CHECK:   %[[T:.*]] = memref.alloc() : memref<3xf32>
// CHECK:   memref.copy %[[T]], %[[BUF]]
// CHECK:   scf.yield %{{.*}} : i32
// CHECK: } else {
// CHECK:   memref.copy %arg1, %[[BUF]]
// CHECK:   scf.yield %{{.*}} : i32
// CHECK: }
// CHECK: memref.copy %[[BUF]], %arg2
// CHECK: return %[[N]]
func.func @both(%c: i1, %a: memref<3xf32>, %out: memref<3xf32>) -> i32 {
  %r:2 = scf.if %c -> (memref<3xf32>, i32) {
    %t = memref.alloc() : memref<3xf32>
    memref.copy %a, %t : memref<3xf32> to memref<3xf32>
    %one = arith.constant 1 : i32
    scf.yield %t, %one : memref<3xf32>, i32
  } else {
    %two = arith.constant 2 : i32
    scf.yield %a, %two : memref<3xf32>, i32
  }
  memref.copy %r#0, %out : memref<3xf32> to memref<3xf32>
  return %r#1 : i32
}

// -----

// Nested: the inner if copies first, the outer branch then copies the
// inner buffer.
// CHECK-LABEL: func.func @nested
// CHECK: %[[OUTER:.*]] = memref.alloc() : memref<2xi8>
// CHECK: scf.if %arg0 {
// CHECK:   %[[INNER:.*]] = memref.alloc() : memref<2xi8>
// CHECK:   scf.if %arg1 {
// CHECK:     memref.copy %arg2, %[[INNER]]
// CHECK:   } else {
// CHECK:     memref.copy %arg3, %[[INNER]]
// CHECK:   }
// CHECK:   memref.copy %[[INNER]], %[[OUTER]]
// CHECK: } else {
// CHECK:   memref.copy %arg3, %[[OUTER]]
// CHECK: }
func.func @nested(%c: i1, %d: i1, %a: memref<2xi8>, %b: memref<2xi8>, %out: memref<2xi8>) {
  %r = scf.if %c -> (memref<2xi8>) {
    %s = scf.if %d -> (memref<2xi8>) {
      scf.yield %a : memref<2xi8>
    } else {
      scf.yield %b : memref<2xi8>
    }
    scf.yield %s : memref<2xi8>
  } else {
    scf.yield %b : memref<2xi8>
  }
  memref.copy %r, %out : memref<2xi8> to memref<2xi8>
  return
}

// -----

// A strided result (bufferization gives an if whose branches yield new
// buffers a fully dynamic layout) is a new allocation cast to its type.
// CHECK-LABEL: func.func @strided
// CHECK: %[[A:.*]] = memref.alloc() : memref<2xf32>
// CHECK: %[[S:.*]] = memref.cast %[[A]] : memref<2xf32> to memref<2xf32, strided<[?], offset: ?>>
// CHECK: scf.if %arg0 {
// CHECK:   memref.copy %{{.*}}, %[[S]]
// CHECK: } else {
// CHECK:   memref.copy %{{.*}}, %[[S]]
// CHECK: }
// CHECK: memref.copy %[[S]], %arg2
func.func @strided(%c: i1, %a: memref<2xf32>, %out: memref<2xf32, strided<[?], offset: ?>>) {
  %r = scf.if %c -> (memref<2xf32, strided<[?], offset: ?>>) {
    %t = memref.alloc() : memref<2xf32>
    memref.copy %a, %t : memref<2xf32> to memref<2xf32>
    %s = memref.cast %t : memref<2xf32> to memref<2xf32, strided<[?], offset: ?>>
    scf.yield %s : memref<2xf32, strided<[?], offset: ?>>
  } else {
    %s = memref.cast %a : memref<2xf32> to memref<2xf32, strided<[?], offset: ?>>
    scf.yield %s : memref<2xf32, strided<[?], offset: ?>>
  }
  memref.copy %r, %out : memref<2xf32, strided<[?], offset: ?>> to memref<2xf32, strided<[?], offset: ?>>
  return
}

// -----

// Views at one static offset give the result that layout, which no cast of
// an allocation has: the allocation itself replaces it where every user
// takes any layout, and the if is left as it is where one does not.
// CHECK-LABEL: func.func @static_offset
// CHECK: %[[A:.*]] = memref.alloc() : memref<4xf32>
// CHECK-NOT: memref.cast
// CHECK: scf.if %arg0 {
// CHECK:   memref.copy %{{.*}}, %[[A]] : memref<4xf32, strided<[1], offset: 4>> to memref<4xf32>
// CHECK: } else {
// CHECK:   memref.copy %{{.*}}, %[[A]] : memref<4xf32, strided<[1], offset: 4>> to memref<4xf32>
// CHECK: }
// CHECK: linalg.exp ins(%[[A]] : memref<4xf32>) outs(%arg3 : memref<4xf32>)
// CHECK: memref.copy %[[A]], %arg3
// CHECK-LABEL: func.func @static_offset_call
// CHECK: %[[R:.*]] = scf.if %arg0 -> (memref<4xf32, strided<[1], offset: 4>>)
// CHECK: call @take(%[[R]])
func.func @static_offset(%c: i1, %a: memref<8xf32>, %b: memref<8xf32>, %out: memref<4xf32>) {
  %x = memref.subview %a[4] [4] [1] : memref<8xf32> to memref<4xf32, strided<[1], offset: 4>>
  %y = memref.subview %b[4] [4] [1] : memref<8xf32> to memref<4xf32, strided<[1], offset: 4>>
  %r = scf.if %c -> memref<4xf32, strided<[1], offset: 4>> {
    scf.yield %x : memref<4xf32, strided<[1], offset: 4>>
  } else {
    scf.yield %y : memref<4xf32, strided<[1], offset: 4>>
  }
  linalg.exp ins(%r : memref<4xf32, strided<[1], offset: 4>>) outs(%out : memref<4xf32>)
  memref.copy %r, %out : memref<4xf32, strided<[1], offset: 4>> to memref<4xf32>
  return
}
func.func private @take(memref<4xf32, strided<[1], offset: 4>>)
func.func @static_offset_call(%c: i1, %a: memref<8xf32>, %b: memref<8xf32>) {
  %x = memref.subview %a[4] [4] [1] : memref<8xf32> to memref<4xf32, strided<[1], offset: 4>>
  %y = memref.subview %b[4] [4] [1] : memref<8xf32> to memref<4xf32, strided<[1], offset: 4>>
  %r = scf.if %c -> memref<4xf32, strided<[1], offset: 4>> {
    scf.yield %x : memref<4xf32, strided<[1], offset: 4>>
  } else {
    scf.yield %y : memref<4xf32, strided<[1], offset: 4>>
  }
  func.call @take(%r) : (memref<4xf32, strided<[1], offset: 4>>) -> ()
  return
}

// -----

// Nested, the inner result is yielded by an if that copies what it yields:
// it takes any layout too.
// CHECK-LABEL: func.func @nested_static_offset
// CHECK: %[[OUTER:.*]] = memref.alloc() : memref<4xf32>
// CHECK: scf.if %arg0 {
// CHECK:   %[[INNER:.*]] = memref.alloc() : memref<4xf32>
// CHECK:   scf.if %arg1 {
// CHECK:   memref.copy %[[INNER]], %[[OUTER]] : memref<4xf32> to memref<4xf32>
// CHECK: linalg.exp ins(%[[OUTER]] : memref<4xf32>)
func.func @nested_static_offset(%c: i1, %d: i1, %a: memref<8xf32>, %b: memref<8xf32>, %out: memref<4xf32>) {
  %x = memref.subview %a[4] [4] [1] : memref<8xf32> to memref<4xf32, strided<[1], offset: 4>>
  %y = memref.subview %b[4] [4] [1] : memref<8xf32> to memref<4xf32, strided<[1], offset: 4>>
  %r = scf.if %c -> memref<4xf32, strided<[1], offset: 4>> {
    %s = scf.if %d -> memref<4xf32, strided<[1], offset: 4>> {
      scf.yield %x : memref<4xf32, strided<[1], offset: 4>>
    } else {
      scf.yield %y : memref<4xf32, strided<[1], offset: 4>>
    }
    scf.yield %s : memref<4xf32, strided<[1], offset: 4>>
  } else {
    scf.yield %y : memref<4xf32, strided<[1], offset: 4>>
  }
  linalg.exp ins(%r : memref<4xf32, strided<[1], offset: 4>>) outs(%out : memref<4xf32>)
  return
}

// -----

// A result of dynamic shape cannot be a new allocation, and may view
// another result: the whole if is left as it is.
// CHECK-LABEL: func.func @dynamic
// CHECK: scf.if %{{.*}} -> (memref<4xf32>, memref<?xf32, strided<[1], offset: ?>>)
func.func @dynamic(%c: i1, %a: memref<4xf32>, %i: index, %n: index, %out: memref<?xf32, strided<[1], offset: ?>>) {
  %r:2 = scf.if %c -> (memref<4xf32>, memref<?xf32, strided<[1], offset: ?>>) {
    %s = memref.subview %a[%i] [%n] [1] : memref<4xf32> to memref<?xf32, strided<[1], offset: ?>>
    scf.yield %a, %s : memref<4xf32>, memref<?xf32, strided<[1], offset: ?>>
  } else {
    %s = memref.subview %a[%n] [%n] [1] : memref<4xf32> to memref<?xf32, strided<[1], offset: ?>>
    scf.yield %a, %s : memref<4xf32>, memref<?xf32, strided<[1], offset: ?>>
  }
  memref.copy %r#1, %out : memref<?xf32, strided<[1], offset: ?>> to memref<?xf32, strided<[1], offset: ?>>
  return
}

// -----

// A carried buffer: the initial value and each yield copy into %[[C]],
// which the condition reads; what the condition forwards it copies into
// %[[F]], which the body reads and which is the result. The i32 stays.
// CHECK-LABEL: func.func @loop
// CHECK: %[[C:.*]] = memref.alloc() : memref<2xf32>
// CHECK: memref.copy %arg0, %[[C]]
// CHECK: %[[F:.*]] = memref.alloc() : memref<2xf32>
// CHECK: %[[N:.*]] = scf.while (%[[I:.*]] = %{{.*}}) : (i32) -> i32 {
// CHECK:   %[[X:.*]] = memref.load %[[C]]
// CHECK:   memref.copy %[[C]], %[[F]]
// CHECK:   scf.condition(%{{.*}}) %[[I]] : i32
// CHECK: } do {
// CHECK: ^bb0(%[[J:.*]]: i32):
// CHECK:   %[[T:.*]] = memref.alloc() : memref<2xf32>
// CHECK:   memref.copy %[[F]], %[[T]]
// CHECK:   memref.copy %[[T]], %[[C]]
// CHECK:   scf.yield %{{.*}} : i32
// CHECK: }
// CHECK: memref.copy %[[F]], %arg1
// CHECK: return %[[N]]
func.func @loop(%init: memref<2xf32>, %out: memref<2xf32>) -> i32 {
  %zero = arith.constant 0 : i32
  %c0 = arith.constant 0 : index
  %r:2 = scf.while (%i = %zero, %b = %init) : (i32, memref<2xf32>) -> (i32, memref<2xf32>) {
    %x = memref.load %b[%c0] : memref<2xf32>
    %limit = arith.constant 1.0 : f32
    %more = arith.cmpf olt, %x, %limit : f32
    scf.condition(%more) %i, %b : i32, memref<2xf32>
  } do {
  ^bb0(%j: i32, %v: memref<2xf32>):
    %t = memref.alloc() : memref<2xf32>
    memref.copy %v, %t : memref<2xf32> to memref<2xf32>
    %one = arith.constant 1 : i32
    %k = arith.addi %j, %one : i32
    scf.yield %k, %t : i32, memref<2xf32>
  }
  memref.copy %r#1, %out : memref<2xf32> to memref<2xf32>
  return %r#0 : i32
}

// -----

// Buffers an scf.for carries: the initial values copy into %[[A]] and
// %[[B]], which the body reads and which are the results. The first yield
// is a buffer the iteration allocated, copied straight in; the second is
// the first carried buffer, which that copy overwrites, so it is copied
// aside first. The third yields its buffer unchanged, so every iteration
// writes the initial one, in place: no buffer, no copy. The i32 stays.
// CHECK-LABEL: func.func @for
// CHECK: %[[A:.*]] = memref.alloc() : memref<2xf32>
// CHECK: %[[B:.*]] = memref.alloc() : memref<2xf32>
// CHECK-NOT: memref.alloc
// CHECK: memref.copy %arg0, %[[A]]
// CHECK: memref.copy %arg1, %[[B]]
// CHECK-NOT: memref.copy
// CHECK: %[[N:.*]] = scf.for %{{.*}} = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[I:.*]] = %{{.*}}) -> (i32) {
// CHECK:   %[[T:.*]] = memref.alloc() : memref<2xf32>
// CHECK:   memref.copy %[[B]], %[[T]]
// CHECK:   linalg.fill ins(%{{.*}} : f32) outs(%arg2 : memref<2xf32>)
// CHECK:   %[[ASIDE:.*]] = memref.alloc() : memref<2xf32>
// CHECK:   memref.copy %[[A]], %[[ASIDE]]
// CHECK:   memref.copy %[[T]], %[[A]]
// CHECK:   memref.copy %[[ASIDE]], %[[B]]
// CHECK-NOT: memref.copy
// CHECK:   scf.yield %{{.*}} : i32
// CHECK: }
// CHECK: memref.copy %[[A]], %arg3
// CHECK: memref.copy %[[B]], %arg4
// CHECK: memref.copy %arg2, %arg5
// CHECK: return %[[N]]
func.func @for(%x: memref<2xf32>, %y: memref<2xf32>, %z: memref<2xf32>, %ox: memref<2xf32>, %oy: memref<2xf32>, %oz: memref<2xf32>) -> i32 {
  %zero = arith.constant 0 : i32
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %r:4 = scf.for %k = %c0 to %c3 step %c1 iter_args(%i = %zero, %a = %x, %b = %y, %c = %z) -> (i32, memref<2xf32>, memref<2xf32>, memref<2xf32>) {
    %t = memref.alloc() : memref<2xf32>
    memref.copy %b, %t : memref<2xf32> to memref<2xf32>
    %f = arith.constant 1.0 : f32
    linalg.fill ins(%f : f32) outs(%c : memref<2xf32>)
    %one = arith.constant 1 : i32
    %j = arith.addi %i, %one : i32
    scf.yield %j, %t, %a, %c : i32, memref<2xf32>, memref<2xf32>, memref<2xf32>
  }
  memref.copy %r#1, %ox : memref<2xf32> to memref<2xf32>
  memref.copy %r#2, %oy : memref<2xf32> to memref<2xf32>
  memref.copy %r#3, %oz : memref<2xf32> to memref<2xf32>
  return %r#0 : i32
}

// -----

// A buffer yielded unchanged needs no allocation, so its layout (a view at
// a static offset, which no cast of an allocation gives) does not keep the
// loop's other buffer from being copied.
// CHECK-LABEL: func.func @unchanged_view
// CHECK: %[[S:.*]] = memref.subview %arg0[4] [4] [1]
// CHECK: %[[B:.*]] = memref.alloc() : memref<4xf32>
// CHECK: memref.copy %arg1, %[[B]]
// CHECK: scf.for %{{.*}} = %{{.*}} to %{{.*}} step %{{.*}} {
// CHECK:   memref.store %{{.*}}, %[[S]][%{{.*}}]
// CHECK:   %[[T:.*]] = memref.alloc() : memref<4xf32>
// CHECK:   memref.copy %[[B]], %[[T]]
// CHECK:   memref.copy %[[T]], %[[B]]
// CHECK: }
// CHECK: memref.copy %[[B]], %arg2
func.func @unchanged_view(%v: memref<8xf32>, %y: memref<4xf32>, %o: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %h = arith.constant 100.0 : f32
  %s = memref.subview %v[4] [4] [1] : memref<8xf32> to memref<4xf32, strided<[1], offset: 4>>
  %r:2 = scf.for %i = %c0 to %c2 step %c1 iter_args(%a = %s, %b = %y) -> (memref<4xf32, strided<[1], offset: 4>>, memref<4xf32>) {
    memref.store %h, %a[%i] : memref<4xf32, strided<[1], offset: 4>>
    %t = memref.alloc() : memref<4xf32>
    memref.copy %b, %t : memref<4xf32> to memref<4xf32>
    scf.yield %a, %t : memref<4xf32, strided<[1], offset: 4>>, memref<4xf32>
  }
  memref.copy %r#1, %o : memref<4xf32> to memref<4xf32>
  return
}
