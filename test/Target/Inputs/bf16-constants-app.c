/* Runs the model of bf16-constants.mlir and prints the bits it outputs. */
#include "tvmgen_b.h"
#include <stdint.h>
#include <stdio.h>
int main(void) {
  uint16_t bits[8];
  struct tvmgen_b_outputs out = {bits};
  int i;
  if (tvmgen_b_run(&out) != 0)
    return 1;
  for (i = 0; i < 8; ++i)
    printf("%04x%s", bits[i], i == 7 ? "\n" : " ");
  return 0;
}
