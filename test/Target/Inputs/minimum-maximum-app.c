/* Runs the model of minimum-maximum.mlir on signed zeros, NaN and ordered
   values and prints what it computes. */
#include "tvmgen_m.h"
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
int main(void) {
  float a[2] = {0.0f, -0.0f}, b[2] = {-0.0f, 0.0f}, mn[2], mx[2];
  struct tvmgen_m_inputs in = {a, b};
  struct tvmgen_m_outputs out = {mn, mx};
  tvmgen_m_run(&in, &out);
  printf("min(+0,-0)=%g min(-0,+0)=%g max(+0,-0)=%g max(-0,+0)=%g\n", mn[0],
         mn[1], mx[0], mx[1]);
  float c[2] = {NAN, 1.0f}, d[2] = {2.0f, -3.0f};
  struct tvmgen_m_inputs in2 = {c, d};
  tvmgen_m_run(&in2, &out);
  printf("min(nan,2)=%g min(1,-3)=%g max(nan,2)=%g max(1,-3)=%g\n", mn[0],
         mn[1], mx[0], mx[1]);
  float e[2] = {-0.0f, 0.0f}, f[2] = {-0.0f, 0.0f};
  struct tvmgen_m_inputs in3 = {e, f};
  tvmgen_m_run(&in3, &out);
  printf("min(-0,-0)=%g min(+0,+0)=%g max(-0,-0)=%g max(+0,+0)=%g\n", mn[0],
         mn[1], mx[0], mx[1]);
  /* A NaN operand is the result, payload and all. */
  uint32_t payload = 0x7fc00001u, bits;
  memcpy(&c[0], &payload, sizeof payload);
  tvmgen_m_run(&in2, &out);
  memcpy(&bits, &mn[0], sizeof bits);
  printf("min payload %08x", (unsigned)bits);
  memcpy(&bits, &mx[0], sizeof bits);
  printf(" max payload %08x\n", (unsigned)bits);
  return 0;
}
