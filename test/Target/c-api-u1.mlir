// U1: no pools declared; the model gets one default workspace pool, which
// the generated code owns (as TVM's), and I/O stays with the application.
// RUN: usmp-opt %s --usmp-pipeline --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t | FileCheck %s --check-prefix=FILES
// RUN: FileCheck %s --input-file=%t/tvmgen_default.h
// RUN: FileCheck %s --input-file=%t/tvmgen_default.c --check-prefix=SOURCE
// RUN: cc -std=c99 -Wall -Wextra -Werror -pedantic -c %t/tvmgen_default.c -o %t/c.o
// RUN: c++ -x c++ -std=c++17 -Wall -Wextra -Werror -pedantic -c %t/tvmgen_default.c -o %t/cxx.o
// An application written for TVM's U1 (inputs and outputs only) builds and
// runs.
// RUN: cc -std=c99 -Wall -Wextra -Werror -pedantic -I %t %S/Inputs/u1-app.c %t/tvmgen_default.c -o %t/app
// RUN: %t/app | FileCheck %s --check-prefix=APP
// APP: output=1 2 16

// FILES: tvmgen_default.h
// FILES: tvmgen_default.c

// CHECK: #ifndef TVMGEN_DEFAULT_H_
// CHECK-NEXT: #define TVMGEN_DEFAULT_H_
// CHECK-NEXT: #include <stdint.h>
// CHECK-NEXT: #ifdef __cplusplus
// CHECK-NEXT: extern "C" {
// CHECK-NEXT: #endif
// CHECK-NEXT: /* Input tensor input0 size (in bytes) */
// CHECK-NEXT: #define TVMGEN_DEFAULT_INPUT0_SIZE 64
// CHECK-NEXT: /* Output tensor output0 size (in bytes) */
// CHECK-NEXT: #define TVMGEN_DEFAULT_OUTPUT0_SIZE 64
// CHECK-NEXT: /* Input tensor pointers */
// CHECK-NEXT: struct tvmgen_default_inputs {
// CHECK-NEXT:   void* input0;
// CHECK-NEXT: };
// CHECK-NEXT: typedef struct tvmgen_default_inputs tvmgen_default_inputs;
// CHECK-NEXT: /* Output tensor pointers */
// CHECK-NEXT: struct tvmgen_default_outputs {
// CHECK-NEXT:   void* output0;
// CHECK-NEXT: };
// CHECK-NEXT: typedef struct tvmgen_default_outputs tvmgen_default_outputs;
// CHECK-NOT: workspace_pools
// CHECK-NOT: map_inputs
// CHECK: /* Runs the model; returns 0 on success */
// CHECK-NEXT: extern int32_t tvmgen_default_run(struct tvmgen_default_inputs*, struct tvmgen_default_outputs*);
// CHECK: #define TVMGEN_DEFAULT_WORKSPACE_SIZE 0
// CHECK: /* Bytes of internal pool global_workspace (a static array of the source) */
// CHECK-NEXT: #define TVMGEN_DEFAULT_GLOBAL_WORKSPACE_WORKSPACE_POOL_SIZE 128
// CHECK-NEXT: /* The same, by the name TVM's USMP RFC gives it */
// CHECK-NEXT: #define TVM_DEFAULT_GLOBAL_WORKSPACE_WORKSPACE_BUFFER_SIZE TVMGEN_DEFAULT_GLOBAL_WORKSPACE_WORKSPACE_POOL_SIZE
// CHECK: #endif /* TVMGEN_DEFAULT_H_ */

// The model's functions are static and prefixed; run unpacks the structs and
// passes the pool the source defines.
// SOURCE: #include "tvmgen_default.h"
// SOURCE: USMP_ALIGNED(16) static uint8_t tvmgen_default_global_workspace[128];
// SOURCE: static void tvmgen_default_main_impl(
// SOURCE: static void tvmgen_default_main(
// SOURCE: int32_t tvmgen_default_run(struct tvmgen_default_inputs* [[IN:v[0-9]+]], struct tvmgen_default_outputs* [[OUT:v[0-9]+]])
// SOURCE: ->input0;
// SOURCE: ->output0;
// SOURCE: tvmgen_default_global_workspace;
// SOURCE: tvmgen_default_main(
// SOURCE: return
func.func @main(%in: memref<16xf32>, %out: memref<16xf32>) {
  %a = memref.alloc() : memref<16xf32>
  %b = memref.alloc() : memref<16xf32>
  memref.copy %in, %a : memref<16xf32> to memref<16xf32>
  memref.copy %a, %b : memref<16xf32> to memref<16xf32>
  memref.copy %b, %out : memref<16xf32> to memref<16xf32>
  return
}
