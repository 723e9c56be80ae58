// RUN: usmp-opt %s -split-input-file -usmp-forward-global-copies | FileCheck %s

#map = affine_map<(d0) -> (d0)>

// Reads of the copy end before the global is written: they read the global,
// through a view too.
// CHECK-LABEL: func.func @forwarded
// CHECK: %[[G:.*]] = memref.get_global @state
// CHECK-NOT: memref.alloc
// CHECK-NOT: memref.copy %[[G]]
// CHECK: %[[V:.*]] = memref.subview %[[G]][0] [2] [1]
// CHECK: linalg.generic {{.*}} ins(%[[G]] : memref<4xf32>) outs(%arg1
// CHECK: memref.copy %[[V]], %arg2
// CHECK: memref.copy %arg0, %{{.*}} : memref<4xf32> to memref<4xf32>
memref.global "private" @state : memref<4xf32> = dense<1.0>
func.func @forwarded(%in: memref<4xf32>, %out: memref<4xf32>, %half: memref<2xf32, strided<[1]>>) {
  %g = memref.get_global @state : memref<4xf32>
  %s = memref.alloc() : memref<4xf32>
  memref.copy %g, %s : memref<4xf32> to memref<4xf32>
  %v = memref.subview %s[0] [2] [1] : memref<4xf32> to memref<2xf32, strided<[1]>>
  linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%s : memref<4xf32>) outs(%out : memref<4xf32>) {
  ^bb0(%a: f32, %b: f32):
    %n = arith.negf %a : f32
    linalg.yield %n : f32
  }
  memref.copy %v, %half : memref<2xf32, strided<[1]>> to memref<2xf32, strided<[1]>>
  %g2 = memref.get_global @state : memref<4xf32>
  memref.copy %in, %g2 : memref<4xf32> to memref<4xf32>
  return
}

// -----

// The global is written before the copy's last read: kept.
// CHECK-LABEL: func.func @read_after_write
// CHECK: %[[S:.*]] = memref.alloc() : memref<4xf32>
// CHECK: memref.copy %{{.*}}, %[[S]]
// CHECK: memref.copy %arg0, %{{.*}}
// CHECK: memref.copy %[[S]], %arg1
memref.global "private" @state : memref<4xf32> = dense<1.0>
func.func @read_after_write(%in: memref<4xf32>, %out: memref<4xf32>) {
  %g = memref.get_global @state : memref<4xf32>
  %s = memref.alloc() : memref<4xf32>
  memref.copy %g, %s : memref<4xf32> to memref<4xf32>
  memref.copy %in, %g : memref<4xf32> to memref<4xf32>
  memref.copy %s, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// A write nested in a loop that also reads the copy: kept.
// CHECK-LABEL: func.func @loop
// CHECK: memref.alloc
memref.global "private" @state : memref<4xf32> = dense<1.0>
func.func @loop(%in: memref<4xf32>, %out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %g = memref.get_global @state : memref<4xf32>
  %s = memref.alloc() : memref<4xf32>
  memref.copy %g, %s : memref<4xf32> to memref<4xf32>
  scf.for %i = %c0 to %c4 step %c1 {
    %x = memref.load %s[%i] : memref<4xf32>
    memref.store %x, %out[%i] : memref<4xf32>
    %y = memref.load %in[%i] : memref<4xf32>
    memref.store %y, %g[%i] : memref<4xf32>
  }
  return
}

// -----

// The copy is written, passed to a call, or a call (whose effects are not
// known) comes before its last read: kept.
// CHECK-LABEL: func.func @written
// CHECK: memref.alloc
// CHECK-LABEL: func.func @passed
// CHECK: memref.alloc
// CHECK-LABEL: func.func @call_between
// CHECK: memref.alloc
memref.global "private" @state : memref<4xf32> = dense<1.0>
func.func private @op(memref<4xf32>)
func.func private @other()
func.func @written(%out: memref<4xf32>) {
  %g = memref.get_global @state : memref<4xf32>
  %s = memref.alloc() : memref<4xf32>
  memref.copy %g, %s : memref<4xf32> to memref<4xf32>
  %c0 = arith.constant 0 : index
  %z = arith.constant 0.0 : f32
  memref.store %z, %s[%c0] : memref<4xf32>
  memref.copy %s, %out : memref<4xf32> to memref<4xf32>
  return
}
func.func @passed() {
  %g = memref.get_global @state : memref<4xf32>
  %s = memref.alloc() : memref<4xf32>
  memref.copy %g, %s : memref<4xf32> to memref<4xf32>
  func.call @op(%s) : (memref<4xf32>) -> ()
  return
}
func.func @call_between(%out: memref<4xf32>) {
  %g = memref.get_global @state : memref<4xf32>
  %s = memref.alloc() : memref<4xf32>
  memref.copy %g, %s : memref<4xf32> to memref<4xf32>
  func.call @other() : () -> ()
  memref.copy %s, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// The global's own buffer is passed to a call elsewhere, so it may be
// written under another name: every copy of it is kept.
// CHECK-LABEL: func.func @handed_on
// CHECK: memref.alloc
memref.global "private" @state : memref<4xf32> = dense<1.0>
func.func private @op(memref<4xf32>)
func.func @handed_on(%out: memref<4xf32>) {
  %g = memref.get_global @state : memref<4xf32>
  %s = memref.alloc() : memref<4xf32>
  memref.copy %g, %s : memref<4xf32> to memref<4xf32>
  memref.copy %s, %out : memref<4xf32> to memref<4xf32>
  return
}
func.func @elsewhere() {
  %g = memref.get_global @state : memref<4xf32>
  func.call @op(%g) : (memref<4xf32>) -> ()
  return
}

// -----

// A copy of a constant read alone reads the constant; one of another type
// (here a layout) is kept.
// CHECK-LABEL: func.func @constant
// CHECK: %[[G:.*]] = memref.get_global @weights
// CHECK-NEXT: memref.copy %[[G]], %arg0
// CHECK-NEXT: %[[S:.*]] = memref.alloc() : memref<4xf32, strided<[1]>>
// CHECK-NEXT: memref.copy %[[G]], %[[S]]
memref.global "private" constant @weights : memref<4xf32> = dense<2.0>
func.func @constant(%out: memref<4xf32>, %out2: memref<4xf32, strided<[1]>>) {
  %g = memref.get_global @weights : memref<4xf32>
  %s = memref.alloc() : memref<4xf32>
  memref.copy %g, %s : memref<4xf32> to memref<4xf32>
  memref.copy %s, %out : memref<4xf32> to memref<4xf32>
  %t = memref.alloc() : memref<4xf32, strided<[1]>>
  memref.copy %g, %t : memref<4xf32> to memref<4xf32, strided<[1]>>
  memref.copy %t, %out2 : memref<4xf32, strided<[1]>> to memref<4xf32, strided<[1]>>
  return
}

// -----

// A copy nothing reads is dropped.
// CHECK-LABEL: func.func @unread
// CHECK-NEXT: memref.get_global
// CHECK-NEXT: return
memref.global "private" @state : memref<4xf32> = dense<1.0>
func.func @unread() {
  %g = memref.get_global @state : memref<4xf32>
  %s = memref.alloc() : memref<4xf32>
  memref.copy %g, %s : memref<4xf32> to memref<4xf32>
  return
}

// -----

// A tensor of the copy (before bufferization) may be read after the write,
// where this pass does not follow it: kept.
// CHECK-LABEL: func.func @tensor
// CHECK: memref.alloc
memref.global "private" @state : memref<4xf32> = dense<1.0>
func.func @tensor(%in: memref<4xf32>) -> tensor<4xf32> {
  %g = memref.get_global @state : memref<4xf32>
  %s = memref.alloc() : memref<4xf32>
  memref.copy %g, %s : memref<4xf32> to memref<4xf32>
  %t = bufferization.to_tensor %s restrict writable : memref<4xf32> to tensor<4xf32>
  memref.copy %in, %g : memref<4xf32> to memref<4xf32>
  return %t : tensor<4xf32>
}

// -----

// The global's buffer stored as a value may be written through what a load
// gives back: every copy of it is kept.
// CHECK-LABEL: func.func @stored
// CHECK: memref.alloc() : memref<4xf32>
memref.global "private" @state : memref<4xf32> = dense<1.0>
func.func @stored(%box: memref<memref<4xf32>>, %out: memref<4xf32>) {
  %g = memref.get_global @state : memref<4xf32>
  memref.store %g, %box[] : memref<memref<4xf32>>
  %s = memref.alloc() : memref<4xf32>
  memref.copy %g, %s : memref<4xf32> to memref<4xf32>
  %b = memref.load %box[] : memref<memref<4xf32>>
  %z = arith.constant 0.0 : f32
  linalg.fill ins(%z : f32) outs(%b : memref<4xf32>)
  memref.copy %s, %out : memref<4xf32> to memref<4xf32>
  return
}
