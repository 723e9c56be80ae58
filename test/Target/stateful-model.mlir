// A model with state (TOSA variables) reaches C: each variable is a static
// array of the generated source, so its value carries from one run to the
// next. @sum starts at its initial value, @count at zero; each run returns
// @sum as it was before the run and the count after it. @count is defined
// after the function using it, which C must see the other way round.

// RUN: rm -rf %t && mkdir -p %t
// RUN: usmp-opt %s --usmp-from-tosa --usmp-pipeline=model-name=acc --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -fsanitize=address,undefined -fno-sanitize-recover=all -I %t %S/Inputs/stateful-model-app.c %t/tvmgen_acc.c -o %t/app
// RUN: %t/app | FileCheck %s

// CHECK: 1: 1 2 3 4
// CHECK-NEXT: 2: 11 22 33 44
// CHECK-NEXT: 3: 21 42 63 84

tosa.variable @sum = dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
func.func @main(%a: tensor<4xf32>) -> (tensor<4xf32>, tensor<1xi32>) {
  %s = tosa.variable_read @sum : tensor<4xf32>
  %n = tosa.add %s, %a : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  tosa.variable_write @sum, %n : tensor<4xf32>
  %c = tosa.variable_read @count : tensor<1xi32>
  %one = "tosa.const"() {values = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
  %c2 = tosa.add %c, %one : (tensor<1xi32>, tensor<1xi32>) -> tensor<1xi32>
  tosa.variable_write @count, %c2 : tensor<1xi32>
  return %s, %c2 : tensor<4xf32>, tensor<1xi32>
}
tosa.variable @count : tensor<1xi32>
