// RUN: usmp-opt %s -split-input-file -usmp-assign-pools | FileCheck %s
// RUN: usmp-opt %s -split-input-file -usmp-assign-pools='pools=dtcm:size_hint=1000:alignment=8:targets=c.rw+npu.ro,flash:kind=constant:internal' | FileCheck %s --check-prefix=OPTS

// U1: without pools, one default workspace pool takes every buffer. Dynamic
// shapes are left alone, and buffers of called operator functions get pools.
// CHECK-LABEL: module
// The default pool is the generated code's (TVM's U1).
// CHECK: usmp.pool workspace @global_workspace alignment(16) internal
// CHECK: func.func private @op
// CHECK: memref.alloc() {usmp.pools = [@global_workspace]} : memref<8xf32>
// CHECK: func.func @main
// CHECK: memref.alloc() {usmp.pools = [@global_workspace]} : memref<4xf32>
// CHECK: memref.alloca() {usmp.pools = [@global_workspace]} : memref<2xi8>
// CHECK: memref.alloc(%{{.*}}) : memref<?xf32>
// OPTS-LABEL: module
// OPTS: usmp.pool workspace @dtcm size_hint(1000) alignment(8) targets("c": rw, "npu": ro){{$}}
// OPTS: usmp.pool constant @flash alignment(16) internal
// OPTS: memref.alloc() {usmp.pools = [@dtcm]} : memref<8xf32>
func.func private @op() {
  %s = memref.alloc() : memref<8xf32>
  return
}
func.func @main(%n: index) {
  %a = memref.alloc() : memref<4xf32>
  %b = memref.alloca() : memref<2xi8>
  %c = memref.alloc(%n) : memref<?xf32>
  func.call @op() : () -> ()
  return
}

// -----

// Declared pools in module order, filtered by what target "c" may write;
// pools from the options come after them; constants the model reads go to
// the constant pools "c" may read; an allocation's own list is kept.
// CHECK-LABEL: module
// CHECK: usmp.pool workspace @npu_only alignment(16) targets("npu": rw)
// CHECK: usmp.pool workspace @sram alignment(16) targets("c": rw)
// CHECK: usmp.pool workspace @shared alignment(16)
// CHECK: usmp.pool constant @rom alignment(16) targets("c": ro)
// CHECK-NOT: usmp.pool
// CHECK: memref.global "private" constant @w : memref<4xf32> = dense<1.000000e+00> {usmp.pools = [@rom]}
// CHECK: memref.global "private" @state : memref<4xf32> = uninitialized
// Constants without data have nothing to put in a constant pool.
// CHECK: memref.global "private" constant @unset : memref<4xf32> = uninitialized{{$}}
// CHECK: memref.global constant @declared : memref<4xf32>{{$}}
// CHECK-NOT: usmp.pools
// CHECK: memref.alloc() {usmp.pools = [@sram, @shared]} : memref<4xf32>
// CHECK: memref.alloc() {usmp.pools = [@shared]} : memref<4xf32>
// OPTS-LABEL: module
// OPTS: usmp.pool workspace @npu_only
// OPTS: usmp.pool workspace @sram
// OPTS: usmp.pool workspace @shared
// OPTS: usmp.pool constant @rom
// OPTS: usmp.pool workspace @dtcm
// OPTS: usmp.pool constant @flash
// OPTS: memref.global "private" constant @w : memref<4xf32> = dense<1.000000e+00> {usmp.pools = [@rom, @flash]}
// OPTS: memref.alloc() {usmp.pools = [@sram, @shared, @dtcm]} : memref<4xf32>
usmp.pool workspace @npu_only targets("npu": rw)
usmp.pool workspace @sram targets("c": rw)
usmp.pool workspace @shared
usmp.pool constant @rom targets("c": ro)
memref.global "private" constant @w : memref<4xf32> = dense<1.0>
memref.global "private" @state : memref<4xf32> = uninitialized
memref.global "private" constant @unset : memref<4xf32> = uninitialized
memref.global constant @declared : memref<4xf32>
func.func @main() {
  %w = memref.get_global @w : memref<4xf32>
  %s = memref.get_global @state : memref<4xf32>
  %u = memref.get_global @unset : memref<4xf32>
  %d = memref.get_global @declared : memref<4xf32>
  %a = memref.alloc() : memref<4xf32>
  %b = memref.alloc() {usmp.pools = [@shared]} : memref<4xf32>
  return
}

// -----

// Without a constant pool, constants stay ordinary globals.
// CHECK-LABEL: module
// CHECK: memref.global "private" constant @w : memref<4xf32> = dense<1.000000e+00>{{$}}
memref.global "private" constant @w : memref<4xf32> = dense<1.0>
func.func @main() {
  %w = memref.get_global @w : memref<4xf32>
  return
}

// -----

// A buffer's candidates are the pools aligned as much as it needs (its
// alignment attribute, its elements); all of them when none is, so that
// planning names the shortfall.
// CHECK-LABEL: module
// CHECK: memref.global "private" constant @w : memref<2xf64> = dense<1.000000e+00> {usmp.pools = [@wide_flash]}
// CHECK: memref.alloc() {usmp.pools = [@small, @big]} : memref<4xf32>
// CHECK: memref.alloc() {usmp.pools = [@big]} : memref<4xf64>
// CHECK: memref.alloc() {alignment = 32 : i64, usmp.pools = [@big]} : memref<4xi8>
// CHECK: memref.alloc() {alignment = 128 : i64, usmp.pools = [@small, @big]} : memref<4xi8>
usmp.pool workspace @small alignment(4)
usmp.pool workspace @big alignment(64)
usmp.pool constant @rom alignment(4)
usmp.pool constant @wide_flash alignment(8)
memref.global "private" constant @w : memref<2xf64> = dense<1.0>
func.func @main() {
  %a = memref.alloc() : memref<4xf32>
  %b = memref.alloc() : memref<4xf64>
  %c = memref.alloc() {alignment = 32 : i64} : memref<4xi8>
  %d = memref.alloc() {alignment = 128 : i64} : memref<4xi8>
  %w = memref.get_global @w : memref<2xf64>
  return
}
