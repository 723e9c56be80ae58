/* Runs the model of reshaped-call-arguments.mlir and prints its outputs. */
#include "tvmgen_r.h"
#include <stdio.h>
#include <stdlib.h>
static void print(const float *values, const char *end) {
  int i;
  for (i = 0; i < 6; ++i)
    printf("%g%s", values[i], i == 5 ? end : " ");
}
int main(void) {
  float a[6] = {1, -2, 3, -4, 5, -6}, b[6] = {1, -2, 3, -4, 5, -6};
  float c[6], d[6], shaped[6];
  struct tvmgen_r_inputs in = {a, b};
  struct tvmgen_r_outputs out = {c, d, shaped};
  struct tvmgen_r_workspace_pools pools = {
      malloc(TVMGEN_R_GLOBAL_WORKSPACE_WORKSPACE_POOL_SIZE)};
  if (tvmgen_r_run(&in, &out, &pools) != 0)
    return 1;
  print(c, " / ");
  print(d, " / ");
  print(shaped, "\n");
  free(pools.global_workspace);
  return 0;
}
