/* Runs the model of tosa-scatter-transpose-conv.mlir and prints what it
   computes. */
#include "tvmgen_s.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
int main(void) {
  int32_t values[4] = {10, 20, 30, 40}, indices[2] = {3, 0}, input[2] = {7, 8};
  int32_t scattered[4];
  float x[2] = {1.0f, 2.0f}, y[3];
  struct tvmgen_s_inputs in = {values, indices, input, x};
  struct tvmgen_s_outputs out = {scattered, y};
  struct tvmgen_s_workspace_pools pools = {
      malloc(TVMGEN_S_GLOBAL_WORKSPACE_WORKSPACE_POOL_SIZE)};
  if (tvmgen_s_run(&in, &out, &pools) != 0)
    return 1;
  printf("scatter=%d %d %d %d transpose_conv=%g %g %g\n", (int)scattered[0],
         (int)scattered[1], (int)scattered[2], (int)scattered[3], y[0], y[1],
         y[2]);
  free(pools.global_workspace);
  return 0;
}
