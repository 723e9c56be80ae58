//===- GreedyByConflicts.cpp - TVM's greedy-by-conflicts algorithm --------===//
//
// Most conflicting buffers first, placed with TVM's greedy offset rule (right
// above the highest placed conflicting buffer of the pool).
//
//===----------------------------------------------------------------------===//

#include "usmp/Planner/FirstFit.h"
#include "usmp/Planner/TVMAlgorithms.h"

#include "llvm/ADT/STLExtras.h"

#include <numeric>
#include <tuple>

using namespace usmp::planner;

std::vector<unsigned> usmp::planner::orderByConflicts(const Problem &problem) {
  std::vector<unsigned> order(problem.buffers.size());
  std::iota(order.begin(), order.end(), 0u);
  std::vector<unsigned> degrees = problem.conflictDegrees();
  llvm::sort(order, [&](unsigned a, unsigned b) {
    const Buffer &x = problem.buffers[a], &y = problem.buffers[b];
    unsigned degreeA = degrees[a], degreeB = degrees[b];
    llvm::StringRef nameA = x.name, nameB = y.name;
    // Descending in degree, size and name; ascending in index.
    return std::make_tuple(degreeB, y.size, nameB, a) <
           std::make_tuple(degreeA, x.size, nameA, b);
  });
  return order;
}

namespace {
class GreedyByConflicts final : public Algorithm {
public:
  llvm::StringRef getName() const override { return "greedy-by-conflicts"; }
  llvm::Expected<Plan> plan(const Problem &problem,
                            const PlanOptions &) const override {
    return placeInOrder(problem, orderByConflicts(problem),
                        OffsetRule::AboveConflicts, getName());
  }
};
} // namespace

std::unique_ptr<Algorithm> usmp::planner::createGreedyByConflicts() {
  return std::make_unique<GreedyByConflicts>();
}
