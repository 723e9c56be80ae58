/*===- plan.c - A C host of the installed planner ------------------------===*\
|*                                                                            *|
|* Plans three 64-byte buffers in a chain through usmp-c/Planner.h and prints *|
|* the pool's size; the first and the last buffer share bytes.               *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#include "usmp-c/Planner.h"

#include <stdio.h>

int main(void) {
  static const char *const names[] = {"a", "b", "c"};
  UsmpPlannerProblem *problem = usmpPlannerProblemCreate();
  UsmpPlannerPlan *plan;
  int64_t i;
  usmpPlannerProblemAddPool(problem, "sram", USMP_PLANNER_NO_SIZE_HINT, 16);
  for (i = 0; i < 3; ++i) {
    int64_t buffer = usmpPlannerProblemAddBuffer(problem, names[i], 64, 16);
    usmpPlannerProblemSetBufferInterval(problem, buffer, i, i + 1);
  }
  plan = usmpPlannerPlan(problem, "greedy-by-size", 0, 0);
  if (!plan) {
    fprintf(stderr, "%s\n", usmpPlannerProblemGetError(problem));
    usmpPlannerProblemDestroy(problem);
    return 1;
  }
  printf("c: pool sram planned_size %llu\n",
         (unsigned long long)usmpPlannerPlanGetPoolSize(plan, 0));
  usmpPlannerPlanDestroy(plan);
  usmpPlannerProblemDestroy(problem);
  return 0;
}
