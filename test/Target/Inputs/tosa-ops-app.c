/* Runs the model of tosa-ops.mlir, with its condition true then false and
   its loop count 3 then 0, and prints what it computes. */
#include "tvmgen_s.h"
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
int main(void) {
  int32_t values[4] = {10, 20, 30, 40}, indices[2] = {3, 0}, input[2] = {7, 8};
  int32_t scattered[4];
  float x[2] = {1.0f, 2.0f}, y[3];
  bool condition = true;
  float a[3] = {1, 2, 3}, b[3] = {4, 5, 6}, chosen[3], looped[3], sliced[2];
  int32_t n = 3;
  struct tvmgen_s_inputs in = {values, indices, input, x, &condition, a, b, &n};
  struct tvmgen_s_outputs out = {scattered, y, chosen, looped, sliced};
  if (tvmgen_s_run(&in, &out) != 0)
    return 1;
  printf("scatter=%d %d %d %d transpose_conv=%g %g %g cond_if=%g %g %g "
         "while_loop=%g %g %g sliced=%g %g\n",
         (int)scattered[0], (int)scattered[1], (int)scattered[2],
         (int)scattered[3], y[0], y[1], y[2], chosen[0], chosen[1], chosen[2],
         looped[0], looped[1], looped[2], sliced[0], sliced[1]);
  condition = false;
  n = 0;
  if (tvmgen_s_run(&in, &out) != 0)
    return 1;
  printf("cond_if=%g %g %g while_loop=%g %g %g sliced=%g %g\n", chosen[0],
         chosen[1], chosen[2], looped[0], looped[1], looped[2], sliced[0],
         sliced[1]);
  return 0;
}
