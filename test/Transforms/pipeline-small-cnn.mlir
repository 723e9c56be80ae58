// The small TOSA CNN of examples/ through the front end and the whole usmp
// pipeline: the planned pool size is the size the report gives, no allocation
// is left, and the plan re-verifies.
// RUN: usmp-opt %usmp_src_root/examples/small_cnn.mlir --usmp-from-tosa --usmp-pipeline="report=%t.json" -o %t.mlir
// RUN: cat %t.mlir %t.json | FileCheck %s
// RUN: usmp-opt %t.mlir --usmp-verify-plan -o /dev/null

// CHECK: usmp.pool workspace @global_workspace alignment(16) planned_size([[SIZE:[0-9]+]])
// CHECK: func.func @main(%{{.*}}: memref<1x8x8x1xf32> {usmp.io = #usmp.io<input "input0", index = 0>}, %{{.*}}: memref<1x3xf32> {usmp.io = #usmp.io<output "output0", index = 0>}, %[[POOL:[a-z0-9]+]]: memref<[[SIZE]]xi8> {usmp.pool = @global_workspace})
// CHECK-NOT: memref.alloc
// CHECK: memref.view %[[POOL]]
// CHECK-NOT: memref.alloc
// CHECK: "pools": [
// CHECK: "name": "global_workspace",
// CHECK-NEXT: "kind": "workspace",
// CHECK-NEXT: "size": [[SIZE]],
// CHECK-NEXT: "lower_bound": {{[0-9]+}},
