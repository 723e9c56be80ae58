// A pass instance runs on every module a pipeline nests it in, one after the
// other: each module gets its own model, pools and names, whatever the
// modules before it held.

// RUN: usmp-opt %s --pass-pipeline='builtin.module(builtin.module(usmp-pipeline,convert-usmp-to-emitc))' --mlir-disable-threading | FileCheck %s

// At the top level there is no model: the message says where they are.
// RUN: not usmp-opt %s --usmp-pipeline -o /dev/null 2>&1 | FileCheck %s --check-prefix=TOP
// TOP: error: cannot choose the entry function: no function of the module has a body; for the models of its nested modules, nest the passes in them (--pass-pipeline='builtin.module(builtin.module(...))', a builtin.module(...) per level)

// One plan report per module, named after it.
// RUN: rm -f %t-first.json %t-second.json
// RUN: usmp-opt %s --pass-pipeline='builtin.module(builtin.module(usmp-pipeline{report=%t-{module}.json}))' -o /dev/null
// RUN: FileCheck %s --check-prefix=REPORT1 < %t-first.json
// RUN: FileCheck %s --check-prefix=REPORT2 < %t-second.json
// REPORT1: "name": "global_workspace",
// REPORT1-NEXT: "kind": "workspace",
// REPORT1-NEXT: "size": 32,
// REPORT2: "name": "global_workspace",
// REPORT2-NEXT: "kind": "workspace",
// REPORT2-NEXT: "size": 64,

// The module name is part of a file name: every {module} is replaced once,
// and a name with a '/' cannot lead elsewhere.
// RUN: rm -rf %t.names && mkdir %t.names
// RUN: not usmp-opt %S/Inputs/braced-module.mlir --pass-pipeline='builtin.module(builtin.module(usmp-pipeline{report=%t.names/{module}-{module}.json}))' --mlir-disable-threading -o /dev/null 2>&1 | FileCheck %s --check-prefix=SLASH
// SLASH: error: the plan report's path '{{.*}}/{module}-{module}.json' names {module}, but module name '../escaped' is no part of a file name (it has '/', '\' or NUL)
// RUN: ls '%t.names' | FileCheck %s --check-prefix=BRACED
// BRACED: {{^}}x{module}-x{module}.json{{$}}

// usmp-translate writes every model's files (both use a row typedef of
// float[4]), which build as one.
// RUN: rm -rf %t && usmp-opt %s --pass-pipeline='builtin.module(builtin.module(usmp-pipeline,convert-usmp-to-emitc))' | usmp-translate --usmp-emit-c --output-dir=%t | FileCheck %s --check-prefix=FILES
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -include %t/tvmgen_first.c -c %t/tvmgen_second.c -o %t/both.o
// And at any depth of nesting.
// RUN: rm -rf %t.deep && usmp-opt %S/Inputs/deep-modules.mlir --pass-pipeline='builtin.module(builtin.module(builtin.module(usmp-pipeline,convert-usmp-to-emitc)))' | usmp-translate --usmp-emit-c --output-dir=%t.deep | FileCheck %s --check-prefix=DEEP
// DEEP: {{.*}}tvmgen_inner.h
// DEEP-NEXT: {{.*}}tvmgen_inner.c
// DEEP-NEXT: {{.*}}tvmgen_deeper.h
// DEEP-NEXT: {{.*}}tvmgen_deeper.c
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
// CHECK: #define TVMGEN_FIRST_GLOBAL_WORKSPACE_WORKSPACE_POOL_SIZE 32
// CHECK: emitc.file "tvmgen_first.c"
// CHECK: static uint8_t tvmgen_first_global_workspace[32];
module @first attributes {usmp.model_name = "first"} {
  func.func @main(%in: memref<2x4xf32>, %out: memref<2x4xf32>) {
    %a = memref.alloc() : memref<2x4xf32>
    linalg.add ins(%in, %in : memref<2x4xf32>, memref<2x4xf32>) outs(%a : memref<2x4xf32>)
    linalg.add ins(%a, %in : memref<2x4xf32>, memref<2x4xf32>) outs(%out : memref<2x4xf32>)
    return
  }
}

// CHECK-LABEL: module @second
// CHECK: emitc.file "tvmgen_second.h"
// CHECK: #define TVMGEN_SECOND_GLOBAL_WORKSPACE_WORKSPACE_POOL_SIZE 64
// CHECK: emitc.file "tvmgen_second.c"
// CHECK: static uint8_t tvmgen_second_global_workspace[64];
// CHECK-NOT: tvmgen_first
module @second attributes {usmp.model_name = "second"} {
  func.func @main(%x: memref<4x4xf32>, %y: memref<4x4xf32>) {
    %b = memref.alloc() : memref<4x4xf32>
    linalg.add ins(%x, %x : memref<4x4xf32>, memref<4x4xf32>) outs(%b : memref<4x4xf32>)
    linalg.add ins(%b, %x : memref<4x4xf32>, memref<4x4xf32>) outs(%y : memref<4x4xf32>)
    return
  }
}
