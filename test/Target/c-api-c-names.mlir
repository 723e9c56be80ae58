// Globals get the model's prefix, so they meet neither the printer's
// temporaries (v1, ...), nor keywords, nor the API; tensor and pool names
// that are keywords or macros in C get a trailing '_'.

// RUN: rm -rf %t
// RUN: usmp-opt %s --usmp-pipeline --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t
// RUN: FileCheck %s --input-file=%t/tvmgen_default.h
// RUN: FileCheck %s --input-file=%t/tvmgen_default.c --check-prefix=SOURCE
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -c %t/tvmgen_default.c -o %t/c.o
// RUN: clang++-22 -x c++ -std=c++17 -Wall -Wextra -Werror -pedantic -c %t/tvmgen_default.c -o %t/cxx.o

// A model name follows `tvmgen_` with one '_' at most in a row and none at
// either end (C++ reserves names with two), a leading digit as it is.
// RUN: usmp-opt %s --usmp-pipeline=model-name=1x --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t/digit
// RUN: FileCheck %s --input-file=%t/digit/tvmgen_1x.h --check-prefix=DIGIT
// DIGIT: #ifndef TVMGEN_1X_H_
// DIGIT: int32_t tvmgen_1x_run(
// RUN: usmp-opt %s --usmp-pipeline=model-name=-kws--v2_ --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t/runs
// RUN: FileCheck %s --input-file=%t/runs/tvmgen_kws_v2.h --check-prefix=RUNS
// RUNS: #ifndef TVMGEN_KWS_V2_H_
// RUNS: int32_t tvmgen_kws_v2_run(
// RUN: not usmp-opt %s --usmp-pipeline=model-name=-- --convert-usmp-to-emitc -o /dev/null 2>&1 | FileCheck %s --check-prefix=EMPTY
// EMPTY: error: model name '--' has no letter or digit (C names are ASCII letters, digits and '_')
// A name spelled otherwise in C is told (non-ASCII letters are no C
// letters).
// RUN: usmp-opt %s --usmp-pipeline=model-name=Ünï --convert-usmp-to-emitc -o /dev/null 2>&1 | FileCheck %s --check-prefix=SPELLED
// SPELLED: c-api-c-names.mlir:0:0: remark: model name 'Ünï' is 'n' in C (tvmgen_n)

// RUN: usmp-opt %S/Inputs/renamed-onto.mlir --usmp-pipeline=model-name=m --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t/onto
// RUN: FileCheck %s --input-file=%t/onto/tvmgen_m.c --check-prefix=ONTO
// ONTO: static void tvmgen_m_tvmgen_m_g(float [[X:v[0-9]+]][4], float [[Y:v[0-9]+]][4]) {
// ONTO-NEXT: tvmgen_m_a_b([[X]], [[Y]]);
// ONTO: static void tvmgen_m_g(float [[X:v[0-9]+]][4], float [[Y:v[0-9]+]][4]) {
// ONTO-NEXT: tvmgen_m_tvmgen_m_g([[X]], [[Y]]);

// A constant bufferization made gives way to a user's global of its C name:
// it takes the next free number.
// RUN: usmp-opt %S/Inputs/made-constant-names.mlir --usmp-pipeline=model-name=m --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t/made
// RUN: FileCheck %s --input-file=%t/made/tvmgen_m.c --check-prefix=MADE
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -c %t/made/tvmgen_m.c -o %t/made/c.o
// MADE-DAG: static const float tvmgen_m_constant_4xf32[4] = {1.000000000e+00f,
// MADE-DAG: static const float tvmgen_m_constant_4xf32_2[4] = {2.000000000e+00f,
// MADE-DAG: static const float tvmgen_m_constant_4xf32_1[4] = {3.000000000e+00f,

// Row typedefs begin with the model's prefix, so two models' sources build
// as one in C99, and avoid the model's own names.
// RUN: usmp-opt %S/Inputs/row-names.mlir --usmp-pipeline=model-name=a --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t/rows
// RUN: usmp-opt %S/Inputs/row-names.mlir --usmp-pipeline=model-name=b --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t/rows
// RUN: FileCheck %s --input-file=%t/rows/tvmgen_a.c --check-prefix=ROWS
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -I %t/rows -c %S/Inputs/unity-rows.c -o %t/rows/unity.o
// ROWS: typedef float tvmgen_a_row_4_float_1[4];
// POSIX reserves names ending in '_t'.
// ROWS: typedef int8_t tvmgen_a_row_3_int8[3];
// ROWS: static void tvmgen_a_row_4_float(
// ROWS: tvmgen_a_row_4_float_1* v{{[0-9]+}} = (tvmgen_a_row_4_float_1*)

// Names C reserves, beginning with '_' and a capital (C11's keywords among
// them), get a 'v' in front; runs of '_' become one, as C++ reserves names
// with two in a row ('__x' is '_x').
// RUN: usmp-opt %S/Inputs/reserved-names.mlir --usmp-pipeline --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t/reserved
// RUN: FileCheck %s --input-file=%t/reserved/tvmgen_default.h --check-prefix=RESERVED
// RUN: clang-22 -std=c11 -Wall -Wextra -Werror -pedantic -c %t/reserved/tvmgen_default.c -o %t/reserved/c.o
// RUN: clang++-22 -x c++ -std=c++17 -Wall -Wextra -Werror -c %t/reserved/tvmgen_default.c -o %t/reserved/cxx.o
// RUN: clang++-22 -x c++ -std=c++17 -Wreserved-identifier -Wreserved-macro-identifier -Werror -fsyntax-only %t/reserved/tvmgen_default.h
// Macros drop the '_' at the ends, which the remark tells too.
// RUN: usmp-opt %S/Inputs/reserved-names.mlir --usmp-pipeline --convert-usmp-to-emitc -o /dev/null 2>&1 | FileCheck %s --check-prefix=ENDS
// ENDS: remark: input '_Bool' is 'v_Bool' in C ('BOOL' in macros)
// ENDS: remark: input '__x' is '_x' in C ('X' in macros)
// RESERVED: void* v_Bool;
// RESERVED-NEXT: void* _x;
// RESERVED: void* v_Complex;
// RESERVED-NEXT: void* v_Static_assert;

// Names that are macros outside strict C99 (glibc's M_PI, C23's INT8_WIDTH,
// GNU C's linux, <stdlib.h>'s EXIT_SUCCESS in C++) get the '_' too, so the
// source builds as GNU C, C23 and C++ with their default feature macros.
// RUN: usmp-opt %S/Inputs/macro-names.mlir --usmp-pipeline --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t/macros
// RUN: FileCheck %s --input-file=%t/macros/tvmgen_default.h --check-prefix=MACROS
// RUN: clang-22 -std=gnu17 -Wall -Wextra -Werror -c %t/macros/tvmgen_default.c -o %t/macros/gnu.o
// RUN: clang-22 -std=c23 -Wall -Wextra -Werror -c %t/macros/tvmgen_default.c -o %t/macros/c23.o
// RUN: clang++-22 -x c++ -std=c++17 -Wall -Wextra -Werror -c %t/macros/tvmgen_default.c -o %t/macros/cxx.o

// MACROS: void* M_PI_;
// MACROS-NEXT: void* linux_;
// MACROS: void* INT8_WIDTH_;
// MACROS-NEXT: void* EXIT_SUCCESS_;

// CHECK: #define TVMGEN_DEFAULT_FOR_SIZE 16
// CHECK: #define TVMGEN_DEFAULT_INT_SIZE 16
// CHECK: struct tvmgen_default_inputs {
// CHECK-NEXT: void* for_;
// CHECK: struct tvmgen_default_outputs {
// CHECK-NEXT: void* int_;
// CHECK: struct tvmgen_default_workspace_pools {
// CHECK-NEXT: void* int_;
// CHECK: #define TVMGEN_DEFAULT_INT_WORKSPACE_POOL_SIZE

// SOURCE: static float tvmgen_default_v1[4] =
// SOURCE: static float tvmgen_default_float[4] =
// SOURCE: static float tvmgen_default_tvmgen_default_run[4] =
// SOURCE: static void tvmgen_default_main_impl(float [[IN:v[0-9]+]][4], float {{v[0-9]+}}[4], float [[BUF:v[0-9]+]][4]) {
// The input is copied into the global, not into itself.
// SOURCE: float [[X:v[0-9]+]] = [[IN]][[[I:i[0-9]+]]];
// SOURCE-NEXT: tvmgen_default_v1[[[I]]] = [[X]];
// SOURCE: float [[Y:v[0-9]+]] = tvmgen_default_v1[[[J:i[0-9]+]]];
// SOURCE-NEXT: tvmgen_default_float[[[J]]] = [[Y]];
// SOURCE: float [[Z:v[0-9]+]] = tvmgen_default_tvmgen_default_run[[[K:i[0-9]+]]];
// SOURCE-NEXT: [[BUF]][[[K]]] = [[Z]];
// SOURCE: int32_t tvmgen_default_run(
// SOURCE: = {{v[0-9]+}}->for_;
// SOURCE: = {{v[0-9]+}}->int_;
// SOURCE: = {{v[0-9]+}}->int_;

usmp.pool workspace @int
memref.global "private" @v1 : memref<4xf32> = dense<0.0>
memref.global "private" @float : memref<4xf32> = dense<0.0>
memref.global "private" @tvmgen_default_run : memref<4xf32> = dense<0.0>
func.func @main(%in: memref<4xf32> {usmp.io = #usmp.io<input "for", index = 0>}, %out: memref<4xf32> {usmp.io = #usmp.io<output "int", index = 0>}) {
  %v = memref.get_global @v1 : memref<4xf32>
  %f = memref.get_global @float : memref<4xf32>
  %r = memref.get_global @tvmgen_default_run : memref<4xf32>
  %a = memref.alloc() : memref<4xf32>
  memref.copy %in, %v : memref<4xf32> to memref<4xf32>
  memref.copy %v, %f : memref<4xf32> to memref<4xf32>
  memref.copy %r, %a : memref<4xf32> to memref<4xf32>
  memref.copy %a, %out : memref<4xf32> to memref<4xf32>
  return
}
