/* Runs the model of rank-zero.mlir and prints what it computes. */
#include "tvmgen_z.h"
#include <stdio.h>
int main(void) {
  float x[4] = {-1.0f, 2.5f, 0.0f, 1.5f}, s = 2.0f, total, y[4];
  struct tvmgen_z_inputs in = {x, &s};
  struct tvmgen_z_outputs out = {&total, y};
  if (tvmgen_z_run(&in, &out) != 0)
    return 1;
  printf("total=%g y=%g %g %g %g\n", total, y[0], y[1], y[2], y[3]);
  return 0;
}
