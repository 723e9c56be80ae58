// A model whose state the lowering drops as unread (the load's value is
// unused) keeps its reset_state, empty: the C API does not change with dead
// code.

// RUN: rm -rf %t
// RUN: usmp-opt %s --usmp-pipeline=model-name=m --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t
// RUN: FileCheck %s --input-file=%t/tvmgen_m.h
// RUN: FileCheck %s --input-file=%t/tvmgen_m.c --check-prefix=SOURCE
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -c %t/tvmgen_m.c -o %t/c.o

// CHECK: extern void tvmgen_m_reset_state(void);
// SOURCE-NOT: string.h
// SOURCE-NOT: tvmgen_m_st
// SOURCE: void tvmgen_m_reset_state(void) {
// SOURCE-NEXT: return;
// SOURCE-NEXT: }

memref.global "private" @st : memref<4xf32> = dense<[1.0, 2.0, 3.0, 4.0]>
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  %s = memref.get_global @st : memref<4xf32>
  %c0 = arith.constant 0 : index
  %v = memref.load %s[%c0] : memref<4xf32>
  memref.copy %in, %out : memref<4xf32> to memref<4xf32>
  return
}
