// A model with state (TOSA variables) reaches C: each variable is a static
// array of the generated source, so its value carries from one run to the
// next, and reset_state sets it back. @sum starts at its initial value,
// @count at zero; each run returns @sum as it was before the run and the
// count after it. @count is defined after the function using it, which C
// must see the other way round; @sum_initial takes the name reset_state
// would give @sum's initial value, which then gets a number.

// RUN: rm -rf %t && mkdir -p %t
// RUN: usmp-opt %s --usmp-from-tosa --usmp-pipeline=model-name=acc --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t
// RUN: FileCheck %s --input-file=%t/tvmgen_acc.h --check-prefix=HEADER
// RUN: FileCheck %s --input-file=%t/tvmgen_acc.c --check-prefix=SOURCE
// RUN: clang++-22 -x c++ -std=c++17 -Wall -Wextra -Werror -pedantic -c %t/tvmgen_acc.c -o %t/cxx.o
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -fsanitize=address,undefined -fno-sanitize-recover=all -I %t %S/Inputs/stateful-model-app.c %t/tvmgen_acc.c -o %t/app
// RUN: %t/app | FileCheck %s

// The same model through upstream's tosa-to-mlprogram: its ml_program
// globals are lowered the same way.
// RUN: mkdir -p %t/mlp
// RUN: mlir-opt %s --tosa-to-mlprogram | usmp-opt --usmp-from-tosa --usmp-pipeline=model-name=acc --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t/mlp
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -fsanitize=address,undefined -fno-sanitize-recover=all -I %t/mlp %S/Inputs/stateful-model-app.c %t/mlp/tvmgen_acc.c -o %t/mlp/app
// RUN: %t/mlp/app | FileCheck %s

// HEADER: /* Sets the model's state, which it keeps from one run to the next, back to its initial value */
// HEADER-NEXT: extern void tvmgen_acc_reset_state(void);

// SOURCE: #include <string.h>
// SOURCE-DAG: static float tvmgen_acc_sum[4] = {1.000000000e+00f, 2.000000000e+00f, 3.000000000e+00f, 4.000000000e+00f};
// SOURCE-DAG: static const float tvmgen_acc_sum_initial_1[4] = {1.000000000e+00f, 2.000000000e+00f, 3.000000000e+00f, 4.000000000e+00f};
// SOURCE-DAG: static int32_t tvmgen_acc_sum_initial[1] = {5};
// SOURCE-DAG: static const int32_t tvmgen_acc_sum_initial_initial[1] = {5};
// SOURCE-DAG: static int32_t tvmgen_acc_count[1];
// SOURCE-LABEL: void tvmgen_acc_reset_state(void) {
// SOURCE-DAG: memcpy(tvmgen_acc_sum, tvmgen_acc_sum_initial_1, sizeof(tvmgen_acc_sum));
// SOURCE-DAG: memcpy(tvmgen_acc_sum_initial, tvmgen_acc_sum_initial_initial, sizeof(tvmgen_acc_sum_initial));
// SOURCE-DAG: memset(tvmgen_acc_count, 0, sizeof(tvmgen_acc_count));

// CHECK: 1: 1 2 3 4 | 6
// CHECK-NEXT: 2: 11 22 33 44 | 7
// CHECK-NEXT: 3: 21 42 63 84 | 8
// CHECK-NEXT: reset
// CHECK-NEXT: 1: 1 2 3 4 | 6

tosa.variable @sum = dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
tosa.variable @sum_initial = dense<5> : tensor<1xi32>
func.func @main(%a: tensor<4xf32>) -> (tensor<4xf32>, tensor<1xi32>, tensor<1xi32>) {
  %s = tosa.variable_read @sum : tensor<4xf32>
  %n = tosa.add %s, %a : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  tosa.variable_write @sum, %n : tensor<4xf32>
  %c = tosa.variable_read @count : tensor<1xi32>
  %one = "tosa.const"() {values = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
  %c2 = tosa.add %c, %one : (tensor<1xi32>, tensor<1xi32>) -> tensor<1xi32>
  tosa.variable_write @count, %c2 : tensor<1xi32>
  %i = tosa.variable_read @sum_initial : tensor<1xi32>
  %i2 = tosa.add %i, %one : (tensor<1xi32>, tensor<1xi32>) -> tensor<1xi32>
  tosa.variable_write @sum_initial, %i2 : tensor<1xi32>
  return %s, %c2, %i2 : tensor<4xf32>, tensor<1xi32>, tensor<1xi32>
}
tosa.variable @count : tensor<1xi32>
