// RUN: usmp-opt %s -split-input-file -usmp-fold-workspace-io=all -verify-diagnostics -allow-unregistered-dialect | FileCheck %s
// RUN: usmp-opt %s -split-input-file -usmp-fold-workspace-io=names=output0 -verify-diagnostics -allow-unregistered-dialect | FileCheck %s --check-prefix=NAMED

// Unmarked arguments: written ones are outputs. With `all` both move into
// allocations carrying their identity; the function then takes no I/O.
// CHECK-LABEL: func.func @main()
// CHECK-NEXT: %[[IN:.*]] = memref.alloc() {usmp.io = #usmp.io<input "input0", index = 0>} : memref<16xf32>
// CHECK-NEXT: %[[OUT:.*]] = memref.alloc() {usmp.io = #usmp.io<output "output0", index = 0>} : memref<16xf32>
// CHECK: memref.copy %[[IN]], %{{.*}}
// CHECK: memref.copy %{{.*}}, %[[OUT]]
// Selective: only the named output moves; the input stays an argument.
// NAMED-LABEL: func.func @main(%{{.*}}: memref<16xf32> {usmp.io = #usmp.io<input "input0", index = 0>})
// NAMED-NEXT: memref.alloc() {usmp.io = #usmp.io<output "output0", index = 0>} : memref<16xf32>
func.func @main(%in: memref<16xf32>, %out: memref<16xf32>) {
  %a = memref.alloc() : memref<16xf32>
  memref.copy %in, %a : memref<16xf32> to memref<16xf32>
  memref.copy %a, %out : memref<16xf32> to memref<16xf32>
  return
}

// -----

// Markers from usmp-mark-io win; per-argument selection works without `all`;
// scalars are not I/O.
// CHECK-LABEL: func.func @main(%{{.*}}: i32)
// CHECK-NEXT: memref.alloc() {usmp.io = #usmp.io<input "x", index = 0>} : memref<4xi8>
// CHECK-NEXT: memref.alloc() {usmp.io = #usmp.io<input "y", index = 1>} : memref<4xi8>
// CHECK-NEXT: memref.alloc() {usmp.io = #usmp.io<output "output0", index = 0>} : memref<4xi8>
// NAMED-LABEL: func.func @main(%{{.*}}: memref<4xi8> {usmp.io = #usmp.io<input "x", index = 0>}, %{{.*}}: i32)
// NAMED-NEXT: memref.alloc() {usmp.io = #usmp.io<input "y", index = 1>} : memref<4xi8>
// NAMED-NEXT: memref.alloc() {usmp.io = #usmp.io<output "output0", index = 0>} : memref<4xi8>
func.func @main(%x: memref<4xi8> {usmp.io = #usmp.io<input "x", index = 0>},
                %n: i32,
                %y: memref<4xi8> {usmp.io = #usmp.io<input "y", index = 1>, usmp.workspace_io},
                %z: memref<4xi8> {usmp.io = #usmp.io<output "output0", index = 0>}) {
  %c0 = arith.constant 0 : index
  %vx = memref.load %x[%c0] : memref<4xi8>
  %vy = memref.load %y[%c0] : memref<4xi8>
  memref.store %vx, %z[%c0] : memref<4xi8>
  return
}

// -----

// An input the model writes gets a remark whether it moves into a pool or
// stays the application's buffer (arguments marked against their use).
// CHECK-LABEL: func.func @main()
// NAMED-LABEL: func.func @main(%{{.*}}: memref<4xf32> {usmp.io = #usmp.io<input "state", index = 0>})
func.func @main(%state: memref<4xf32> {usmp.io = #usmp.io<input "state", index = 0>}, %out: memref<4xf32>) {
  // expected-remark @above {{input 'state' is overwritten by the model; its data does not survive the run}}
  %c0 = arith.constant 0 : index
  %f = arith.constant 1.0 : f32
  memref.store %f, %state[%c0] : memref<4xf32>
  memref.store %f, %out[%c0] : memref<4xf32>
  return
}

// -----

// Unmarked arguments take the lowest index and a name that no marker has,
// on an argument (even at the largest index) or an allocation.
// CHECK-LABEL: func.func @main
// CHECK-DAG: usmp.io = #usmp.io<input "input1", index = 1>
// CHECK-DAG: usmp.io = #usmp.io<output "output0", index = 0>
// CHECK-DAG: usmp.io = #usmp.io<input "input0", index = 5>
// CHECK-DAG: usmp.io = #usmp.io<output "last", index = 9223372036854775807>
func.func @main(%x: memref<4xf32>, %y: memref<4xf32>, %z: memref<4xf32> {usmp.io = #usmp.io<output "last", index = 9223372036854775807>}) {
  %a = memref.alloc() {usmp.io = #usmp.io<input "input0", index = 5>} : memref<4xf32>
  memref.copy %x, %a : memref<4xf32> to memref<4xf32>
  memref.copy %a, %y : memref<4xf32> to memref<4xf32>
  memref.copy %a, %z : memref<4xf32> to memref<4xf32>
  return
}
