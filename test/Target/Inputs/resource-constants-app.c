/* Runs the model of resource-constants.mlir, its constants either C arrays
   or a constant pool, and prints what it computes. */
#include "tvmgen_r.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
int main(void) {
  float x[4] = {0.5f, 0.0f, 0.0f, 0.0f}, y[4];
  int32_t n[4] = {3, -3, 4, 5}, m[4];
  struct tvmgen_r_inputs in = {x, n};
  struct tvmgen_r_outputs out = {y, m};
#ifdef TVMGEN_R_FLASH_CONSTANT_POOL_SIZE
  /* The floats in the pool need their alignment. */
  static const union {
    unsigned char bytes[TVMGEN_R_FLASH_CONSTANT_POOL_SIZE];
    double align;
  } flash = {{TVMGEN_R_FLASH_CONSTANT_POOL_DATA}};
  struct tvmgen_r_workspace_pools pools = {
      .sram = malloc(TVMGEN_R_SRAM_WORKSPACE_POOL_SIZE),
      .flash = (void *)flash.bytes};
  int32_t status = tvmgen_r_run(&in, &out, &pools);
  free(pools.sram);
#else
  /* The default pool is the generated code's. */
  int32_t status = tvmgen_r_run(&in, &out);
#endif
  if (status != 0)
    return 1;
  printf("y=%g %g %g %g m=%d %d %d %d\n", y[0], y[1], y[2], y[3], (int)m[0],
         (int)m[1], (int)m[2], (int)m[3]);
  return 0;
}
