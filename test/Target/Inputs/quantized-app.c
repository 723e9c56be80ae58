/* Runs the model of quantized.mlir and prints what it computes. */
#include "tvmgen_q.h"
#include <stdint.h>
#include <stdio.h>
int main(void) {
  int8_t x[6] = {4, 12, -4, -12, 127, -128}, single[6], twice[6];
  struct tvmgen_q_inputs in = {x};
  struct tvmgen_q_outputs out = {single, twice};
  tvmgen_q_run(&in, &out);
  for (int i = 0; i < 6; ++i)
    printf("x=%d single=%d double=%d\n", x[i], single[i], twice[i]);
  return 0;
}
