//===- BestFit.cpp - XLA-style global best-fit ----------------------------===//

#include "usmp/Planner/BestFit.h"
#include "usmp/Planner/IntervalGaps.h"

using namespace usmp::planner;

std::unique_ptr<Algorithm> usmp::planner::createBestFit() {
  return createIntervalHeuristic("best-fit", IntervalOrder::SizeThenDuration,
                                 FitRule::BestFit);
}

std::unique_ptr<Algorithm> usmp::planner::createBestFitByDuration() {
  return createIntervalHeuristic("best-fit-by-duration",
                                 IntervalOrder::DurationThenSize,
                                 FitRule::BestFit);
}
