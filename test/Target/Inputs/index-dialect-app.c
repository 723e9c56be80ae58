/* Runs both models of index-dialect.mlir and prints what they compute
   (the transforms rounded). */
#include "tvmgen_f.h"
#include "tvmgen_x.h"
#include <math.h>
#include <stdint.h>
#include <stdio.h>
static void print(const char *name, const float *values, int count) {
  int i;
  printf("%s:", name);
  for (i = 0; i < count; ++i)
    printf(" %ld", lroundf(values[i]));
  printf("\n");
}
int main(void) {
  float x[8] = {1, 2, 3, 4, 0, 0, 0, 0}, zero[8] = {0};
  float rre[6], rim[6], fre[8], fim[8];
  struct tvmgen_f_inputs fin = {x, x, zero};
  struct tvmgen_f_outputs fout = {rre, rim, fre, fim};
  int64_t operands[2] = {-7, 3}, results[26];
  struct tvmgen_x_inputs xin = {operands};
  struct tvmgen_x_outputs xout = {results};
  int i;
  if (tvmgen_f_run(&fin, &fout) != 0 || tvmgen_x_run(&xin, &xout) != 0)
    return 1;
  print("rfft2d re", rre, 6);
  print("rfft2d im", rim, 6);
  print("fft2d re", fre, 8);
  print("fft2d im", fim, 8);
  printf("ops:");
  for (i = 0; i < 26; ++i)
    printf(" %lld", (long long)results[i]);
  printf("\n");
  return 0;
}
