// RUN: usmp-opt %s -split-input-file -usmp-order-constants -allow-unregistered-dialect | FileCheck %s

// Named and ordered by first use (functions in module order), where the
// first of them was; other symbols stay where they are.
// CHECK-LABEL: module
// CHECK-NEXT: memref.global "private" @state
// CHECK-NEXT: memref.global "private" constant @__constant_2xi8 : memref<2xi8> = dense<[3, 4]>
// CHECK-NEXT: memref.global "private" constant @__constant_4xf32 : memref<4xf32> = dense<2.000000e+00>
// CHECK-NEXT: memref.global "private" constant @__constant_xf32 : memref<f32> = dense<1.000000e+00>
// CHECK-NEXT: memref.global "private" constant @__constant_2xi8_0 : memref<2xi8> = dense<[1, 2]>
// CHECK-NEXT: func.func @main
// CHECK-NEXT: memref.get_global @__constant_2xi8 :
// CHECK-NEXT: memref.get_global @__constant_4xf32
// CHECK-NEXT: memref.get_global @__constant_2xi8 :
// CHECK-NEXT: call @helper
// CHECK-NEXT: memref.get_global @__constant_xf32
// CHECK: func.func private @helper
// CHECK-NEXT: memref.get_global @__constant_2xi8_0
module {
  memref.global "private" @state : memref<2xi8> = dense<0>
  memref.global "private" constant @__constant_xf32 : memref<f32> = dense<1.0>
  memref.global "private" constant @__constant_2xi8 : memref<2xi8> = dense<[1, 2]>
  memref.global "private" constant @__constant_4xf32_3 : memref<4xf32> = dense<2.0>
  memref.global "private" constant @__constant_2xi8_0 : memref<2xi8> = dense<[3, 4]>
  func.func @main() {
    %a = memref.get_global @__constant_2xi8_0 : memref<2xi8>
    %b = memref.get_global @__constant_4xf32_3 : memref<4xf32>
    %c = memref.get_global @__constant_2xi8_0 : memref<2xi8>
    call @helper() : () -> ()
    %d = memref.get_global @__constant_xf32 : memref<f32>
    return
  }
  func.func private @helper() {
    %a = memref.get_global @__constant_2xi8 : memref<2xi8>
    return
  }
}

// -----

// Names other symbols take are skipped; globals that are not bufferization's
// constants keep theirs; unused ones come last, by type and value.
// CHECK-LABEL: module
// CHECK-NEXT: memref.global @__constant_4xi32 : memref<4xi32>
// CHECK-NEXT: memref.global "private" constant @__constant_4xi32_0 : memref<4xi32> = dense<7>
// CHECK-NEXT: memref.global "private" constant @__constant_4xi32_1 : memref<4xi32> = dense<5>
// CHECK-NEXT: memref.global "private" constant @__constant_4xi32_2 : memref<4xi32> = dense<6>
// CHECK-NEXT: memref.global "private" constant @weights : memref<4xi32>
// CHECK-NEXT: func.func @main
// CHECK-NEXT: memref.get_global @__constant_4xi32 :
// CHECK-NEXT: memref.get_global @__constant_4xi32_0 :
// CHECK-NEXT: memref.get_global @weights
module {
  memref.global @__constant_4xi32 : memref<4xi32>
  memref.global "private" constant @__constant_4xi32_2 : memref<4xi32> = dense<6>
  memref.global "private" constant @__constant_4xi32_1 : memref<4xi32> = dense<5>
  memref.global "private" constant @__constant_4xi32_0 : memref<4xi32> = dense<7>
  memref.global "private" constant @weights : memref<4xi32> = dense<1>
  func.func @main() {
    %a = memref.get_global @__constant_4xi32 : memref<4xi32>
    %b = memref.get_global @__constant_4xi32_0 : memref<4xi32>
    %c = memref.get_global @weights : memref<4xi32>
    return
  }
}

// -----

// A nested module's symbols are its own: neither its globals nor references
// into it are renamed.
// CHECK-LABEL: module
// CHECK: memref.get_global @__constant_2xi8 : memref<2xi8>
// CHECK-NEXT: "test.op"() {r = @inner::@__constant_2xi8_0}
// CHECK: module @inner
// CHECK-NEXT: memref.global "private" constant @__constant_2xi8 : memref<2xi8> = dense<[5, 6]>
// CHECK-NEXT: memref.global "private" constant @__constant_2xi8_0 : memref<2xi8> = dense<[7, 8]>
// CHECK-NEXT: func.func @f
// CHECK-NEXT: memref.get_global @__constant_2xi8 : memref<2xi8>
module {
  memref.global "private" constant @__constant_2xi8_0 : memref<2xi8> = dense<[3, 4]>
  func.func @main() {
    %a = memref.get_global @__constant_2xi8_0 : memref<2xi8>
    "test.op"() {r = @inner::@__constant_2xi8_0} : () -> ()
    return
  }
  module @inner {
    memref.global "private" constant @__constant_2xi8 : memref<2xi8> = dense<[5, 6]>
    memref.global "private" constant @__constant_2xi8_0 : memref<2xi8> = dense<[7, 8]>
    func.func @f() {
      %a = memref.get_global @__constant_2xi8 : memref<2xi8>
      return
    }
  }
}
