/* The application of TVM's USMP RFC for use case U4 (workspace I/O), as the
   brief quotes it: the driver writes the input into the pool and reads the
   output there. */
#include "tvmgen_my_model.h"
#include <stdio.h>

__attribute__((aligned(16))) static uint8_t
    workspace_buffer_sram[TVM_MY_MODEL_SRAM_WORKSPACE_BUFFER_SIZE];

static void GenerateInput(float *input) {
  for (int i = 0; i < 16; ++i)
    input[i] = (float)(i + 1);
}

static void ReadInferenceOutput(const float *output) {
  printf("output=%g %g %g %g\n", output[0], output[1], output[2], output[15]);
}

int main(void) {
  tvmgen_my_model_workspace_pools workspaces = {.sram = workspace_buffer_sram};
  tvmgen_my_model_inputs inputs = tvmgen_my_model_map_inputs(&workspaces);
  tvmgen_my_model_outputs outputs = tvmgen_my_model_map_outputs(&workspaces);
  GenerateInput(inputs.serving_default_x_0);
  if (tvmgen_my_model_run(&workspaces) != 0)
    return 1;
  ReadInferenceOutput(outputs.Identity_0);
  return 0;
}
