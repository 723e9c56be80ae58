// Every pass that starts from the entry function reports a missing one.
// RUN: not usmp-opt %s -usmp-assign-pools=entry=nothere 2>&1 | FileCheck %s
// RUN: not usmp-opt %s -usmp-plan-buffers=entry=nothere 2>&1 | FileCheck %s
// RUN: not usmp-opt %s -usmp-verify-plan=entry=nothere 2>&1 | FileCheck %s
// RUN: not usmp-opt %s -usmp-print-buffer-liveness=entry=nothere 2>&1 | FileCheck %s
// RUN: not usmp-opt %s -usmp-pipeline=entry=nothere 2>&1 | FileCheck %s
// RUN: not usmp-opt %s -usmp-pipeline=entry=ext 2>&1 | FileCheck %s --check-prefix=EXT
// An explicit entry is used even when it is private.
// RUN: usmp-opt %s -usmp-print-buffer-liveness=entry=helper 2>&1 | FileCheck %s --check-prefix=HELPER

// CHECK: error: entry function @nothere is not a function with a body in the module
// EXT: error: entry function @ext is not a function with a body in the module
// HELPER: remark: buffer 'helper.buf0'
func.func private @ext()
func.func private @helper() {
  %a = memref.alloc() : memref<4xf32>
  return
}
func.func @main() {
  return
}
func.func @other() {
  return
}
