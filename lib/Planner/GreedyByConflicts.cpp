//===- GreedyByConflicts.cpp - TVM's greedy-by-conflicts algorithm --------===//
//
// Most conflicting buffers first, placed with TVM's greedy offset rule (right
// above the highest placed conflicting buffer of the pool).
//
//===----------------------------------------------------------------------===//

#include "usmp/Planner/FirstFit.h"
#include "usmp/Planner/TVMAlgorithms.h"

using namespace usmp::planner;

std::vector<unsigned> usmp::planner::orderByConflicts(const Problem &problem) {
  return orderByTVMKeys(problem, /*conflictsFirst=*/true);
}

namespace {
class GreedyByConflicts final : public Algorithm {
public:
  llvm::StringRef getName() const override { return "greedy-by-conflicts"; }
  llvm::Expected<Plan> planFinalized(const Problem &problem,
                                     const PlanOptions &) const override {
    return placeInOrder(problem, orderByConflicts(problem),
                        OffsetRule::AboveConflicts, getName());
  }
};
} // namespace

std::unique_ptr<Algorithm> usmp::planner::createGreedyByConflicts() {
  return std::make_unique<GreedyByConflicts>();
}
