//===- Exact.h - Branch-and-bound memory planner ----------------*- C++ -*-===//
//
// The `exact` algorithm: a branch-and-bound search over canonical layouts in
// the spirit of MiniMalloc (Moffitt, ASPLOS 2023). It either proves a layout
// optimal (or a capacity infeasible) or returns the best layout it found
// within its node/time budget, and says which.
//
//===----------------------------------------------------------------------===//

#ifndef USMP_PLANNER_EXACT_H
#define USMP_PLANNER_EXACT_H

#include "usmp/Planner/Algorithm.h"

#include <cstdint>
#include <memory>

namespace usmp::planner {

/// Knobs of the exact search beyond `PlanOptions`.
struct ExactOptions {
  /// Minimize every pool's size; when false (decision mode) stop at the first
  /// layout within every pool's size hint.
  bool minimize = true;
};

/// What the search did, for benchmarks and diagnostics.
struct ExactStats {
  /// Search nodes (placements) over all pools.
  uint64_t nodes = 0;
  /// True when the node or time budget ran out before the search finished.
  bool budgetExhausted = false;
};

/// Node budget used when `PlanOptions` sets neither a node nor a time limit.
constexpr uint64_t kDefaultExactNodeLimit = 2000000;

/// Plans `problem` (finalized) with the exact search.
llvm::Expected<Plan> planExact(const Problem &problem,
                               const PlanOptions &options,
                               const ExactOptions &exactOptions = {},
                               ExactStats *stats = nullptr);

/// The registered `exact` algorithm (minimize mode).
std::unique_ptr<Algorithm> createExactAlgorithm();

} // namespace usmp::planner

#endif // USMP_PLANNER_EXACT_H
