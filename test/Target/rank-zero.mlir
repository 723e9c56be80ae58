// C has no rank-0 arrays: a rank-0 buffer parameter (here a scalar model
// input and output, and in Inputs/rank-zero-helper.mlir buffers and
// globals passed to helpers) is a one-element array, and its loads and
// stores are of element 0.

// RUN: rm -rf %t && mkdir -p %t/helper
// RUN: usmp-opt %s --usmp-from-tosa --usmp-pipeline=model-name=z --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t
// RUN: FileCheck %s --check-prefix=C < %t/tvmgen_z.c
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -fsanitize=address,undefined -fno-sanitize-recover=all -I %t %S/Inputs/rank-zero-app.c %t/tvmgen_z.c -o %t/app
// RUN: %t/app | FileCheck %s
// RUN: usmp-opt %S/Inputs/rank-zero-helper.mlir --usmp-pipeline=model-name=h --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t/helper
// RUN: FileCheck %s --check-prefix=HELPER < %t/helper/tvmgen_h.c
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -fsanitize=address,undefined -fno-sanitize-recover=all -I %t/helper %S/Inputs/rank-zero-helper-app.c %t/helper/tvmgen_h.c -o %t/helper/app
// RUN: %t/helper/app | FileCheck %s --check-prefix=RUNS

// C: static void tvmgen_z_main(float v1[4], float v2[1], float v3[1], float v4[4]);

// CHECK: total=3 y=-2 5 0 3

// HELPER: static void tvmgen_h_put(float v1[1], float v2);
// HELPER: static void tvmgen_h_scale(float v1[1], float v2[1], float v3[1]);
// HELPER: static float tvmgen_h_two[1] = {2.000000000e+00f};
// HELPER: static float tvmgen_h_last[1];
// HELPER: extern float tvmgen_h_bias[1];
// HELPER: tvmgen_h_scale(v{{[0-9]+}}, tvmgen_h_two, v{{[0-9]+}});
// HELPER: tvmgen_h_put(tvmgen_h_last, v{{[0-9]+}});

// Two runs with the application's bias 0.5: the second sees the first's
// input through @last.
// RUNS: out=7 previous=0
// RUNS-NEXT: out=3 previous=3.5

func.func @main(%x: tensor<4xf32>, %s: tensor<f32>) -> (tensor<f32>, tensor<4xf32>) {
  %sum = tosa.reduce_sum %x {axis = 0 : i32} : (tensor<4xf32>) -> tensor<1xf32>
  %rank0 = tosa.const_shape {values = dense<> : tensor<0xindex>} : () -> !tosa.shape<0>
  %total = tosa.reshape %sum, %rank0 : (tensor<1xf32>, !tosa.shape<0>) -> tensor<f32>
  %rank1 = tosa.const_shape {values = dense<1> : tensor<1xindex>} : () -> !tosa.shape<1>
  %scale = tosa.reshape %s, %rank1 : (tensor<f32>, !tosa.shape<1>) -> tensor<1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %y = tosa.mul %x, %scale, %shift : (tensor<4xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<4xf32>
  return %total, %y : tensor<f32>, tensor<4xf32>
}
