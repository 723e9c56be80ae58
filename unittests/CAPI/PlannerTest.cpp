//===- PlannerTest.cpp - Tests of the planner's C API from C++ ------------===//
//
// What C hosts cannot do themselves: register a C++ algorithm and see what
// the C API makes of its plans.
//
//===----------------------------------------------------------------------===//

#include "usmp-c/Planner.h"
#include "usmp/Planner/Algorithm.h"

#include "llvm/ADT/STLExtras.h"
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

TEST(PlannerCAPITest, ListsTheRegisteredAlgorithms) {
  registerAlgorithm("test-listed.v2_x",
                    [] { return std::make_unique<StackingAlgorithm>(); });
  size_t length = usmpPlannerGetAlgorithmNames(nullptr, 0);
  std::string names(length + 1, '?');
  EXPECT_EQ(usmpPlannerGetAlgorithmNames(names.data(), names.size()), length);
  EXPECT_EQ(names.back(), '\0');
  names.pop_back();
  std::string expected;
  for (const std::string &name : getAlgorithmNames())
    expected += (expected.empty() ? "" : ",") + name;
  EXPECT_EQ(names, expected);
  EXPECT_EQ(names.rfind("auto,", 0), 0u) << names;
  EXPECT_NE(names.find(",test-listed.v2_x"), std::string::npos) << names;
  // Cut short like snprintf, and ended by a NUL.
  char shortBuffer[5] = {'?', '?', '?', '?', '?'};
  EXPECT_EQ(usmpPlannerGetAlgorithmNames(shortBuffer, sizeof(shortBuffer)),
            length);
  EXPECT_STREQ(shortBuffer, expected.substr(0, 4).c_str());
  char untouched = '?';
  EXPECT_EQ(usmpPlannerGetAlgorithmNames(&untouched, 0), length);
  EXPECT_EQ(untouched, '?');
}

TEST(PlannerCAPITest, RegistryRefusesNamesOptionsCannotCarry) {
  // They could not be selected by a pipeline option or listed.
  auto factory = [] { return std::make_unique<StackingAlgorithm>(); };
  for (const char *name : {"", "a,b", "a b", "x=y", "{z}", "caf\xc3\xa9"})
    EXPECT_DEATH(registerAlgorithm(name, factory),
                 "cannot register planning algorithm '.*': a name is ASCII "
                 "letters, digits, '-', '_' and '.'")
        << name;
}

} // namespace
