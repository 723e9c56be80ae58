//===- StartBestFit.h - Start-ordered best-fit ------------------*- C++ -*-===//
//
// `start-best-fit` re-implements the start-ordered rule of IREE's static
// slice packing: buffers in order of their first use (larger first on ties),
// each into the smallest gap left between the buffers still live, as an
// allocator replaying the program would. Buffers without a live range count
// as live over the whole program (from the earliest start to the latest end).
//
//===----------------------------------------------------------------------===//

#ifndef USMP_PLANNER_STARTBESTFIT_H
#define USMP_PLANNER_STARTBESTFIT_H

#include "usmp/Planner/Algorithm.h"

#include <memory>

namespace usmp::planner {

std::unique_ptr<Algorithm> createStartBestFit();

/// The start-best-fit layout of a finalized problem; O(n log n) on problems
/// whose buffers all have live ranges and no explicit conflicts.
llvm::Expected<Plan> planStartBestFit(const Problem &problem);

} // namespace usmp::planner

#endif // USMP_PLANNER_STARTBESTFIT_H
