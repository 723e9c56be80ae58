// I/O names appear in the header's comments as written, except that "*/"
// (which would end the comment), "/*" (which compilers warn about) and "??"
// (a trigraph could make a backslash) are split by a space, and backslashes
// (which join lines before comments end) and control characters become '_'.

// RUN: rm -rf %t
// RUN: usmp-opt %s --usmp-pipeline --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t
// RUN: FileCheck %s --input-file=%t/tvmgen_default.h
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -c %t/tvmgen_default.c -o %t/c.o
// Macros take the names with runs of '_' made one and none at either end:
// C++ reserves names with two in a row.
// RUN: clang++-22 -x c++ -std=c++17 -Wreserved-macro-identifier -Wreserved-identifier -Werror -fsyntax-only %t/tvmgen_default.h

// CHECK: /* Input tensor x* /y size (in bytes) */
// CHECK-NEXT: #define TVMGEN_DEFAULT_X_Y_SIZE 16
// CHECK: /* Input tensor b__* /? ?/ size (in bytes) */
// CHECK-NEXT: #define TVMGEN_DEFAULT_B_SIZE 16
// CHECK: /* Output tensor a/ *b* / size (in bytes) */
// CHECK-NEXT: #define TVMGEN_DEFAULT_A_B_SIZE 16

func.func @main(%in: memref<4xf32> {usmp.io = #usmp.io<input "x*/y", index = 0>}, %in2: memref<4xf32> {usmp.io = #usmp.io<input "b\\\0A*/??/", index = 1>}, %out: memref<4xf32> {usmp.io = #usmp.io<output "a/*b*/", index = 0>}) {
  memref.copy %in, %out : memref<4xf32> to memref<4xf32>
  memref.copy %in2, %out : memref<4xf32> to memref<4xf32>
  return
}
