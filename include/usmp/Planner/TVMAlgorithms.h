//===- TVMAlgorithms.h - Apache TVM's USMP planning algorithms --*- C++ -*-===//
//
// `greedy-by-size`, `greedy-by-conflicts` and `hill-climb` behave as the
// algorithms of the same names in Apache TVM's unified static memory planner
// (same orders, tie-breaks and offset rules, so TVM's test instances get the
// same pool sizes), except that conflicts are always symmetric and alignment
// is always honoured. See docs/Planner.md.
//
//===----------------------------------------------------------------------===//

#ifndef USMP_PLANNER_TVMALGORITHMS_H
#define USMP_PLANNER_TVMALGORITHMS_H

#include "usmp/Planner/Algorithm.h"

#include <memory>
#include <vector>

namespace usmp::planner {

/// Buffers by size then number of conflicts, or by number of conflicts then
/// size (`conflictsFirst`), both descending, then by name descending
/// (byte-wise), then by index: the orders below.
std::vector<unsigned> orderByTVMKeys(const Problem &problem,
                                     bool conflictsFirst);
/// TVM's size order: size descending, then number of conflicts descending,
/// then name descending (byte-wise), then index, so the order is total.
std::vector<unsigned> orderBySize(const Problem &problem);
/// TVM's conflict order: number of conflicts descending, then size
/// descending, then name descending, then index.
std::vector<unsigned> orderByConflicts(const Problem &problem);

std::unique_ptr<Algorithm> createGreedyBySize();
std::unique_ptr<Algorithm> createGreedyByConflicts();
/// Random swaps of the size order's placement order, first-fit offsets,
/// keeping what shrinks the total; deterministic for a given seed.
std::unique_ptr<Algorithm> createHillClimb();

} // namespace usmp::planner

#endif // USMP_PLANNER_TVMALGORITHMS_H
