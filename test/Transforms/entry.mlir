// Every pass that starts from the entry function reports a missing one.
// RUN: not usmp-opt %s -usmp-assign-pools=entry=nothere 2>&1 | FileCheck %s
// RUN: not usmp-opt %s -usmp-plan-buffers=entry=nothere 2>&1 | FileCheck %s
// RUN: not usmp-opt %s -usmp-verify-plan=entry=nothere 2>&1 | FileCheck %s
// RUN: not usmp-opt %s -usmp-print-buffer-liveness=entry=nothere 2>&1 | FileCheck %s
// RUN: not usmp-opt %s -usmp-pipeline=entry=nothere 2>&1 | FileCheck %s
// RUN: not usmp-opt %s -usmp-pipeline=entry=ext 2>&1 | FileCheck %s --check-prefix=EXT
// RUN: not usmp-opt %s -usmp-pipeline=entry=@main 2>&1 | FileCheck %s --check-prefix=AT
// An explicit entry is used even when it is private.
// RUN: usmp-opt %s -usmp-print-buffer-liveness=entry=helper 2>&1 | FileCheck %s --check-prefix=HELPER
// The entry usmp-pipeline was told is the one function marking inputs and
// outputs, which the passes after it take.
// RUN: usmp-opt %S/Inputs/two-entries.mlir --usmp-pipeline=entry=g --usmp-verify-plan --convert-usmp-to-emitc -o /dev/null 2>&1 | FileCheck %s --check-prefix=MARKED
// Without markers, nothing tells.
// RUN: not usmp-opt %S/Inputs/two-entries.mlir --convert-usmp-to-emitc 2>&1 | FileCheck %s --check-prefix=NONE
// @main and a function marking inputs or outputs: either could be meant.
// RUN: not usmp-opt %S/Inputs/main-and-marked.mlir -split-input-file --usmp-pipeline 2>&1 | FileCheck %s --check-prefix=BOTH
// usmp-from-tosa told another entry than usmp-pipeline: @f's markers would
// be lost.
// RUN: not usmp-opt %S/Inputs/entry-called.mlir --usmp-from-tosa=entry=f --usmp-pipeline 2>&1 | FileCheck %s --check-prefix=FROMTOSA
// The same with the C lowering left out.
// RUN: not usmp-opt %S/Inputs/entry-called.mlir --usmp-from-tosa=entry=f --usmp-pipeline=entry=f --convert-usmp-to-emitc 2>&1 | FileCheck %s --check-prefix=LOWERING
// A module of declarations only has no entry to choose.
// RUN: echo "func.func private @main(memref<4xf32>)" | not usmp-opt --usmp-pipeline 2>&1 | FileCheck %s --check-prefix=DECLS

// CHECK: error: entry function @nothere is not a function with a body in the module
// EXT: error: entry function @ext is not a function with a body in the module
// AT: error: option 'entry' names '@main': function names are given without '@'
// HELPER: remark: buffer 'helper.buf0'
// MARKED: two-entries.mlir:2:1: remark: @f is not called from the entry @g; it is left out of the C
// MARKED-NOT: error
// NONE: two-entries.mlir:0:0: error: cannot choose the entry function: the module has 2 public functions with a body, none is @main, and none marks inputs or outputs; name it with the 'entry' option, the same in every pass
// NONE: two-entries.mlir:2:1: note: public function @f
// NONE: two-entries.mlir:6:1: note: public function @g
// BOTH: main-and-marked.mlir:0:0: error: cannot choose the entry function: @main, or the function that marks inputs or outputs; name it with the 'entry' option, the same in every pass
// BOTH: main-and-marked.mlir:2:1: note: @main
// BOTH: main-and-marked.mlir:6:1: note: @old_model marks inputs or outputs
// BOTH: main-and-marked.mlir:20:8: error: 'usmp.io' marks a model input or output, which only the entry function @main can allocate
// BOTH: main-and-marked.mlir:34:18: error: 'usmp.io' on argument 0 of @layer marks a model input or output, but @layer is called from the entry function @main: give every pass the same 'entry' option
// BOTH: main-and-marked.mlir:46:1: error: 'usmp.io' on result 0 of @layer marks a model input or output, but @layer is called from the entry function @main: give every pass the same 'entry' option
// FROMTOSA: error: 'usmp.io' on argument 0 of @f marks a model input or output, but @f is called from the entry function @main: give every pass the same 'entry' option
// LOWERING: entry-called.mlir:6:17: error: argument 0 of @main is neither a pool nor a marked input or output, but @f's arguments are: give every pass the same 'entry' option (entry=f)
// DECLS: error: cannot choose the entry function: no function of the module has a body
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
