//===- PlannerTestUtils.h - Planner unit test helpers -----------*- C++ -*-===//

#ifndef USMP_UNITTESTS_PLANNER_PLANNERTESTUTILS_H
#define USMP_UNITTESTS_PLANNER_PLANNERTESTUTILS_H

#include "usmp/Planner/Algorithm.h"
#include "usmp/Planner/Problem.h"

#include "llvm/Support/Error.h"

#include <string>

namespace usmp::planner::testing {

/// The message of `error`, or "" for success; consumes the error.
inline std::string errorMessage(llvm::Error error) {
  return error ? llvm::toString(std::move(error)) : std::string();
}

/// The error message of `value`, or "" when it holds a value (kept).
template <typename T> std::string errorMessage(llvm::Expected<T> &value) {
  return value ? std::string() : llvm::toString(value.takeError());
}

/// splitmix64: the same random instances on every platform.
class Random {
public:
  explicit Random(uint64_t seed) : state(seed) {}
  uint64_t next() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  /// A draw in [low, high].
  uint64_t between(uint64_t low, uint64_t high) {
    return low + next() % (high - low + 1);
  }
  bool chance(unsigned percent) { return next() % 100 < percent; }

private:
  uint64_t state;
};

/// Shape of a random problem.
struct RandomProblemOptions {
  unsigned maxBuffers = 12;
  unsigned maxPools = 3;
  unsigned maxTime = 10;
  uint64_t maxSize = 64;
  /// Percent of buffers with explicit conflicts instead of a live range.
  unsigned explicitPercent = 0;
  /// Percent of buffers that get an alignment above 1.
  unsigned alignedPercent = 30;
  /// Percent of pools with a (tight) size hint.
  unsigned hintedPercent = 50;
  /// Give the last pool no hint and make it every buffer's last candidate,
  /// so every buffer fits somewhere.
  bool alwaysFeasible = false;
};

/// A finalized random problem.
inline Problem randomProblem(Random &random,
                             const RandomProblemOptions &options) {
  Problem problem;
  unsigned numPools = random.between(1, options.maxPools);
  unsigned numBuffers = random.between(1, options.maxBuffers);
  for (unsigned p = 0; p < numPools; ++p) {
    Pool pool;
    pool.name = "pool" + std::to_string(p);
    pool.alignment = uint64_t(1) << random.between(0, 3);
    bool last = p + 1 == numPools;
    if (random.chance(options.hintedPercent) &&
        !(last && options.alwaysFeasible))
      pool.sizeHint = random.between(0, options.maxSize * numBuffers / 2);
    problem.pools.push_back(pool);
  }
  for (unsigned b = 0; b < numBuffers; ++b) {
    Buffer buffer;
    buffer.name = "b" + std::to_string(b);
    buffer.size = random.between(0, options.maxSize);
    if (random.chance(options.alignedPercent))
      buffer.alignment = uint64_t(1) << random.between(1, 5);
    for (unsigned p = 0; p < numPools; ++p)
      if (random.chance(50))
        buffer.pools.push_back(p);
    if (options.alwaysFeasible) {
      llvm::erase(buffer.pools, numPools - 1);
      buffer.pools.push_back(numPools - 1);
    }
    // Shuffle the candidates' preference order.
    for (size_t i = buffer.pools.size(); i > 1; --i)
      std::swap(buffer.pools[i - 1], buffer.pools[random.between(0, i - 1)]);
    if (random.chance(options.explicitPercent)) {
      for (unsigned other = 0; other < numBuffers; ++other)
        if (random.chance(40))
          buffer.conflicts.push_back(other);
      if (random.chance(30)) {
        int64_t start = random.between(0, options.maxTime);
        buffer.live = Interval{start, start + int64_t(random.between(0, 4))};
      }
    } else {
      int64_t start = random.between(0, options.maxTime);
      buffer.live =
          Interval{start, start + int64_t(random.between(0, options.maxTime))};
    }
    problem.buffers.push_back(std::move(buffer));
  }
  llvm::cantFail(problem.finalize());
  return problem;
}

/// A triangle a-b-c of explicit conflicts plus d, which conflicts with
/// nobody, and e, which conflicts with a through its live range and with d
/// explicitly. The optimum is 6 bytes, which no single greedy order finds.
inline Problem conflictTriangleProblem() {
  Problem problem;
  problem.pools.push_back({"mem", std::nullopt, 1});
  problem.buffers = {{"a", 1, 1, {}, Interval{0, 3}, {1}},
                     {"b", 2, 1, {}, std::nullopt, {2}},
                     {"c", 3, 1, {}, std::nullopt, {0}},
                     {"d", 4, 1, {}, std::nullopt, {}},
                     {"e", 2, 1, {}, Interval{3, 5}, {3}}};
  return problem;
}

/// One pool with a size hint of 20 bytes, the lower bound and the optimum:
/// at step 2, b1, b3 and b4 take all of it. Size order puts b0 and b4 at 0,
/// b1 above b0 at 12, and b3 finds no room (first fit by size needs 24);
/// b1 at 0, b4 and b0 at 7, b3 at 15 fits. Not finalized.
inline Problem sizeOrderMissesTheBoundProblem() {
  Problem problem;
  problem.pools.push_back({"pool", 20, 1});
  problem.buffers = {{"b0", 12, 1, {}, Interval{3, 4}, {}},
                     {"b1", 7, 1, {}, Interval{1, 3}, {}},
                     {"b2", 1, 1, {}, Interval{4, 4}, {}},
                     {"b3", 5, 1, {}, Interval{2, 2}, {}},
                     {"b4", 8, 1, {}, Interval{0, 2}, {}}};
  return problem;
}

/// Plans `problem` with the algorithm registered as `name`.
inline llvm::Expected<Plan> planWith(llvm::StringRef name,
                                     const Problem &problem,
                                     const PlanOptions &options = {}) {
  auto algorithm = createAlgorithm(name);
  if (!algorithm)
    return algorithm.takeError();
  return (*algorithm)->plan(problem, options);
}

} // namespace usmp::planner::testing

#endif // USMP_UNITTESTS_PLANNER_PLANNERTESTUTILS_H
