//===- main.cpp - A C++ host of a planner-only usmp install ---------------===//
//
// Plans three 64-byte buffers in a chain with the registry's `best-fit` and
// checks the plan with the verifier; prints the pool's size and the version.
//
//===----------------------------------------------------------------------===//

#include "usmp/Planner/Algorithm.h"
#include "usmp/Planner/Verifier.h"
#include "usmp/Version.h"

#include "llvm/Support/raw_ostream.h"

using namespace usmp::planner;

int main() {
  Problem problem;
  problem.pools.push_back({"sram", std::nullopt, 16});
  for (int64_t i = 0; i < 3; ++i) {
    Buffer buffer;
    buffer.name = std::string(1, static_cast<char>('a' + i));
    buffer.size = 64;
    buffer.live = Interval{i, i + 1};
    problem.buffers.push_back(buffer);
  }
  if (llvm::Error error = problem.finalize()) {
    llvm::errs() << llvm::toString(std::move(error)) << "\n";
    return 1;
  }
  llvm::Expected<std::unique_ptr<Algorithm>> algorithm =
      createAlgorithm("best-fit");
  if (!algorithm) {
    llvm::errs() << llvm::toString(algorithm.takeError()) << "\n";
    return 1;
  }
  llvm::Expected<Plan> plan = (*algorithm)->plan(problem, PlanOptions());
  if (!plan) {
    llvm::errs() << llvm::toString(plan.takeError()) << "\n";
    return 1;
  }
  if (llvm::Error error = verifyPlan(problem, *plan)) {
    llvm::errs() << llvm::toString(std::move(error)) << "\n";
    return 1;
  }
  llvm::outs() << "c++: usmp " << USMP_VERSION << " pool sram planned_size "
               << plan->poolSizes[0] << "\n";
  return 0;
}
