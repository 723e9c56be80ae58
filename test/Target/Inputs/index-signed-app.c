/* Runs the model of index-signed.mlir on negative and positive operands and
   prints what it computes. */
#include "tvmgen_m.h"
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
static long long sv(size_t v) { return (long long)(int64_t)v; }
int main(void) {
  size_t a[2] = {(size_t)-7, 7}, b[2] = {3, (size_t)-3}, q[2], r[2], m[2], s[2];
  size_t uq[2], ur[2], band[2], bor[2], bxor[2];
  int8_t l[2];
  struct tvmgen_m_inputs in = {a, b};
  struct tvmgen_m_outputs out = {q, r, m, l, s, uq, ur, band, bor, bxor};
  tvmgen_m_run(&in, &out);
  for (int i = 0; i < 2; ++i)
    printf("%lld/%lld=%lld %lld%%%lld=%lld min(%lld,%lld)=%lld %lld<%lld=%d "
           "%lld>>1=%lld u/=%llu u%%=%llu &=%lld |=%lld ^=%lld\n",
           sv(a[i]), sv(b[i]), sv(q[i]), sv(a[i]), sv(b[i]), sv(r[i]), sv(a[i]),
           sv(b[i]), sv(m[i]), sv(a[i]), sv(b[i]), l[i], sv(a[i]), sv(s[i]),
           (unsigned long long)uq[i], (unsigned long long)ur[i], sv(band[i]),
           sv(bor[i]), sv(bxor[i]));
  return 0;
}
