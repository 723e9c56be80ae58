/* Runs the model of reduce-vector.mlir and prints what it computes. */
#include "tvmgen_r.h"
#include <stdint.h>
#include <stdio.h>
int main(void) {
  int32_t x[4] = {-128, 127, 0, 5}, sum[1];
  float y[4] = {1.0f, 2.5f, -3.0f, 0.5f}, max[1];
  struct tvmgen_r_inputs in = {x, y};
  struct tvmgen_r_outputs out = {sum, max};
  tvmgen_r_run(&in, &out);
  printf("sum=%d max=%g\n", (int)sum[0], max[0]);
  return 0;
}
