/* Runs the model of int16-accumulators.mlir and prints what it computes. */
#include "tvmgen_w.h"
#include <stdint.h>
#include <stdio.h>
int main(void) {
  int16_t x[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9}, conv[4];
  int16_t a[4] = {32767, 32767, 32767, 32767},
          b[4] = {32767, 32767, 32767, 32767};
  int64_t matmul[1];
  struct tvmgen_w_inputs in = {x, a, b};
  struct tvmgen_w_outputs out = {conv, matmul};
  if (tvmgen_w_run(&in, &out) != 0)
    return 1;
  printf("conv=%d %d %d %d matmul=%lld\n", conv[0], conv[1], conv[2], conv[3],
         (long long)matmul[0]);
  return 0;
}
