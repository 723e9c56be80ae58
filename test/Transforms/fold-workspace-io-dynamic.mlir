// RUN: usmp-opt %s -usmp-fold-workspace-io | FileCheck %s

// A dynamically shaped argument gets no I/O identity: the C API has none for
// it (and the dialect requires static shapes on usmp.io).
// CHECK-LABEL: func.func @main
// CHECK-SAME: (%{{.*}}: memref<?xf32>, %{{.*}}: memref<4xf32> {usmp.io = #usmp.io<output "output0", index = 0>})
func.func @main(%a: memref<?xf32>, %out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %x = memref.load %a[%c0] : memref<?xf32>
  memref.store %x, %out[%c0] : memref<4xf32>
  return
}
