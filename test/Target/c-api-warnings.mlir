// The generated C builds warning-free under -Werror (docs/CAPI.md) when the
// model leaves an input unread and an scf.while result unused, when an
// operator is defined after its caller, when the API functions take no
// parameters, when a map function does not read the pools it is given, when
// 2-D buffers of 16-bit floats are viewed as rows, when the model calls
// functions the application or the C library provides, when the module has
// functions and globals the entry never uses, when a constant global is
// passed to a call, and under GCC at -O2.

// RUN: rm -rf %t
// RUN: usmp-opt %s --usmp-pipeline --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t/io
// RUN: FileCheck %s --input-file=%t/io/tvmgen_default.c
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -c %t/io/tvmgen_default.c -o %t/io/c.o
// RUN: clang++-22 -x c++ -std=c++17 -Wall -Wextra -Werror -pedantic -c %t/io/tvmgen_default.c -o %t/io/cxx.o

// RUN: usmp-opt %s --usmp-pipeline=use-workspace-io=1 --convert-usmp-to-emitc=internal-pools=global_workspace | usmp-translate --usmp-emit-c --output-dir=%t/internal
// RUN: FileCheck %s --input-file=%t/internal/tvmgen_default.h --check-prefix=VOID
// RUN: FileCheck %s --input-file=%t/internal/tvmgen_default.c --check-prefix=VOID
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -c %t/internal/tvmgen_default.c -o %t/internal/c.o
// RUN: clang++-22 -x c++ -std=c++17 -Wall -Wextra -Werror -pedantic -c %t/internal/tvmgen_default.c -o %t/internal/cxx.o

// RUN: usmp-opt %S/Inputs/internal-output.mlir "--usmp-pipeline=use-workspace-io=1 pools=dtcm:size_hint=16,sram" --convert-usmp-to-emitc=internal-pools=dtcm | usmp-translate --usmp-emit-c --output-dir=%t/map
// RUN: FileCheck %s --input-file=%t/map/tvmgen_default.c --check-prefix=MAP
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -c %t/map/tvmgen_default.c -o %t/map/c.o

// RUN: usmp-opt %S/Inputs/half-rows.mlir --usmp-pipeline --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t/half
// RUN: FileCheck %s --input-file=%t/half/tvmgen_default.c --check-prefix=HALF
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -c %t/half/tvmgen_default.c -o %t/half/c.o
// RUN: clang++-22 -x c++ -std=c++17 -Wall -Wextra -Werror -pedantic -c %t/half/tvmgen_default.c -o %t/half/cxx.o

// RUN: usmp-opt %S/Inputs/external-calls.mlir --usmp-pipeline --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t/extern
// RUN: FileCheck %s --input-file=%t/extern/tvmgen_default.c --check-prefix=EXTERN
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -c %t/extern/tvmgen_default.c -o %t/extern/c.o
// RUN: clang++-22 -x c++ -std=c++17 -Wall -Wextra -Werror -pedantic -c %t/extern/tvmgen_default.c -o %t/extern/cxx.o

// EXTERN: /* Model code */
// EXTERN-NEXT: #ifdef __cplusplus
// EXTERN-NEXT: extern "C" {
// EXTERN-NEXT: #endif
// EXTERN-NEXT: extern float my_kernel(float);
// EXTERN-NEXT: extern float expf(float);
// EXTERN-NEXT: extern float indirect_kernel(float);
// EXTERN-NEXT: extern float a1(float);
// EXTERN-NEXT: extern double y0(double);
// EXTERN-NEXT: #ifdef __cplusplus
// EXTERN-NEXT: }
// EXTERN-NEXT: #endif
// EXTERN-NEXT: static void tvmgen_default_main(
// EXTERN-NOT: my_kernel(float)

// RUN: usmp-opt %S/Inputs/unreachable.mlir --usmp-pipeline --convert-usmp-to-emitc -o %t/unreachable.mlir 2>&1 | FileCheck %s --check-prefix=UNREACHABLE
// RUN: usmp-translate %t/unreachable.mlir --usmp-emit-c --output-dir=%t/unreachable
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -c %t/unreachable/tvmgen_default.c -o %t/unreachable/c.o
// RUN: not grep -e unused -e other -e table %t/unreachable/tvmgen_default.c

// The remarks do not print the functions.
// UNREACHABLE: remark: @unused is not called from the entry @main; it is left out of the C
// UNREACHABLE-NOT: see current operation
// UNREACHABLE: remark: @other is not called from the entry @main; it is left out of the C
// UNREACHABLE-NOT: see current operation

// RUN: usmp-opt %S/Inputs/global-call.mlir --usmp-pipeline --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t/global
// RUN: FileCheck %s --input-file=%t/global/tvmgen_default.c --check-prefix=GLOBAL
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -c %t/global/tvmgen_default.c -o %t/global/c.o
// RUN: clang++-22 -x c++ -std=c++17 -Wall -Wextra -Werror -pedantic -c %t/global/tvmgen_default.c -o %t/global/cxx.o

// GCC 12 at -O2 reports false out-of-bounds accesses through some views of
// pools: the source turns -Warray-bounds off for GCC.
// RUN: usmp-opt %S/Inputs/gcc-array-bounds.mlir --usmp-from-tosa --usmp-pipeline --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t/gcc
// RUN: gcc -std=c99 -O2 -Wall -Wextra -Werror -pedantic -c %t/gcc/tvmgen_default.c -o %t/gcc/c.o
// RUN: g++ -x c++ -std=c++17 -O2 -Wall -Wextra -Werror -pedantic -c %t/gcc/tvmgen_default.c -o %t/gcc/cxx.o

// GLOBAL-DAG: static int32_t tvmgen_default_g[4] = {1, 2, 3, 4};
// GLOBAL-DAG: static const int32_t tvmgen_default_k[4] = {5, 6, 7, 8};

// HALF-DAG: typedef _Float16 tvmgen_default_row_2_Float16[2];
// HALF-DAG: typedef __bf16 tvmgen_default_row_2_bf16[2];
// HALF: float [[HALF:v[0-9]+]] = 5.000000000e-01f;
// HALF-NEXT: __bf16 v{{[0-9]+}} = (__bf16) [[HALF]];
// HALF-NOT: bf16;

// Prototypes of every model function come before the definitions.
// CHECK: /* Model code */
// CHECK-NEXT: static void tvmgen_default_main_impl(
// CHECK-NEXT: static void tvmgen_default_main(
// CHECK-NEXT: static void tvmgen_default_op_impl(
// CHECK-NEXT: static void tvmgen_default_op(
// CHECK: static void tvmgen_default_main(float [[IN:v[0-9]+]][16], float [[UNREAD:v[0-9]+]][4],
// CHECK-NEXT: (void)[[UNREAD]];
// CHECK-NOT: [[UNREAD]]
// CHECK: return;

// VOID: tvmgen_default_map_inputs(void)
// VOID: tvmgen_default_map_outputs(void)
// VOID: int32_t tvmgen_default_run(void)

// MAP: struct tvmgen_default_outputs tvmgen_default_map_outputs(struct tvmgen_default_workspace_pools* [[POOLS:v[0-9]+]]) {
// MAP-NEXT: (void)[[POOLS]];
// MAP-NEXT: struct tvmgen_default_outputs v{{[0-9]+}};
// MAP-NEXT: uint8_t* v{{[0-9]+}} = (uint8_t*) tvmgen_default_dtcm;

func.func @main(%in: memref<16xf32>, %unread: memref<4xf32>, %out: memref<16xf32>) {
  %c0 = arith.constant 0 : index
  %c0i = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %c4 = arith.constant 4 : i32
  %a = memref.alloc() : memref<16xf32>
  func.call @op(%in, %a) : (memref<16xf32>, memref<16xf32>) -> ()
  %r = scf.while (%i = %c0i) : (i32) -> i32 {
    %cond = arith.cmpi slt, %i, %c4 : i32
    scf.condition(%cond) %i : i32
  } do {
  ^bb0(%i: i32):
    %x = memref.load %a[%c0] : memref<16xf32>
    %y = arith.addf %x, %x : f32
    memref.store %y, %a[%c0] : memref<16xf32>
    %n = arith.addi %i, %c1 : i32
    scf.yield %n : i32
  }
  func.call @op(%a, %out) : (memref<16xf32>, memref<16xf32>) -> ()
  return
}
func.func private @op(%x: memref<16xf32>, %y: memref<16xf32>) {
  %s = memref.alloc() : memref<16xf32>
  memref.copy %x, %s : memref<16xf32> to memref<16xf32>
  memref.copy %s, %y : memref<16xf32> to memref<16xf32>
  return
}
