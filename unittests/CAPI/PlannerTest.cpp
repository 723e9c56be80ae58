//===- PlannerTest.cpp - Tests of the planner's C API from C++ ------------===//
//
// What C hosts cannot do themselves: register a C++ algorithm and see what
// the C API makes of its plans.
//
//===----------------------------------------------------------------------===//

#include "usmp-c/Planner.h"
#include "usmp/Planner/Algorithm.h"

#include "gtest/gtest.h"

#include <string>

using namespace usmp::planner;

namespace {

/// Places every buffer at offset 0 of its first candidate, conflicts or not.
class StackingAlgorithm : public Algorithm {
public:
  llvm::StringRef getName() const override { return "stacking"; }

protected:
  llvm::Expected<Plan> planFinalized(const Problem &problem,
                                     const PlanOptions &) const override {
    Plan plan;
    plan.algorithm = "stacking";
    plan.poolSizes.assign(problem.pools.size(), 0);
    for (unsigned b = 0, e = problem.buffers.size(); b < e; ++b) {
      unsigned pool = problem.candidates(b).front();
      plan.placements.push_back({pool, 0});
      plan.poolSizes[pool] =
          std::max(plan.poolSizes[pool], problem.buffers[b].size);
    }
    return plan;
  }
};

TEST(PlannerCAPITest, InvalidPlansAreErrorsNamingTheSelectedAlgorithm) {
  registerAlgorithm("test-stacking",
                    [] { return std::make_unique<StackingAlgorithm>(); });
  UsmpPlannerProblem *problem = usmpPlannerProblemCreate();
  ASSERT_EQ(
      usmpPlannerProblemAddPool(problem, "sram", USMP_PLANNER_NO_SIZE_HINT, 1),
      0);
  int64_t a = usmpPlannerProblemAddBuffer(problem, "a", 8, 1);
  int64_t b = usmpPlannerProblemAddBuffer(problem, "b", 8, 1);
  ASSERT_EQ(usmpPlannerProblemAddBufferConflict(problem, a, b), 0);
  EXPECT_EQ(usmpPlannerPlan(problem, "test-stacking", 0, 0), nullptr);
  std::string error = usmpPlannerProblemGetError(problem);
  EXPECT_EQ(error.rfind("the 'test-stacking' algorithm produced an invalid "
                        "plan: ",
                        0),
            0u)
      << error;
  EXPECT_EQ(error.find("invalid plan: invalid plan"), std::string::npos)
      << error;
  usmpPlannerProblemDestroy(problem);
}

TEST(PlannerCAPITest, PlansNameTheirAlgorithm) {
  // An algorithm that leaves Plan::algorithm empty is named by its getName.
  class Unnamed : public Algorithm {
  public:
    llvm::StringRef getName() const override { return "unnamed"; }

  protected:
    llvm::Expected<Plan> planFinalized(const Problem &problem,
                                       const PlanOptions &) const override {
      Plan plan;
      plan.poolSizes.assign(problem.pools.size(), 0);
      return plan;
    }
  };
  registerAlgorithm("test-unnamed", [] { return std::make_unique<Unnamed>(); });
  UsmpPlannerProblem *problem = usmpPlannerProblemCreate();
  ASSERT_EQ(
      usmpPlannerProblemAddPool(problem, "sram", USMP_PLANNER_NO_SIZE_HINT, 1),
      0);
  UsmpPlannerPlan *plan = usmpPlannerPlan(problem, "test-unnamed", 0, 0);
  ASSERT_NE(plan, nullptr) << usmpPlannerProblemGetError(problem);
  EXPECT_STREQ(usmpPlannerPlanGetAlgorithm(plan), "unnamed");
  usmpPlannerPlanDestroy(plan);
  usmpPlannerProblemDestroy(problem);
}

} // namespace
