/* Runs the model of narrow-integers.mlir on every pair of booleans and
   prints what it computes. */
#include "tvmgen_m.h"
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
int main(void) {
  int8_t a[4] = {0, 1, 0, 1}, b[4] = {0, 0, 1, 1}, cmp[4], minmax[4];
  int16_t c[4] = {-1, 1, 300, -3}, e[4], square[4], floor[4], ceil[4];
  int64_t x[2] = {0, 1}, y[2];
  size_t ix[2];
  float f[4];
  struct tvmgen_m_inputs in = {a, b, c, x};
  struct tvmgen_m_outputs out = {f, e, cmp, minmax, square, floor, ceil, y, ix};
  tvmgen_m_run(&in, &out);
  for (int i = 0; i < 4; ++i)
    printf("a=%d b=%d sitofp=%g extsi=%d cmp=%d minmax=%d square=%d "
           "c/-1=%d,%d\n",
           a[i], b[i], f[i], e[i], cmp[i], minmax[i], square[i], floor[i],
           ceil[i]);
  for (int i = 0; i < 2; ++i)
    printf("x=%lld x^min^k=%lld index=%lld\n", (long long)x[i], (long long)y[i],
           (long long)(int64_t)ix[i]);
  return 0;
}
