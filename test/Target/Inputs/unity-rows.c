/* Two models' sources compiled as one (a unity build): in C99, which refuses
 * a typedef repeated, their row typedefs must differ. */
#include "tvmgen_a.c"
#include "tvmgen_b.c"
