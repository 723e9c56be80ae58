//===- BestFit.h - XLA-style global best-fit ---------------------*- C++
//-*-===//
//
// `best-fit` re-implements the rule of XLA's heap simulator
// (GlobalDecreasingSizeBestFitHeap, spatial order): buffers in decreasing
// size order, longer live ranges first on ties, each into the smallest free
// gap among the placed buffers it conflicts with, else right above them, so
// holes below the current peak are filled. `best-fit-by-duration` is the same
// rule in XLA's temporal order (longest live range first, then size).
//
//===----------------------------------------------------------------------===//

#ifndef USMP_PLANNER_BESTFIT_H
#define USMP_PLANNER_BESTFIT_H

#include "usmp/Planner/Algorithm.h"

#include <memory>

namespace usmp::planner {

std::unique_ptr<Algorithm> createBestFit();
std::unique_ptr<Algorithm> createBestFitByDuration();

} // namespace usmp::planner

#endif // USMP_PLANNER_BESTFIT_H
