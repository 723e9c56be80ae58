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

/// The search's cost model: a node takes time roughly proportional to
/// `exactNodeCost`, about kExactCostPerMs units per millisecond (fitted on
/// MiniMalloc's instances and random problems of 20 to 200 buffers, 0.4 to
/// 16 us per node on one 2026 core). Only budgets' scale depends on it.
constexpr uint64_t kExactCostPerMs = 1500000;

/// Rough cost of one search node of `problem` (finalized): a fixed part plus
/// the buffers and their memberships in the search's sections.
uint64_t exactNodeCost(const Problem &problem);

/// Fewer nodes would not get the search past its first restart.
constexpr uint64_t kMinExactNodes = 1000;

/// The node budget used when `PlanOptions` sets neither a node nor a time
/// limit: kDefaultExactNodeLimit, or fewer where nodes are expensive (dense
/// conflict graphs), about kDefaultExactMs of work by the cost model, but at
/// least kMinExactNodes.
constexpr uint64_t kDefaultExactNodeLimit = 2000000;
constexpr uint64_t kDefaultExactMs = 30000;
uint64_t defaultExactNodeLimit(const Problem &problem);

/// Plans `problem` (finalized) with the exact search.
llvm::Expected<Plan> planExact(const Problem &problem,
                               const PlanOptions &options,
                               const ExactOptions &exactOptions = {},
                               ExactStats *stats = nullptr);

/// The registered `exact` algorithm (minimize mode).
std::unique_ptr<Algorithm> createExactAlgorithm();

} // namespace usmp::planner

#endif // USMP_PLANNER_EXACT_H
