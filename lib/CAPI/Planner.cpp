//===- Planner.cpp - C API of the usmp planner core -----------------------===//

#include "usmp-c/Planner.h"

#include "usmp/Planner/Algorithm.h"
#include "usmp/Planner/Problem.h"
#include "usmp/Planner/Verifier.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"

#include <algorithm>
#include <cstring>
#include <string>

using namespace usmp::planner;

// The C handles are these structs; the problem stays editable after a plan
// because planning finalizes a copy.
struct UsmpPlannerProblem {
  Problem problem;
  std::string error;
};

struct UsmpPlannerPlan {
  Plan plan;
};

/// Records `message` as the problem's error and returns `result`.
template <typename T>
static T fail(UsmpPlannerProblem *problem, const llvm::Twine &message,
              T result) {
  problem->error = message.str();
  return result;
}

static bool isBuffer(const UsmpPlannerProblem *problem, int64_t buffer) {
  return buffer >= 0 &&
         static_cast<uint64_t>(buffer) < problem->problem.buffers.size();
}

static bool isPool(const UsmpPlannerProblem *problem, int64_t pool) {
  return pool >= 0 &&
         static_cast<uint64_t>(pool) < problem->problem.pools.size();
}

int usmpPlannerGetAPIVersion(void) { return USMP_PLANNER_C_API_VERSION; }

size_t usmpPlannerGetAlgorithmNames(char *buffer, size_t size) {
  // Names cannot hold a ',' (registerAlgorithm refuses them).
  std::string list = llvm::join(getAlgorithmNames(), ",");
  if (buffer && size != 0) {
    size_t written = std::min(list.size(), size - 1);
    std::memcpy(buffer, list.data(), written);
    buffer[written] = '\0';
  }
  return list.size();
}

UsmpPlannerProblem *usmpPlannerProblemCreate(void) {
  return new UsmpPlannerProblem();
}

void usmpPlannerProblemDestroy(UsmpPlannerProblem *problem) { delete problem; }

const char *usmpPlannerProblemGetError(const UsmpPlannerProblem *problem) {
  return problem ? problem->error.c_str() : "no problem: the handle is null";
}

int64_t usmpPlannerProblemAddPool(UsmpPlannerProblem *problem, const char *name,
                                  uint64_t sizeHint, uint64_t alignment) {
  if (!problem)
    return -1;
  problem->error.clear();
  if (!name || !*name)
    return fail(problem, "a pool needs a non-empty name", int64_t(-1));
  Pool pool;
  pool.name = name;
  if (sizeHint != USMP_PLANNER_NO_SIZE_HINT)
    pool.sizeHint = sizeHint;
  pool.alignment = alignment;
  problem->problem.pools.push_back(std::move(pool));
  return static_cast<int64_t>(problem->problem.pools.size() - 1);
}

int64_t usmpPlannerProblemAddBuffer(UsmpPlannerProblem *problem,
                                    const char *name, uint64_t size,
                                    uint64_t alignment) {
  if (!problem)
    return -1;
  problem->error.clear();
  if (!name || !*name)
    return fail(problem, "a buffer needs a non-empty name", int64_t(-1));
  Buffer buffer;
  buffer.name = name;
  buffer.size = size;
  buffer.alignment = alignment;
  problem->problem.buffers.push_back(std::move(buffer));
  return static_cast<int64_t>(problem->problem.buffers.size() - 1);
}

int usmpPlannerProblemSetBufferInterval(UsmpPlannerProblem *problem,
                                        int64_t buffer, int64_t start,
                                        int64_t end) {
  if (!problem)
    return 1;
  problem->error.clear();
  if (!isBuffer(problem, buffer))
    return fail(problem, "no buffer #" + llvm::Twine(buffer), 1);
  Buffer &b = problem->problem.buffers[buffer];
  if (end < start)
    return fail(problem,
                "buffer '" + b.name + "' has live range [" +
                    llvm::Twine(start) + ", " + llvm::Twine(end) +
                    "] that ends before it starts",
                1);
  b.live = Interval{start, end};
  return 0;
}

int usmpPlannerProblemAddBufferConflict(UsmpPlannerProblem *problem,
                                        int64_t buffer, int64_t other) {
  if (!problem)
    return 1;
  problem->error.clear();
  if (!isBuffer(problem, buffer))
    return fail(problem, "no buffer #" + llvm::Twine(buffer), 1);
  if (!isBuffer(problem, other))
    return fail(problem, "no buffer #" + llvm::Twine(other), 1);
  problem->problem.buffers[buffer].conflicts.push_back(
      static_cast<unsigned>(other));
  return 0;
}

int usmpPlannerProblemAddBufferPool(UsmpPlannerProblem *problem, int64_t buffer,
                                    int64_t pool) {
  if (!problem)
    return 1;
  problem->error.clear();
  if (!isBuffer(problem, buffer))
    return fail(problem, "no buffer #" + llvm::Twine(buffer), 1);
  if (!isPool(problem, pool))
    return fail(problem, "no pool #" + llvm::Twine(pool), 1);
  Buffer &b = problem->problem.buffers[buffer];
  if (llvm::is_contained(b.pools, static_cast<unsigned>(pool)))
    return fail(problem,
                "buffer '" + b.name + "' lists pool '" +
                    problem->problem.pools[pool].name + "' twice",
                1);
  b.pools.push_back(static_cast<unsigned>(pool));
  return 0;
}

UsmpPlannerPlan *usmpPlannerPlan(UsmpPlannerProblem *problem,
                                 const char *algorithm, uint64_t seed,
                                 uint64_t timeLimitMs) {
  UsmpPlannerPlan *none = nullptr;
  if (!problem)
    return none;
  problem->error.clear();
  Problem finalized = problem->problem;
  if (llvm::Error error = finalized.finalize())
    return fail(problem, llvm::toString(std::move(error)), none);

  llvm::StringRef name = algorithm ? algorithm : "auto";
  auto created = createAlgorithm(name);
  if (!created)
    return fail(problem, llvm::toString(created.takeError()), none);
  PlanOptions options;
  options.seed = seed;
  options.timeLimitMs = timeLimitMs;
  llvm::Expected<Plan> plan = (*created)->plan(finalized, options);
  if (!plan)
    return fail(problem, llvm::toString(plan.takeError()), none);
  // Algorithms can be registered by anyone; a C host gets only checked plans.
  if (llvm::Error error = verifyPlan(finalized, *plan))
    return fail(problem,
                "the '" + name + "' algorithm produced an " +
                    llvm::toString(std::move(error)),
                none);
  return new UsmpPlannerPlan{std::move(*plan)};
}

void usmpPlannerPlanDestroy(UsmpPlannerPlan *plan) { delete plan; }

const char *usmpPlannerPlanGetAlgorithm(const UsmpPlannerPlan *plan) {
  return plan ? plan->plan.algorithm.c_str() : "";
}

int usmpPlannerPlanIsProvenOptimal(const UsmpPlannerPlan *plan) {
  return plan && plan->plan.provenOptimal ? 1 : 0;
}

size_t usmpPlannerPlanGetNumBuffers(const UsmpPlannerPlan *plan) {
  return plan ? plan->plan.placements.size() : 0;
}

size_t usmpPlannerPlanGetNumPools(const UsmpPlannerPlan *plan) {
  return plan ? plan->plan.poolSizes.size() : 0;
}

int64_t usmpPlannerPlanGetBufferPool(const UsmpPlannerPlan *plan,
                                     size_t buffer) {
  if (!plan || buffer >= plan->plan.placements.size())
    return -1;
  return plan->plan.placements[buffer].pool;
}

uint64_t usmpPlannerPlanGetBufferOffset(const UsmpPlannerPlan *plan,
                                        size_t buffer) {
  if (!plan || buffer >= plan->plan.placements.size())
    return 0;
  return plan->plan.placements[buffer].offset;
}

uint64_t usmpPlannerPlanGetPoolSize(const UsmpPlannerPlan *plan, size_t pool) {
  if (!plan || pool >= plan->plan.poolSizes.size())
    return 0;
  return plan->plan.poolSizes[pool];
}
