/* Runs both models of float-to-int.mlir and prints what they compute. */
#include "tvmgen_a.h"
#include "tvmgen_t.h"
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
int main(void) {
  float x[8] = {3e38f,         -3e38f,         2.5f,     -2.5f,
                2147483520.0f, -2147483648.0f, INFINITY, -INFINITY};
  float y[6] = {1000.0f, -1000.0f, -128.5f, 127.4f, 0.25f, -0.75f};
  _Float16 z[6] = {(_Float16)INFINITY, (_Float16)-INFINITY, (_Float16)-60000.0f,
                   (_Float16)40000.0f, (_Float16)65.0f,     (_Float16)-2.5f};
  int32_t i32[8];
  int8_t i8[6];
  int16_t i16[6];
  struct tvmgen_t_inputs tin = {x, y, z};
  struct tvmgen_t_outputs tout = {i32, i8, i16};
  int i;
  double d[5] = {-2147483648.5, 2147483647.9, -2147483649.0, 2147483648.0, NAN};
  float f[5] = {255.9f, -0.75f, 256.0f, -1.0f, NAN};
  float g[3] = {-9223372036854775808.0f, 9223372036854775808.0f, -INFINITY};
  _Float16 h[4] = {(_Float16)65504.0f, (_Float16)-INFINITY, (_Float16)NAN,
                   (_Float16)-65504.0f};
  /* bf16 bits: about 3e38, -2^31, 2.5. */
  uint16_t k[3] = {0x7f62, 0xcf00, 0x4020};
  int32_t si[5], ks[3];
  uint8_t ui[5];
  int64_t l[3], hs[4];
  uint64_t hu[4];
  struct tvmgen_a_inputs ain = {d, f, g, h, k};
  struct tvmgen_a_outputs aout = {si, ui, l, hs, hu, ks};
  if (tvmgen_t_run(&tin, &tout) != 0 || tvmgen_a_run(&ain, &aout) != 0)
    return 1;
  printf("i32:");
  for (i = 0; i < 8; ++i)
    printf(" %ld", (long)i32[i]);
  printf("\ni8:");
  for (i = 0; i < 6; ++i)
    printf(" %d", i8[i]);
  printf("\ni16 from f16:");
  for (i = 0; i < 6; ++i)
    printf(" %d", i16[i]);
  printf("\nfptosi f64 to i32:");
  for (i = 0; i < 5; ++i)
    printf(" %ld", (long)si[i]);
  printf("\nfptoui f32 to i8:");
  for (i = 0; i < 5; ++i)
    printf(" %d", ui[i]);
  printf("\nfptosi f32 to i64:");
  for (i = 0; i < 3; ++i)
    printf(" %lld", (long long)l[i]);
  printf("\nfptosi f16 to i64:");
  for (i = 0; i < 4; ++i)
    printf(" %lld", (long long)hs[i]);
  printf("\nfptoui f16 to i64:");
  for (i = 0; i < 4; ++i)
    printf(" %llu", (unsigned long long)hu[i]);
  printf("\nfptosi bf16 to i32:");
  for (i = 0; i < 3; ++i)
    printf(" %ld", (long)ks[i]);
  printf("\n");
  return 0;
}
