//===- Verifier.h - Independent check of a plan -----------------*- C++ -*-===//
//
// Checks any plan against the planning rules without trusting the algorithms'
// code or the problem's derived conflict graph: it reads only the raw buffers
// and pools. Interval conflicts are checked by a sweep over time with an
// ordered set of occupied byte ranges, O(n log n), so million-buffer plans
// are cheap to check.
//
//===----------------------------------------------------------------------===//

#ifndef USMP_PLANNER_VERIFIER_H
#define USMP_PLANNER_VERIFIER_H

#include "usmp/Planner/Problem.h"

#include "llvm/Support/Error.h"

namespace usmp::planner {

/// Succeeds when `plan` is a valid answer to `problem`: one placement per
/// buffer in one of its candidate pools (all pools when it lists none), every
/// offset a multiple of the buffer's and the pool's alignment, no
/// `offset + size` overflow, no two conflicting buffers (overlapping live
/// ranges or an explicit conflict from either side) overlapping in the same
/// pool, every pool size equal to the largest `offset + size` in it (0 when
/// empty) and within the pool's size hint. Otherwise fails with a message
/// naming the first broken rule and the buffers or pool involved.
llvm::Error verifyPlan(const Problem &problem, const Plan &plan);

} // namespace usmp::planner

#endif // USMP_PLANNER_VERIFIER_H
