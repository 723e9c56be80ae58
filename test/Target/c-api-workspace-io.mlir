// Workspace I/O with names a front end gave (not C identifiers), and the
// selective form where only one output lives in the pool.
// RUN: usmp-opt %s --usmp-pipeline="use-workspace-io=1 model-name=kws pools=sram" --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t/all
// RUN: FileCheck %s --input-file=%t/all/tvmgen_kws.h
// RUN: FileCheck %s --input-file=%t/all/tvmgen_kws.c --check-prefix=SOURCE
// RUN: cc -std=c99 -Wall -Wextra -Werror -pedantic -c %t/all/tvmgen_kws.c -o %t/all/c.o
// RUN: usmp-opt %s --usmp-pipeline="workspace-io=Identity:0 model-name=kws pools=sram" --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t/some
// RUN: FileCheck %s --input-file=%t/some/tvmgen_kws.h --check-prefix=SELECTIVE
// RUN: cc -std=c99 -Wall -Wextra -Werror -pedantic -c %t/some/tvmgen_kws.c -o %t/some/c.o
// The brief's application of use case U4, as TVM's USMP RFC writes it
// (typedef names, the RFC's size macro), builds and runs.
// RUN: usmp-opt %s --usmp-pipeline="use-workspace-io=1 model-name=my_model pools=sram" --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t/rfc
// RUN: cc -std=c99 -Wall -Wextra -Werror -pedantic -I %t/rfc %S/Inputs/u4-rfc-app.c %t/rfc/tvmgen_my_model.c -o %t/rfc/app
// RUN: %t/rfc/app | FileCheck %s --check-prefix=RFC
// RFC: output=1 2 3 16

// CHECK: /* Input tensor serving_default_x:0 size (in bytes) */
// CHECK-NEXT: #define TVMGEN_KWS_SERVING_DEFAULT_X_0_SIZE 64
// CHECK: /* Output tensor Identity:0 size (in bytes) */
// CHECK-NEXT: #define TVMGEN_KWS_IDENTITY_0_SIZE 64
// CHECK: struct tvmgen_kws_inputs {
// CHECK-NEXT:   void* serving_default_x_0;
// CHECK: struct tvmgen_kws_outputs {
// CHECK-NEXT:   void* Identity_0;
// CHECK: extern struct tvmgen_kws_inputs tvmgen_kws_map_inputs(struct tvmgen_kws_workspace_pools*);
// CHECK: extern struct tvmgen_kws_outputs tvmgen_kws_map_outputs(struct tvmgen_kws_workspace_pools*);
// CHECK: /* Runs the model; returns 0 on success. Inputs in pools (serving_default_x_0) may be overwritten by a run: write them before each one (the plan report's "clobbered" says which are) */
// CHECK-NEXT: extern int32_t tvmgen_kws_run(struct tvmgen_kws_workspace_pools*);
// CHECK: #define TVMGEN_KWS_SRAM_WORKSPACE_POOL_SIZE 128

// map_inputs points into the pool at the planned offset.
// SOURCE: struct tvmgen_kws_inputs tvmgen_kws_map_inputs(struct tvmgen_kws_workspace_pools* [[P:v[0-9]+]])
// SOURCE: ->sram;
// SOURCE: = (uint8_t*)
// SOURCE: int64_t [[OFF:v[0-9]+]] = {{[0-9]+}};
// SOURCE: + [[OFF]];
// SOURCE: .serving_default_x_0 =

// Only the output is in the pool: it is mapped, the input is passed to run.
// SELECTIVE-NOT: map_inputs
// SELECTIVE: extern struct tvmgen_kws_outputs tvmgen_kws_map_outputs(struct tvmgen_kws_workspace_pools*);
// SELECTIVE: /* Runs the model; returns 0 on success */
// SELECTIVE-NEXT: extern int32_t tvmgen_kws_run(struct tvmgen_kws_inputs*, struct tvmgen_kws_workspace_pools*);
func.func @main(%in: memref<16xf32> {usmp.io = #usmp.io<input "serving_default_x:0", index = 0>},
                %out: memref<16xf32> {usmp.io = #usmp.io<output "Identity:0", index = 0>}) {
  %a = memref.alloc() : memref<16xf32>
  memref.copy %in, %a : memref<16xf32> to memref<16xf32>
  memref.copy %a, %out : memref<16xf32> to memref<16xf32>
  return
}
