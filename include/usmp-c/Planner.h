/*===- usmp-c/Planner.h - C API of the usmp planner core ----------*- C -*-===*\
|*                                                                            *|
|* A stable C interface to the MLIR-free planner core for hosts that are not  *|
|* C++: build a problem (pools, then buffers with sizes, alignments,          *|
|* candidate pools and a live interval or explicit conflicts), plan it with   *|
|* a registered algorithm by name, read each buffer's pool and offset and     *|
|* each pool's planned size.                                                  *|
|*                                                                            *|
|* Handles are opaque and owned by the caller, who destroys them. Functions   *|
|* that can fail return a negative index, a null handle or a non-zero status  *|
|* and leave a message in the problem, read with usmpPlannerProblemGetError.  *|
|* Every plan returned has been checked by the planner's verifier. A null     *|
|* handle is accepted everywhere: functions that can fail fail, getters give  *|
|* their answer for a bad index, and the error is a fixed message. The        *|
|* functions are not thread-safe on the same handle. Running out of memory    *|
|* aborts the process, as in LLVM, which the planner is built on.             *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#ifndef USMP_C_PLANNER_H
#define USMP_C_PLANNER_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Incremented when a function is added; existing ones never change. */
#define USMP_PLANNER_C_API_VERSION 2

/* The size hint of a pool without a capacity. */
#define USMP_PLANNER_NO_SIZE_HINT UINT64_MAX

typedef struct UsmpPlannerProblem UsmpPlannerProblem;
typedef struct UsmpPlannerPlan UsmpPlannerPlan;

/* Returns USMP_PLANNER_C_API_VERSION of the library linked. */
int usmpPlannerGetAPIVersion(void);

/* Writes the names of the registered algorithms, sorted and separated by
 * ',', into `buffer` of `size` bytes, cut short if need be and always ended
 * by a NUL when `size` is not 0 (`buffer` may be null when it is). Returns
 * the length of the whole list without its NUL, as snprintf does: a return
 * value of `size` or more means the list was cut. Since version 2. */
size_t usmpPlannerGetAlgorithmNames(char *buffer, size_t size);

/*===-- Problems ---------------------------------------------------------===*/

/* Creates an empty problem. */
UsmpPlannerProblem *usmpPlannerProblemCreate(void);

/* Destroys a problem; null is ignored. Plans made from it stay valid. */
void usmpPlannerProblemDestroy(UsmpPlannerProblem *problem);

/* The message of the last failed call on `problem`, or "" after a call that
 * succeeded. Valid until the next call on `problem`. */
const char *usmpPlannerProblemGetError(const UsmpPlannerProblem *problem);

/* Adds a pool after those added before (pools are in preference order) with
 * a capacity in bytes (USMP_PLANNER_NO_SIZE_HINT for none) and an alignment
 * (a power of two) every offset in it is a multiple of. Returns the pool's
 * index, or -1 when `name` is null or empty. */
int64_t usmpPlannerProblemAddPool(UsmpPlannerProblem *problem, const char *name,
                                  uint64_t sizeHint, uint64_t alignment);

/* Adds a buffer of `size` bytes whose offset must be a multiple of
 * `alignment` (a power of two). Without candidate pools it may go in any
 * pool; without an interval or conflicts it conflicts with nothing. Returns
 * the buffer's index, or -1 when `name` is null or empty. */
int64_t usmpPlannerProblemAddBuffer(UsmpPlannerProblem *problem,
                                    const char *name, uint64_t size,
                                    uint64_t alignment);

/* Sets the live interval [start, end] (inclusive, abstract time steps) of
 * buffer `buffer`: two buffers with intervals conflict when they overlap.
 * Returns 0, or non-zero when the buffer does not exist or end < start. */
int usmpPlannerProblemSetBufferInterval(UsmpPlannerProblem *problem,
                                        int64_t buffer, int64_t start,
                                        int64_t end);

/* Makes buffers `buffer` and `other` conflict (may not overlap in memory),
 * whatever their intervals. Returns 0, or non-zero when either does not
 * exist. */
int usmpPlannerProblemAddBufferConflict(UsmpPlannerProblem *problem,
                                        int64_t buffer, int64_t other);

/* Appends pool `pool` to the candidate pools of buffer `buffer`, in
 * preference order. Returns 0, or non-zero when either does not exist or the
 * pool is already a candidate. */
int usmpPlannerProblemAddBufferPool(UsmpPlannerProblem *problem, int64_t buffer,
                                    int64_t pool);

/*===-- Planning ---------------------------------------------------------===*/

/* Plans the problem as it is now with the algorithm registered under
 * `algorithm` ("auto" picks the best of several; null means "auto"), a seed
 * for randomized algorithms and a time budget in milliseconds for searching
 * ones (0 for each algorithm's default, docs/Planner.md: about a second for
 * "auto"). Returns a new plan, or null when the problem is invalid, the
 * algorithm unknown or some buffer fits in no candidate pool; the reason is
 * then in usmpPlannerProblemGetError. */
UsmpPlannerPlan *usmpPlannerPlan(UsmpPlannerProblem *problem,
                                 const char *algorithm, uint64_t seed,
                                 uint64_t timeLimitMs);

/* Destroys a plan; null is ignored. */
void usmpPlannerPlanDestroy(UsmpPlannerPlan *plan);

/* The name of the algorithm that produced the plan. */
const char *usmpPlannerPlanGetAlgorithm(const UsmpPlannerPlan *plan);

/* Non-zero when the algorithm proved the plan optimal. */
int usmpPlannerPlanIsProvenOptimal(const UsmpPlannerPlan *plan);

/* The number of buffers and pools the plan covers (those of the problem). */
size_t usmpPlannerPlanGetNumBuffers(const UsmpPlannerPlan *plan);
size_t usmpPlannerPlanGetNumPools(const UsmpPlannerPlan *plan);

/* The pool index and the byte offset of buffer `buffer`; -1 and 0 when it is
 * not below usmpPlannerPlanGetNumBuffers. */
int64_t usmpPlannerPlanGetBufferPool(const UsmpPlannerPlan *plan,
                                     size_t buffer);
uint64_t usmpPlannerPlanGetBufferOffset(const UsmpPlannerPlan *plan,
                                        size_t buffer);

/* The planned size in bytes of pool `pool`: the end of its last buffer, 0
 * when it holds none or is not below usmpPlannerPlanGetNumPools. */
uint64_t usmpPlannerPlanGetPoolSize(const UsmpPlannerPlan *plan, size_t pool);

#ifdef __cplusplus
}
#endif

#endif /* USMP_C_PLANNER_H */
