// RUN: usmp-opt %s -split-input-file -usmp-convert-to-pool-views -verify-diagnostics | FileCheck %s

// Planned buffers become views of pool arguments, appended in module order;
// deallocations of planned buffers go; unplanned buffers stay.
// CHECK-LABEL: func.func @main
// CHECK-SAME: (%[[IN:.*]]: memref<4xf32>, %[[N:.*]]: index, %[[DTCM:.*]]: memref<32xi8> {usmp.pool = @dtcm}, %[[SRAM:.*]]: memref<64xi8> {usmp.pool = @sram})
// CHECK: %[[C16:.*]] = arith.constant 16 : index
// CHECK: %[[A:.*]] = memref.view %[[SRAM]][%[[C16]]][] {usmp.placement = #usmp.placement<@sram, offset = 16>} : memref<64xi8> to memref<4xf32>
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK: %[[B:.*]] = memref.view %[[DTCM]][%[[C0]]][] {usmp.placement = #usmp.placement<@dtcm, offset = 0>} : memref<32xi8> to memref<2x2xf32>
// CHECK: %[[D:.*]] = memref.alloc(%[[N]]) : memref<?xf32>
// CHECK: memref.copy %[[IN]], %[[A]]
// CHECK-NOT: memref.dealloc %[[A]]
// CHECK: memref.dealloc %[[D]]
usmp.pool workspace @dtcm size_hint(32) alignment(16) planned_size(32)
usmp.pool workspace @unused alignment(16) planned_size(0)
usmp.pool workspace @sram alignment(16) planned_size(64)
func.func @main(%in: memref<4xf32>, %n: index) {
  %a = memref.alloc() {usmp.placement = #usmp.placement<@sram, offset = 16>} : memref<4xf32>
  %b = memref.alloca() {usmp.placement = #usmp.placement<@dtcm, offset = 0>} : memref<2x2xf32>
  %d = memref.alloc(%n) : memref<?xf32>
  memref.copy %in, %a : memref<4xf32> to memref<4xf32>
  memref.dealloc %a : memref<4xf32>
  memref.dealloc %d : memref<?xf32>
  return
}

// -----

// Operator functions take the pools they use; callers pass theirs on, also
// for pools used only further down the call graph. Constants read from a
// constant pool become views of it.
// CHECK-LABEL: func.func private @leaf
// CHECK-SAME: (%[[X:.*]]: memref<4xf32>, %[[SRAM:.*]]: memref<64xi8> {usmp.pool = @sram})
// CHECK: memref.view %[[SRAM]]
// CHECK-LABEL: func.func private @middle
// CHECK-SAME: (%[[Y:.*]]: memref<4xf32>, %[[SRAM2:.*]]: memref<64xi8> {usmp.pool = @sram}, %[[FLASH:.*]]: memref<16xi8> {usmp.pool = @flash})
// CHECK: %[[W:.*]] = memref.view %[[FLASH]][%{{.*}}][] : memref<16xi8> to memref<4xf32>
// CHECK: call @leaf(%[[W]], %[[SRAM2]])
// CHECK-LABEL: func.func private @untouched
// CHECK-SAME: (%{{.*}}: memref<4xf32>)
// CHECK-LABEL: func.func @entry
// CHECK-SAME: (%[[E:.*]]: memref<4xf32>, %[[ESRAM:.*]]: memref<64xi8> {usmp.pool = @sram}, %[[EFLASH:.*]]: memref<16xi8> {usmp.pool = @flash})
// CHECK: call @middle(%[[E]], %[[ESRAM]], %[[EFLASH]])
// CHECK: call @untouched(%[[E]])
// CHECK: memref.global "private" constant @w
usmp.pool workspace @sram alignment(16) planned_size(64)
usmp.pool constant @flash alignment(16) planned_size(16)
func.func private @leaf(%x: memref<4xf32>) {
  %s = memref.alloc() {usmp.placement = #usmp.placement<@sram, offset = 0>} : memref<4xf32>
  memref.copy %x, %s : memref<4xf32> to memref<4xf32>
  return
}
func.func private @middle(%y: memref<4xf32>) {
  %w = memref.get_global @w : memref<4xf32>
  func.call @leaf(%w) : (memref<4xf32>) -> ()
  return
}
func.func private @untouched(%z: memref<4xf32>) {
  return
}
func.func @entry(%e: memref<4xf32>) {
  func.call @middle(%e) : (memref<4xf32>) -> ()
  func.call @untouched(%e) : (memref<4xf32>) -> ()
  return
}
memref.global "private" constant @w : memref<4xf32> = dense<1.0> {usmp.placement = #usmp.placement<@flash, offset = 0>}

// -----

usmp.pool workspace @sram alignment(16)
func.func @main() {
  // expected-error @below {{pool @sram has no planned size; run usmp-plan-buffers first}}
  %a = memref.alloc() {usmp.placement = #usmp.placement<@sram, offset = 0>} : memref<4xf32>
  return
}

// -----

usmp.pool workspace @p alignment(16) planned_size(64)
func.func @main() {
  // expected-error @below {{a symbol table ('builtin.module') inside @main is not supported: usmp resolves pools and functions in the module}}
  builtin.module {
    usmp.pool workspace @q alignment(16) planned_size(32)
    func.func @inner() {
      %a = memref.alloc() {usmp.placement = #usmp.placement<@q, offset = 16>} : memref<4xf32>
      return
    }
  }
  return
}

// -----

usmp.pool workspace @p alignment(16) planned_size(16)
func.func private @op() {
  %a = memref.alloc() {usmp.placement = #usmp.placement<@p, offset = 0>} : memref<4xf32>
  return
}
func.func @main() {
  // expected-error @below {{cannot take a function value of @op: it takes pool arguments, which the value's type lacks; call it directly}}
  %f = func.constant @op : () -> ()
  func.call_indirect %f() : () -> ()
  return
}

// -----

// A deallocation through a view of a planned buffer goes too.
// CHECK-LABEL: func.func @dealloc_view
// CHECK: %[[V:.*]] = memref.view
// CHECK-NEXT: memref.cast %[[V]]
// CHECK-NEXT: return
usmp.pool workspace @sram alignment(16) planned_size(16)
func.func @dealloc_view() {
  %a = memref.alloc() {usmp.placement = #usmp.placement<@sram, offset = 0>} : memref<4xf32>
  %b = memref.cast %a : memref<4xf32> to memref<?xf32>
  memref.dealloc %b : memref<?xf32>
  return
}
