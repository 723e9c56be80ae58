#include "tvmgen_m.h"

#include <stdio.h>

static int8_t q[6];
static int64_t m[2];
static float f[2];
static int32_t v[3], z[2];

static int run(void) {
  struct tvmgen_m_outputs outputs = {q, m, f, v, z};
  if (tvmgen_m_run(&outputs) != 0)
    return 1;
  for (int i = 0; i < 6; ++i)
    printf("%d ", q[i]);
  printf("| %lld %lld | %g %g | %d %d %d | %d %d\n", (long long)m[0],
         (long long)m[1], f[0], f[1], (int)v[0], (int)v[1], (int)v[2],
         (int)z[0], (int)z[1]);
  return 0;
}

int main(void) {
  if (run() != 0 || run() != 0)
    return 1;
  tvmgen_m_reset_state();
  printf("reset\n");
  return run();
}
