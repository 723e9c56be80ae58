/* Runs the model of rank-zero-helper.mlir twice; defines its @bias. */
#include "tvmgen_h.h"
#include <stdio.h>
float tvmgen_h_bias[1] = {0.5f};
int main(void) {
  float inputs[2] = {3.0f, 1.0f}, in, out, previous;
  struct tvmgen_h_inputs ins = {&in};
  struct tvmgen_h_outputs outs = {&out, &previous};
  int i;
  for (i = 0; i < 2; ++i) {
    in = inputs[i];
    if (tvmgen_h_run(&ins, &outs) != 0)
      return 1;
    printf("out=%g previous=%g\n", out, previous);
  }
  return 0;
}
