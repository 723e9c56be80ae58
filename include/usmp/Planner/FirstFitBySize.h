//===- FirstFitBySize.h - TFLite Micro's greedy planner ---------*- C++ -*-===//
//
// `first-fit-by-size` re-implements the rule of TensorFlow Lite Micro's
// GreedyMemoryPlanner: buffers in decreasing size order (earlier buffers
// first on ties), each at the lowest offset where it overlaps no placed
// conflicting buffer, which fills gaps below the current peak.
//
//===----------------------------------------------------------------------===//

#ifndef USMP_PLANNER_FIRSTFITBYSIZE_H
#define USMP_PLANNER_FIRSTFITBYSIZE_H

#include "usmp/Planner/Algorithm.h"

#include <memory>

namespace usmp::planner {

std::unique_ptr<Algorithm> createFirstFitBySize();

} // namespace usmp::planner

#endif // USMP_PLANNER_FIRSTFITBYSIZE_H
