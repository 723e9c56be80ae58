/* Runs the model of math-functions.mlir and prints what it computes. */
#include "tvmgen_m.h"
#include <stdint.h>
#include <stdio.h>
int main(void) {
  float x[4] = {0.5f, 2.0f, -1.0f, 4.0f}, tanh[4], erf[4], rsqrt[4], even[4],
        rem[4];
  double xd[4] = {0.5, 2.0, -1.0, 4.0}, cbrt[4], pow3[4];
  _Float16 xh[4] = {0.5f, 2.0f, -1.0f, 4.0f}, exp[4], remh[4];
  int8_t nan[4], normal[4];
  int32_t clz[4];
  struct tvmgen_m_inputs in = {x, xd, xh};
  struct tvmgen_m_outputs out = {tanh, erf,  rsqrt, nan,    cbrt, pow3,
                                 exp,  even, clz,   normal, rem,  remh};
  tvmgen_m_run(&in, &out);
  for (int i = 0; i < 4; ++i)
    printf("x=%g tanh=%g erf=%g rsqrt=%g isnan(log)=%d cbrt=%g pow3=%g "
           "f16exp=%g roundeven(5x)=%g ctlz=%d f16isnormal(x/65536)=%d "
           "rem(x,0.75)=%g f16rem=%g\n",
           x[i], tanh[i], erf[i], rsqrt[i], nan[i], cbrt[i], pow3[i],
           (double)exp[i], even[i], (int)clz[i], normal[i], rem[i],
           (double)remh[i]);
  return 0;
}
