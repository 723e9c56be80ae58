// Converters keep a model's constants in resource blobs (dense_resource):
// their bytes become C arrays, or the data of a constant pool. Booleans take
// a byte each in a resource, and in a pool (C's bool). A resource whose data
// is missing or of the wrong size is an error at its global.

// RUN: rm -rf %t && mkdir -p %t/arrays %t/pool
// RUN: usmp-opt %s --usmp-from-tosa --usmp-pipeline=model-name=r --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t/arrays
// RUN: FileCheck %s --check-prefix=ARRAYS < %t/arrays/tvmgen_r.c
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -fsanitize=address,undefined -fno-sanitize-recover=all -I %t/arrays %S/Inputs/resource-constants-app.c %t/arrays/tvmgen_r.c -o %t/arrays/app
// RUN: %t/arrays/app | FileCheck %s
// RUN: usmp-opt %s --usmp-from-tosa --usmp-pipeline="model-name=r pools=sram,flash:kind=constant" --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t/pool
// RUN: FileCheck %s --check-prefix=POOL < %t/pool/tvmgen_r.h
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -fsanitize=address,undefined -fno-sanitize-recover=all -I %t/pool %S/Inputs/resource-constants-app.c %t/pool/tvmgen_r.c -o %t/pool/app
// RUN: %t/pool/app | FileCheck %s
// RUN: usmp-opt %S/Inputs/resource-errors.mlir -split-input-file --usmp-pipeline --convert-usmp-to-emitc -verify-diagnostics -o /dev/null

// ARRAYS: {1.000000000e+00f, 2.000000000e+00f, 3.000000000e+00f, -4.000000000e+00f}
// ARRAYS: {true, false, true, true}
// POOL: #define TVMGEN_R_FLASH_CONSTANT_POOL_DATA
// POOL-NEXT: 0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x40, 0x40, 0x00, 0x00, 0x80, 0xc0, \
// POOL-NEXT: 0x01, 0x00, 0x01, 0x01,

// n * n / 2, rounded: the shift of 1 read from its resource.
// CHECK: y=1.5 0 3 -4 m=5 5 8 13

func.func @main(%x: tensor<4xf32>, %n: tensor<4xi32>) -> (tensor<4xf32>, tensor<4xi32>) {
  %w = "tosa.const"() <{values = dense_resource<weights> : tensor<4xf32>}> : () -> tensor<4xf32>
  %keep = "tosa.const"() <{values = dense_resource<keep> : tensor<4xi1>}> : () -> tensor<4xi1>
  %sum = tosa.add %x, %w : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %y = tosa.select %keep, %sum, %x : (tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  // The lowering of tosa.mul reads its shift: a resource aborted it.
  %shift = "tosa.const"() <{values = dense_resource<shift> : tensor<1xi8>}> : () -> tensor<1xi8>
  %m = tosa.mul %n, %n, %shift : (tensor<4xi32>, tensor<4xi32>, tensor<1xi8>) -> tensor<4xi32>
  return %y, %m : tensor<4xf32>, tensor<4xi32>
}
{-#
  dialect_resources: {
    builtin: {
      weights: "0x040000000000803F0000004000004040000080C0",
      keep: "0x0100000001000101",
      shift: "0x0100000001"
    }
  }
#-}
