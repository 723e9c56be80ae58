//===- GreedyBySize.cpp - TVM's greedy-by-size algorithm ------------------===//
//
// Largest buffers first, each placed right above its highest already placed
// conflicting buffer in the first candidate pool with room (TVM's offset
// rule, which never fills holes).
//
//===----------------------------------------------------------------------===//

#include "usmp/Planner/FirstFit.h"
#include "usmp/Planner/TVMAlgorithms.h"

#include "llvm/ADT/STLExtras.h"

#include <numeric>
#include <tuple>

using namespace usmp::planner;

std::vector<unsigned> usmp::planner::orderBySize(const Problem &problem) {
  std::vector<unsigned> order(problem.buffers.size());
  std::iota(order.begin(), order.end(), 0u);
  std::vector<unsigned> degrees = problem.conflictDegrees();
  llvm::sort(order, [&](unsigned a, unsigned b) {
    const Buffer &x = problem.buffers[a], &y = problem.buffers[b];
    unsigned degreeA = degrees[a], degreeB = degrees[b];
    llvm::StringRef nameA = x.name, nameB = y.name;
    // Descending in size, degree and name; ascending in index.
    return std::make_tuple(y.size, degreeB, nameB, a) <
           std::make_tuple(x.size, degreeA, nameA, b);
  });
  return order;
}

namespace {
class GreedyBySize final : public Algorithm {
public:
  llvm::StringRef getName() const override { return "greedy-by-size"; }
  llvm::Expected<Plan> plan(const Problem &problem,
                            const PlanOptions &) const override {
    return placeInOrder(problem, orderBySize(problem),
                        OffsetRule::AboveConflicts, getName());
  }
};
} // namespace

std::unique_ptr<Algorithm> usmp::planner::createGreedyBySize() {
  return std::make_unique<GreedyBySize>();
}
