#include "tvmgen_l.h"

#include <stdio.h>

int main(void) {
  float a[4] = {1, 2, 3, 4}, b[4] = {10, 20, 30, 40}, out[4];
  struct tvmgen_l_inputs inputs = {a, b};
  struct tvmgen_l_outputs outputs = {out};
  if (tvmgen_l_run(&inputs, &outputs) != 0)
    return 1;
  printf("%g %g %g %g\n", out[0], out[1], out[2], out[3]);
  return 0;
}
