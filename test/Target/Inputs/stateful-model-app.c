#include "tvmgen_acc.h"

#include <stdio.h>

int main(void) {
  float a[4] = {10, 20, 30, 40}, before[4];
  int32_t count[1];
  struct tvmgen_acc_inputs inputs = {a};
  struct tvmgen_acc_outputs outputs = {before, count};
  for (int run = 0; run < 3; ++run) {
    if (tvmgen_acc_run(&inputs, &outputs) != 0)
      return 1;
    printf("%d: %g %g %g %g\n", (int)count[0], before[0], before[1], before[2],
           before[3]);
  }
  return 0;
}
