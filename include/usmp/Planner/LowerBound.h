//===- LowerBound.h - Lower bounds on planned pool sizes --------*- C++ -*-===//
//
// No valid plan can use less memory than these bounds, so the distance of a
// plan to them (the gap) tells how much an algorithm could still gain.
//
//===----------------------------------------------------------------------===//

#ifndef USMP_PLANNER_LOWERBOUND_H
#define USMP_PLANNER_LOWERBOUND_H

#include "usmp/Planner/Problem.h"

#include <cstdint>
#include <vector>

namespace usmp::planner {

struct LowerBounds {
  /// Bound on the sum of all pool sizes.
  uint64_t total = 0;
  /// Bound on each pool's size, from the buffers that can only go there.
  std::vector<uint64_t> perPool;
};

/// Computes lower bounds for a problem (a problem not yet finalized is
/// finalized in a copy; one that fails to finalize gets zero bounds). For
/// buffers with live ranges it is the largest total size live at one time,
/// with alignment: all but the topmost buffer of such a group occupy their
/// size rounded up to the alignment every offset there shares (O(n) over the
/// problem's time steps). For explicit conflicts it adds the weight of
/// greedily grown cliques of the conflict graph, which any plan must stack.
/// Saturates at 2^64 - 1.
LowerBounds computeLowerBounds(const Problem &problem);

/// The sum of a plan's pool sizes, saturating at 2^64 - 1.
uint64_t totalSize(const Plan &plan);

/// Whether a plan whose totalSize is `total` is at `bound` (a lower bound's
/// total), so no plan can be smaller. A total of 2^64 - 1 proves nothing: it
/// may be a saturated sum of anything above.
bool reachesLowerBound(uint64_t total, uint64_t bound);

/// How far `planned` is above `bound`, in percent of `bound` (0 when both are
/// 0; a plan of size > 0 against a bound of 0 gives 100).
double gapPercent(uint64_t planned, uint64_t bound);

} // namespace usmp::planner

#endif // USMP_PLANNER_LOWERBOUND_H
