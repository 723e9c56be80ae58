/*===- planner.c - The planner's C API from C99 --------------------------===*\
|*                                                                            *|
|* Builds problems through usmp-c/Planner.h, plans them and checks the        *|
|* answers and the errors. Prints each failed check and exits non-zero.       *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#include "usmp-c/Planner.h"

#include <stdio.h>
#include <string.h>

static int failures = 0;

#define CHECK(condition)                                                       \
  do {                                                                         \
    if (!(condition)) {                                                        \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__,         \
              #condition);                                                     \
      ++failures;                                                              \
    }                                                                          \
  } while (0)

static int contains(const char *text, const char *part) {
  return strstr(text, part) != NULL;
}

/* Whether buffers a and b of the given sizes overlap in memory. */
static int overlap(const UsmpPlannerPlan *plan, size_t a, uint64_t sizeA,
                   size_t b, uint64_t sizeB) {
  uint64_t offsetA = usmpPlannerPlanGetBufferOffset(plan, a);
  uint64_t offsetB = usmpPlannerPlanGetBufferOffset(plan, b);
  return usmpPlannerPlanGetBufferPool(plan, a) ==
             usmpPlannerPlanGetBufferPool(plan, b) &&
         offsetA < offsetB + sizeB && offsetB < offsetA + sizeA;
}

/* Three 64-byte buffers in a chain: the first and the last share bytes. */
static void testIntervals(void) {
  UsmpPlannerProblem *problem = usmpPlannerProblemCreate();
  UsmpPlannerPlan *plan;
  int64_t a, b, c;
  CHECK(usmpPlannerProblemAddPool(problem, "sram", USMP_PLANNER_NO_SIZE_HINT,
                                  16) == 0);
  a = usmpPlannerProblemAddBuffer(problem, "a", 64, 16);
  b = usmpPlannerProblemAddBuffer(problem, "b", 64, 16);
  c = usmpPlannerProblemAddBuffer(problem, "c", 64, 16);
  CHECK(a == 0 && b == 1 && c == 2);
  CHECK(usmpPlannerProblemSetBufferInterval(problem, a, 0, 1) == 0);
  CHECK(usmpPlannerProblemSetBufferInterval(problem, b, 1, 2) == 0);
  CHECK(usmpPlannerProblemSetBufferInterval(problem, c, 2, 3) == 0);
  CHECK(strcmp(usmpPlannerProblemGetError(problem), "") == 0);

  plan = usmpPlannerPlan(problem, "greedy-by-size", 0, 0);
  CHECK(plan != NULL);
  if (plan) {
    CHECK(strcmp(usmpPlannerPlanGetAlgorithm(plan), "greedy-by-size") == 0);
    CHECK(usmpPlannerPlanGetNumBuffers(plan) == 3);
    CHECK(usmpPlannerPlanGetNumPools(plan) == 1);
    CHECK(usmpPlannerPlanGetPoolSize(plan, 0) == 128);
    CHECK(!overlap(plan, 0, 64, 1, 64));
    CHECK(!overlap(plan, 1, 64, 2, 64));
    CHECK(usmpPlannerPlanGetBufferOffset(plan, 0) % 16 == 0);
    CHECK(usmpPlannerPlanGetBufferPool(plan, 3) == -1);
    CHECK(usmpPlannerPlanGetPoolSize(plan, 1) == 0);
    usmpPlannerPlanDestroy(plan);
  }

  /* The problem stays editable after a plan: a fourth buffer live with all
   * others needs its own 64 bytes. */
  CHECK(usmpPlannerProblemAddBuffer(problem, "d", 64, 16) == 3);
  CHECK(usmpPlannerProblemSetBufferInterval(problem, 3, 0, 3) == 0);
  plan = usmpPlannerPlan(problem, NULL, 1, 0);
  CHECK(plan != NULL);
  if (plan) {
    CHECK(usmpPlannerPlanGetNumBuffers(plan) == 4);
    CHECK(usmpPlannerPlanGetPoolSize(plan, 0) == 192);
    usmpPlannerPlanDestroy(plan);
  }
  usmpPlannerProblemDestroy(problem);
}

/* Explicit conflicts without intervals: x and y conflict, z with nobody. */
static void testConflicts(void) {
  UsmpPlannerProblem *problem = usmpPlannerProblemCreate();
  UsmpPlannerPlan *plan;
  CHECK(usmpPlannerProblemAddPool(problem, "heap", USMP_PLANNER_NO_SIZE_HINT,
                                  1) == 0);
  CHECK(usmpPlannerProblemAddBuffer(problem, "x", 32, 1) == 0);
  CHECK(usmpPlannerProblemAddBuffer(problem, "y", 32, 1) == 1);
  CHECK(usmpPlannerProblemAddBuffer(problem, "z", 48, 1) == 2);
  CHECK(usmpPlannerProblemAddBufferConflict(problem, 0, 1) == 0);
  plan = usmpPlannerPlan(problem, "greedy-by-conflicts", 0, 0);
  CHECK(plan != NULL);
  if (plan) {
    CHECK(!overlap(plan, 0, 32, 1, 32));
    CHECK(usmpPlannerPlanGetPoolSize(plan, 0) == 64);
    usmpPlannerPlanDestroy(plan);
  }
  usmpPlannerProblemDestroy(problem);
}

/* Candidate pools and a size hint: two live buffers of 64 bytes, a 64-byte
 * preferred pool, so one of them falls back to the second pool. */
static void testPools(void) {
  UsmpPlannerProblem *problem = usmpPlannerProblemCreate();
  UsmpPlannerPlan *plan;
  int64_t dtcm = usmpPlannerProblemAddPool(problem, "dtcm", 64, 16);
  int64_t sram =
      usmpPlannerProblemAddPool(problem, "sram", USMP_PLANNER_NO_SIZE_HINT, 16);
  int64_t i;
  CHECK(dtcm == 0 && sram == 1);
  for (i = 0; i < 2; ++i) {
    char name[8];
    sprintf(name, "p%d", (int)i);
    CHECK(usmpPlannerProblemAddBuffer(problem, name, 64, 16) == i);
    CHECK(usmpPlannerProblemSetBufferInterval(problem, i, 0, 1) == 0);
    CHECK(usmpPlannerProblemAddBufferPool(problem, i, dtcm) == 0);
    CHECK(usmpPlannerProblemAddBufferPool(problem, i, sram) == 0);
  }
  CHECK(usmpPlannerProblemAddBufferPool(problem, 0, dtcm) != 0);
  CHECK(contains(usmpPlannerProblemGetError(problem), "twice"));
  plan = usmpPlannerPlan(problem, "greedy-by-size", 0, 0);
  CHECK(plan != NULL);
  if (plan) {
    CHECK(usmpPlannerPlanGetBufferPool(plan, 0) !=
          usmpPlannerPlanGetBufferPool(plan, 1));
    CHECK(usmpPlannerPlanGetPoolSize(plan, 0) == 64);
    CHECK(usmpPlannerPlanGetPoolSize(plan, 1) == 64);
    usmpPlannerPlanDestroy(plan);
  }
  usmpPlannerProblemDestroy(problem);
}

static void testErrors(void) {
  UsmpPlannerProblem *problem = usmpPlannerProblemCreate();
  int64_t big;

  /* Buffers without pools cannot be planned. */
  CHECK(usmpPlannerProblemAddBuffer(problem, "lonely", 8, 1) == 0);
  CHECK(usmpPlannerPlan(problem, "greedy-by-size", 0, 0) == NULL);
  CHECK(contains(usmpPlannerProblemGetError(problem), "no pool"));

  CHECK(usmpPlannerProblemAddPool(problem, "", 0, 1) == -1);
  CHECK(contains(usmpPlannerProblemGetError(problem), "non-empty name"));
  CHECK(usmpPlannerProblemAddPool(problem, NULL, 0, 1) == -1);
  CHECK(usmpPlannerProblemAddBuffer(problem, NULL, 8, 1) == -1);
  CHECK(usmpPlannerProblemAddPool(problem, "small", 16, 8) == 0);
  CHECK(strcmp(usmpPlannerProblemGetError(problem), "") == 0);

  CHECK(usmpPlannerProblemSetBufferInterval(problem, 0, 5, 4) != 0);
  CHECK(contains(usmpPlannerProblemGetError(problem), "ends before it starts"));
  CHECK(usmpPlannerProblemSetBufferInterval(problem, 7, 0, 1) != 0);
  CHECK(contains(usmpPlannerProblemGetError(problem), "no buffer #7"));
  CHECK(usmpPlannerProblemSetBufferInterval(problem, -1, 0, 1) != 0);
  CHECK(usmpPlannerProblemAddBufferConflict(problem, 0, 9) != 0);
  CHECK(usmpPlannerProblemAddBufferPool(problem, 0, 3) != 0);
  CHECK(contains(usmpPlannerProblemGetError(problem), "no pool #3"));

  /* Unknown algorithms are named, with the known ones. */
  CHECK(usmpPlannerPlan(problem, "no-such-algorithm", 0, 0) == NULL);
  CHECK(contains(usmpPlannerProblemGetError(problem),
                 "unknown planning algorithm 'no-such-algorithm'"));
  CHECK(contains(usmpPlannerProblemGetError(problem), "greedy-by-size"));

  /* A buffer larger than the only pool's capacity. */
  big = usmpPlannerProblemAddBuffer(problem, "big", 32, 8);
  CHECK(big == 1);
  CHECK(usmpPlannerPlan(problem, "greedy-by-size", 0, 0) == NULL);
  CHECK(contains(usmpPlannerProblemGetError(problem), "big"));

  usmpPlannerProblemDestroy(problem);

  /* Alignments must be powers of two. */
  problem = usmpPlannerProblemCreate();
  CHECK(usmpPlannerProblemAddPool(problem, "p", USMP_PLANNER_NO_SIZE_HINT, 3) ==
        0);
  CHECK(usmpPlannerPlan(problem, "greedy-by-size", 0, 0) == NULL);
  CHECK(contains(usmpPlannerProblemGetError(problem), "not a power of two"));
  usmpPlannerProblemDestroy(problem);

  usmpPlannerProblemDestroy(NULL);
  usmpPlannerPlanDestroy(NULL);

  /* Null handles: failures and the answers for a bad index, never a crash
     (as when a plan that failed is read anyway). */
  CHECK(strcmp(usmpPlannerProblemGetError(NULL),
               "no problem: the handle is null") == 0);
  CHECK(usmpPlannerProblemAddPool(NULL, "p", USMP_PLANNER_NO_SIZE_HINT, 1) ==
        -1);
  CHECK(usmpPlannerProblemAddBuffer(NULL, "b", 4, 1) == -1);
  CHECK(usmpPlannerProblemSetBufferInterval(NULL, 0, 0, 1) != 0);
  CHECK(usmpPlannerProblemAddBufferConflict(NULL, 0, 1) != 0);
  CHECK(usmpPlannerProblemAddBufferPool(NULL, 0, 0) != 0);
  CHECK(usmpPlannerPlan(NULL, "auto", 0, 0) == NULL);
  CHECK(strcmp(usmpPlannerPlanGetAlgorithm(NULL), "") == 0);
  CHECK(usmpPlannerPlanIsProvenOptimal(NULL) == 0);
  CHECK(usmpPlannerPlanGetNumBuffers(NULL) == 0);
  CHECK(usmpPlannerPlanGetNumPools(NULL) == 0);
  CHECK(usmpPlannerPlanGetBufferPool(NULL, 0) == -1);
  CHECK(usmpPlannerPlanGetBufferOffset(NULL, 0) == 0);
  CHECK(usmpPlannerPlanGetPoolSize(NULL, 0) == 0);
}

/* The registered names, listed as snprintf writes. */
static void testAlgorithmNames(void) {
  char names[512];
  size_t length = usmpPlannerGetAlgorithmNames(names, sizeof(names));
  CHECK(length < sizeof(names));
  CHECK(strlen(names) == length);
  CHECK(strncmp(names, "auto,best-fit,", 14) == 0);
  CHECK(contains(names, ",exact,"));
  CHECK(contains(names, ",start-best-fit"));
  CHECK(usmpPlannerGetAlgorithmNames(NULL, 0) == length);
  char cut[6];
  CHECK(usmpPlannerGetAlgorithmNames(cut, sizeof(cut)) == length);
  CHECK(strcmp(cut, "auto,") == 0);
}

int main(void) {
  CHECK(usmpPlannerGetAPIVersion() == USMP_PLANNER_C_API_VERSION);
  CHECK(USMP_PLANNER_C_API_VERSION == 2);
  testAlgorithmNames();
  testIntervals();
  testConflicts();
  testPools();
  testErrors();
  if (failures)
    fprintf(stderr, "%d check(s) failed\n", failures);
  else
    printf("planner C API: ok\n");
  return failures ? 1 : 0;
}
