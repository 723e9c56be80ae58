// An scf.for carrying tensors reaches C: usmp-copy-yielded-buffers turns
// the carried buffers into buffers allocated before the loop, which the
// iterations copy into (C cannot assign arrays). The loop swaps its two
// tensors, so one copy overwrites what the other yields and goes through a
// buffer of its own; %w, computed before the loop, stays live through it.

// RUN: rm -rf %t && mkdir -p %t
// RUN: usmp-opt %s --usmp-from-tosa --usmp-pipeline=model-name=l --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t
// RUN: clang-22 -std=c99 -Wall -Wextra -Werror -pedantic -fsanitize=address,undefined -fno-sanitize-recover=all -I %t %S/Inputs/loop-carried-tensors-app.c %t/tvmgen_l.c -o %t/app
// RUN: %t/app | FileCheck %s

// (t, s) = (a, b), then three times (t + 2b - s, t): t = 4b - a, s = 3b.
// CHECK: 69 138 207 276

func.func @main(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %w = tosa.add %b, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %r:2 = scf.for %i = %c0 to %c3 step %c1 iter_args(%t = %a, %s = %b) -> (tensor<4xf32>, tensor<4xf32>) {
    %u = tosa.add %t, %w : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    %v = tosa.sub %u, %s : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    scf.yield %v, %t : tensor<4xf32>, tensor<4xf32>
  }
  %out = tosa.add %r#0, %r#1 : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %out : tensor<4xf32>
}
