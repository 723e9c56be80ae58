// A pass instance runs on every module a pipeline nests it in, one after the
// other: each module gets its own model, pools and names, whatever the
// modules before it held.

// RUN: usmp-opt %s --pass-pipeline='builtin.module(builtin.module(usmp-pipeline,convert-usmp-to-emitc))' --mlir-disable-threading | FileCheck %s

// At the top level there is no model: the message says where they are.
// RUN: not usmp-opt %s --usmp-pipeline -o /dev/null 2>&1 | FileCheck %s --check-prefix=TOP
// TOP: error: cannot choose the entry function: no function of the module has a body; for the models of its nested modules, nest the passes in them (--pass-pipeline='builtin.module(builtin.module(...))')

// One plan report per module, named after it.
// RUN: rm -f %t-first.json %t-second.json
// RUN: usmp-opt %s --pass-pipeline='builtin.module(builtin.module(usmp-pipeline{report=%t-{module}.json}))' -o /dev/null
// RUN: FileCheck %s --check-prefix=REPORT1 < %t-first.json
// RUN: FileCheck %s --check-prefix=REPORT2 < %t-second.json
// REPORT1: "name": "global_workspace",
// REPORT1-NEXT: "kind": "workspace",
// REPORT1-NEXT: "size": 16,
// REPORT2: "name": "global_workspace",
// REPORT2-NEXT: "kind": "workspace",
// REPORT2-NEXT: "size": 32,

// usmp-translate writes every model's files, which build together.
// RUN: rm -rf %t && usmp-opt %s --pass-pipeline='builtin.module(builtin.module(usmp-pipeline,convert-usmp-to-emitc))' | usmp-translate --usmp-emit-c --output-dir=%t | FileCheck %s --check-prefix=FILES
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -c %t/tvmgen_first.c -o %t/first.o
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -c %t/tvmgen_second.c -o %t/second.o
// FILES: {{.*}}tvmgen_first.h
// FILES-NEXT: {{.*}}tvmgen_first.c
// FILES-NEXT: {{.*}}tvmgen_second.h
// FILES-NEXT: {{.*}}tvmgen_second.c
// Two models of one name would write one file twice: nothing is written.
// RUN: usmp-opt %s --pass-pipeline='builtin.module(builtin.module(usmp-pipeline,convert-usmp-to-emitc{model-name=m}))' -o %t.same.mlir
// RUN: not usmp-translate --usmp-emit-c --output-dir=%t.same %t.same.mlir 2>&1 | FileCheck %s --check-prefix=SAME
// RUN: not ls %t.same
// SAME: error: file id 'tvmgen_m.h' is used twice (models in one directory need model names of their own)

// CHECK-LABEL: module @first
// CHECK: emitc.file "tvmgen_first.h"
// CHECK: #define TVMGEN_FIRST_GLOBAL_WORKSPACE_WORKSPACE_POOL_SIZE 16
// CHECK: emitc.file "tvmgen_first.c"
// CHECK: static uint8_t tvmgen_first_global_workspace[16];
module @first attributes {usmp.model_name = "first"} {
  func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
    %a = memref.alloc() : memref<4xf32>
    linalg.add ins(%in, %in : memref<4xf32>, memref<4xf32>) outs(%a : memref<4xf32>)
    linalg.add ins(%a, %in : memref<4xf32>, memref<4xf32>) outs(%out : memref<4xf32>)
    return
  }
}

// CHECK-LABEL: module @second
// CHECK: emitc.file "tvmgen_second.h"
// CHECK: #define TVMGEN_SECOND_GLOBAL_WORKSPACE_WORKSPACE_POOL_SIZE 32
// CHECK: emitc.file "tvmgen_second.c"
// CHECK: static uint8_t tvmgen_second_global_workspace[32];
// CHECK-NOT: tvmgen_first
module @second attributes {usmp.model_name = "second"} {
  func.func @main(%x: memref<8xf32>, %y: memref<8xf32>) {
    %b = memref.alloc() : memref<8xf32>
    linalg.add ins(%x, %x : memref<8xf32>, memref<8xf32>) outs(%b : memref<8xf32>)
    linalg.add ins(%b, %x : memref<8xf32>, memref<8xf32>) outs(%y : memref<8xf32>)
    return
  }
}
