// RUN: usmp-opt %s -split-input-file --usmp-pipeline="algorithm=greedy-by-size pools=dtcm:size_hint=64,sram" | FileCheck %s
// RUN: usmp-opt %s -split-input-file --usmp-pipeline="algorithm=greedy-by-size" | FileCheck %s --check-prefix=U1
// RUN: usmp-opt %s -split-input-file --usmp-pipeline="time-limit-ms=7 seed=3" --dump-pass-pipeline -o /dev/null 2>&1 | FileCheck %s --check-prefix=BUDGET
// RUN: usmp-opt %s -split-input-file --usmp-pipeline="target=npu pools=c_only:targets=c.rw,shared:targets=c.rw+npu.rw" | FileCheck %s --check-prefix=TARGET

// The target reaches usmp-assign-pools: the pool only C may write is no
// candidate for the NPU's buffers.
// TARGET: usmp.pool workspace @c_only alignment(16) targets("c": rw) planned_size(0)
// TARGET: usmp.pool workspace @shared alignment(16) targets("c": rw, "npu": rw) planned_size(128)
// The planner's budget and seed reach usmp-plan-buffers.
// BUDGET: usmp-plan-buffers{algorithm=auto alignment=16 entry= report= seed=3 time-limit-ms=7}

// Pools from the options, with fallback from the small one; buffers end up as
// views of pool arguments; the entry function takes the pools it uses.
// CHECK: usmp.pool workspace @dtcm size_hint(64) alignment(16) planned_size(64)
// CHECK: usmp.pool workspace @sram alignment(16) planned_size(64)
// CHECK: func.func @main(%{{.*}}: memref<16xf32> {usmp.io = #usmp.io<input "input0", index = 0>}, %{{.*}}: memref<16xf32> {usmp.io = #usmp.io<output "output0", index = 0>}, %{{.*}}: memref<64xi8> {usmp.pool = @dtcm}, %{{.*}}: memref<64xi8> {usmp.pool = @sram})
// CHECK-COUNT-3: memref.view
// CHECK-NOT: memref.alloc
// U1: usmp.pool workspace @global_workspace alignment(16) planned_size(128)
// U1: func.func @main(%{{.*}}: memref<16xf32> {{{.*}}}, %{{.*}}: memref<16xf32> {{{.*}}}, %{{.*}}: memref<128xi8> {usmp.pool = @global_workspace})
func.func @main(%in: memref<16xf32>, %out: memref<16xf32>) {
  %a = memref.alloc() : memref<16xf32>
  %b = memref.alloc() : memref<16xf32>
  %c = memref.alloc() : memref<16xf32>
  memref.copy %in, %a : memref<16xf32> to memref<16xf32>
  memref.copy %a, %b : memref<16xf32> to memref<16xf32>
  memref.copy %b, %c : memref<16xf32> to memref<16xf32>
  memref.copy %c, %out : memref<16xf32> to memref<16xf32>
  return
}
