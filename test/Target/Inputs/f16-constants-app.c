/* Runs the model of f16-constants.mlir on 1.0 and -2.0 and prints the bits
   it outputs. */
#include "tvmgen_h.h"
#include <stdint.h>
#include <stdio.h>
int main(void) {
  uint16_t in[2] = {0x3c00, 0xc000}, k[6], sum[2];
  struct tvmgen_h_inputs inputs = {in};
  struct tvmgen_h_outputs outputs = {k, sum};
  int i;
  if (tvmgen_h_run(&inputs, &outputs) != 0)
    return 1;
  for (i = 0; i < 6; ++i)
    printf("%04x ", k[i]);
  printf("%04x %04x\n", sum[0], sum[1]);
  return 0;
}
