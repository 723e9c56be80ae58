/* Runs the model of reshaped-call-arguments.mlir and prints its outputs. */
#include "tvmgen_r.h"
#include <stdio.h>
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
  if (tvmgen_r_run(&in, &out) != 0)
    return 1;
  print(c, " / ");
  print(d, " / ");
  print(shaped, "\n");
  return 0;
}
