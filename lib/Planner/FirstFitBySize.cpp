//===- FirstFitBySize.cpp - TFLite Micro's greedy planner -----------------===//

#include "usmp/Planner/FirstFitBySize.h"
#include "usmp/Planner/IntervalGaps.h"

using namespace usmp::planner;

std::unique_ptr<Algorithm> usmp::planner::createFirstFitBySize() {
  return createIntervalHeuristic(
      "first-fit-by-size", IntervalOrder::SizeThenIndex, FitRule::FirstFit);
}
