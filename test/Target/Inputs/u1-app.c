/* An application of use case U1 as TVM's: no pools declared, so the
   generated code owns the workspace and run takes the tensors alone. */
#include "tvmgen_default.h"
#include <stdio.h>

int main(void) {
  float input[16], output[16];
  for (int i = 0; i < 16; ++i)
    input[i] = (float)(i + 1);
  struct tvmgen_default_inputs inputs = {.input0 = input};
  struct tvmgen_default_outputs outputs = {.output0 = output};
  if (tvmgen_default_run(&inputs, &outputs) != 0)
    return 1;
  printf("output=%g %g %g\n", output[0], output[1], output[15]);
  return 0;
}
