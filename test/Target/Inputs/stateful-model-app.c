#include "tvmgen_acc.h"

#include <stdio.h>

static float a[4] = {10, 20, 30, 40}, before[4];
static int32_t count[1], other[1];

static int run(void) {
  struct tvmgen_acc_inputs inputs = {a};
  struct tvmgen_acc_outputs outputs = {before, count, other};
  if (tvmgen_acc_run(&inputs, &outputs) != 0)
    return 1;
  printf("%d: %g %g %g %g | %d\n", (int)count[0], before[0], before[1],
         before[2], before[3], (int)other[0]);
  return 0;
}

int main(void) {
  for (int i = 0; i < 3; ++i)
    if (run() != 0)
      return 1;
  tvmgen_acc_reset_state();
  printf("reset\n");
  return run();
}
