// The C API's size macros count index elements of inputs and outputs 8
// bytes wide (as the pools do, so their slots hold them on every target),
// while the code and the application hold them in size_t: the source stops
// a compiler whose size_t is narrower (a 32-bit target, whose arrays would
// have half the bytes the macros say).

// RUN: rm -rf %t && mkdir -p %t/arg %t/pool %t/slot %t/stubs
// RUN: usmp-opt %s --usmp-pipeline --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t/arg
// RUN: FileCheck %s --check-prefix=CHECK-H < %t/arg/tvmgen_default.h
// RUN: FileCheck %s < %t/arg/tvmgen_default.c
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -c %t/arg/tvmgen_default.c -o /dev/null
// CHECK-H: #define TVMGEN_DEFAULT_INPUT0_SIZE 32
// CHECK: typedef char tvmgen_default_size_t_is_8_bytes[sizeof(size_t) == 8 ? 1 : -1];

// A freestanding 32-bit target stops there (the target has no C library
// here: empty math.h and string.h stand in), a 64-bit one compiles it.
// RUN: touch %t/stubs/math.h %t/stubs/string.h
// RUN: not clang-22 --target=armv7m-none-eabi -ffreestanding -std=c99 -fsyntax-only -isystem %t/stubs %t/arg/tvmgen_default.c 2>&1 | FileCheck %s --check-prefix=NARROW
// RUN: clang-22 --target=aarch64-none-elf -ffreestanding -std=c99 -fsyntax-only -isystem %t/stubs %t/arg/tvmgen_default.c
// NARROW: error: 'tvmgen_default_size_t_is_8_bytes' declared as an array with a negative size

// The same for an input in a pool.
// RUN: usmp-opt %s --usmp-pipeline=use-workspace-io=1 --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t/pool
// RUN: FileCheck %s < %t/pool/tvmgen_default.c

// Index elements only in a workspace slot need no check.
// RUN: usmp-opt %S/Inputs/index-in-pool.mlir --usmp-pipeline --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t/slot
// RUN: FileCheck %s --check-prefix=SLOT < %t/slot/tvmgen_default.c
// SLOT-NOT: size_t_is
// SLOT: tvmgen_default_run

func.func @main(%idx: memref<4xindex>, %in: memref<4xf32>, %out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  scf.for %i = %c0 to %c4 step %c1 {
    %j = memref.load %idx[%i] : memref<4xindex>
    %x = memref.load %in[%j] : memref<4xf32>
    memref.store %x, %out[%i] : memref<4xf32>
  }
  return
}
