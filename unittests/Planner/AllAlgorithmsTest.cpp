//===- AllAlgorithmsTest.cpp - Every registered algorithm on random input -===//
//
// Thousands of small random problems (intervals, explicit conflict graphs and
// both mixed; alignments; several pools with tight hints). Every plan of
// every registered algorithm, whoever wrote it, must pass the verifier, stay
// at or above the lower bound, and be reproducible; a failure must be the
// documented "fits in no candidate pool" error and only happen when some
// buffer really can be left without room.
//
//===----------------------------------------------------------------------===//

#include "usmp/Planner/Algorithm.h"
#include "usmp/Planner/LowerBound.h"
#include "usmp/Planner/Verifier.h"

#include "PlannerTestUtils.h"

#include "gtest/gtest.h"

using namespace usmp::planner;
using namespace usmp::planner::testing;

namespace {

PlanOptions smallBudget(uint64_t seed) {
  PlanOptions options;
  options.seed = seed;
  options.timeLimitMs = 5;
  options.nodeLimit = 200;
  return options;
}

void checkAllAlgorithms(Random &random, const RandomProblemOptions &shape,
                        int instances) {
  std::vector<std::string> names = getAlgorithmNames();
  ASSERT_FALSE(names.empty());
  for (int i = 0; i < instances; ++i) {
    Problem problem = randomProblem(random, shape);
    LowerBounds bounds = computeLowerBounds(problem);
    for (const std::string &name : names) {
      auto algorithm = createAlgorithm(name);
      ASSERT_EQ(errorMessage(algorithm), "");
      llvm::Expected<Plan> plan = (*algorithm)->plan(problem, smallBudget(i));
      std::string message = errorMessage(plan);
      if (!plan) {
        EXPECT_FALSE(shape.alwaysFeasible)
            << name << " failed on feasible instance " << i << ": " << message;
        EXPECT_NE(message.find("fits in no candidate pool"), std::string::npos)
            << name << " on instance " << i << ": " << message;
        continue;
      }
      ASSERT_EQ(errorMessage(verifyPlan(problem, *plan)), "")
          << name << " on instance " << i;
      EXPECT_GE(totalSize(*plan), bounds.total) << name << " " << i;
      if (plan->provenOptimal)
        for (const std::string &other : names) {
          auto rival = llvm::cantFail(createAlgorithm(other));
          llvm::Expected<Plan> rivalPlan = rival->plan(problem, smallBudget(i));
          if (rivalPlan)
            EXPECT_LE(totalSize(*plan), totalSize(*rivalPlan))
                << name << " claims optimality but " << other
                << " is better on instance " << i;
          else
            llvm::consumeError(rivalPlan.takeError());
        }
    }
  }
}

TEST(AllAlgorithmsTest, RandomIntervalProblems) {
  Random random(1);
  RandomProblemOptions shape;
  shape.alwaysFeasible = true;
  checkAllAlgorithms(random, shape, 1000);
}

TEST(AllAlgorithmsTest, RandomIntervalProblemsWithTightHints) {
  Random random(2);
  RandomProblemOptions shape;
  shape.hintedPercent = 80;
  checkAllAlgorithms(random, shape, 1000);
}

TEST(AllAlgorithmsTest, RandomConflictGraphs) {
  Random random(3);
  RandomProblemOptions shape;
  shape.explicitPercent = 100;
  shape.alwaysFeasible = true;
  checkAllAlgorithms(random, shape, 1000);
}

TEST(AllAlgorithmsTest, RandomMixedProblemsWithTightHints) {
  Random random(4);
  RandomProblemOptions shape;
  shape.explicitPercent = 40;
  shape.alignedPercent = 60;
  shape.hintedPercent = 70;
  checkAllAlgorithms(random, shape, 1000);
}

TEST(AllAlgorithmsTest, SameInputSameOutput) {
  Random random(5);
  RandomProblemOptions shape;
  shape.explicitPercent = 30;
  shape.alwaysFeasible = true;
  shape.maxBuffers = 30;
  for (int i = 0; i < 20; ++i) {
    Problem problem = randomProblem(random, shape);
    Problem copy = problem;
    for (const std::string &name : getAlgorithmNames()) {
      // Results must not depend on the clock, even when a time budget is set
      // beside a node limit; only hill-climb stops on the clock by design.
      PlanOptions options;
      options.seed = i;
      options.nodeLimit = 500;
      options.timeLimitMs = name == "hill-climb" ? 0 : 30;
      auto algorithm = llvm::cantFail(createAlgorithm(name));
      Plan first = llvm::cantFail(algorithm->plan(problem, options));
      Plan second = llvm::cantFail(algorithm->plan(copy, options));
      EXPECT_EQ(first.poolSizes, second.poolSizes) << name << " " << i;
      for (size_t b = 0; b < first.placements.size(); ++b) {
        EXPECT_EQ(first.placements[b].pool, second.placements[b].pool);
        EXPECT_EQ(first.placements[b].offset, second.placements[b].offset);
      }
    }
  }
}

// A layout may end at the last address, 2^64 - 1: totals of that size are
// plans, not the "nothing found" of a search.
TEST(AllAlgorithmsTest, PlansEndingAtTheLastAddress) {
  uint64_t half = uint64_t(1) << 63;
  std::vector<std::vector<std::pair<uint64_t, int64_t>>> shapes = {
      {{half, 0}, {half - 1, 1}}, {{~uint64_t(0), 0}}};
  for (const auto &shape : shapes) {
    Problem problem;
    problem.pools.push_back({"mem", std::nullopt, 1});
    for (auto [index, buffer] : llvm::enumerate(shape))
      problem.buffers.push_back({"b" + std::to_string(index),
                                 buffer.first,
                                 1,
                                 {},
                                 Interval{buffer.second, 3},
                                 {}});
    llvm::cantFail(problem.finalize());
    for (const std::string &name : getAlgorithmNames()) {
      llvm::Expected<Plan> plan =
          llvm::cantFail(createAlgorithm(name))->plan(problem, smallBudget(1));
      ASSERT_EQ(errorMessage(plan), "") << name;
      EXPECT_EQ(errorMessage(verifyPlan(problem, *plan)), "") << name;
      EXPECT_EQ(plan->poolSizes, std::vector<uint64_t>({~uint64_t(0)})) << name;
      EXPECT_EQ(plan->algorithm, name);
      // At the lower bound: the searches know it is optimal.
      if (name == "auto" || name == "exact")
        EXPECT_TRUE(plan->provenOptimal) << name;
    }
  }
}

// A buffer whose end would pass 2^64 fails, and every algorithm says how
// much room its offset left (the gap rules, and the lowest-gap rule behind
// the second shape's `exact` failure, used to say 0 bytes). In the second
// shape the last buffer conflicts with two that do not overlap in time.
TEST(AllAlgorithmsTest, OverflowingTheAddressSpaceSaysWhatWasLeft) {
  uint64_t half = uint64_t(1) << 63;
  const std::vector<std::vector<Interval>> shapes = {
      {Interval{0, 1}, Interval{0, 1}},
      {Interval{0, 1}, Interval{2, 3}, Interval{0, 3}}};
  for (const std::vector<Interval> &shape : shapes) {
    Problem problem;
    problem.pools.push_back({"p", std::nullopt, 1});
    for (auto [index, live] : llvm::enumerate(shape))
      problem.buffers.push_back(
          {"b" + std::to_string(index), half, 1, {}, live, {}});
    llvm::cantFail(problem.finalize());
    for (const std::string &name : getAlgorithmNames()) {
      llvm::Expected<Plan> plan =
          llvm::cantFail(createAlgorithm(name))->plan(problem, smallBudget(1));
      EXPECT_NE(
          errorMessage(plan).find(
              "of size 9223372036854775808 fits in no candidate pool: 'p' "
              "had 9223372036854775807 bytes left (no size hint, 64-bit "
              "address space)"),
          std::string::npos)
          << name << " on " << shape.size() << " buffers";
    }
  }
}

TEST(AllAlgorithmsTest, EmptyBuffersTakeNoRoom) {
  // An empty buffer conflicting with a full pool still fits, at offset 0,
  // whatever its alignment: TVM's greedy rules used to put it above its
  // conflicts, past the hint.
  for (bool graph : {false, true}) {
    Problem problem;
    problem.pools.push_back({"p", 8, 1});
    problem.buffers.push_back({"a", 8, 1, {}, Interval{0, 1}, {}});
    problem.buffers.push_back({"z", 0, 64, {}, Interval{1, 2}, {}});
    if (graph)
      problem.buffers.push_back({"y", 0, 16, {}, std::nullopt, {0}});
    llvm::cantFail(problem.finalize());
    for (const std::string &name : getAlgorithmNames()) {
      llvm::Expected<Plan> plan = planWith(name, problem, smallBudget(0));
      ASSERT_EQ(errorMessage(plan), "") << name;
      EXPECT_EQ(plan->poolSizes, std::vector<uint64_t>({8})) << name;
      for (const Placement &at : plan->placements)
        EXPECT_EQ(at.offset, 0u) << name;
    }
  }
}

TEST(AllAlgorithmsTest, HugeTimeLimitsMeanNoLimit) {
  // A deadline computed from 2^64 - 1 ms used to overflow into the past, so
  // the searches stopped at once with their first layout.
  Problem problem = conflictTriangleProblem();
  ASSERT_EQ(errorMessage(problem.finalize()), "");
  PlanOptions huge;
  huge.timeLimitMs = ~uint64_t(0);
  for (const std::string &name : getAlgorithmNames()) {
    llvm::Expected<Plan> plan = planWith(name, problem, huge);
    ASSERT_EQ(errorMessage(plan), "") << name;
    Plan unlimited = llvm::cantFail(planWith(name, problem));
    if (name != "auto")
      EXPECT_EQ(plan->poolSizes, unlimited.poolSizes) << name;
    EXPECT_EQ(plan->provenOptimal, unlimited.provenOptimal) << name;
  }
}

TEST(AllAlgorithmsTest, EmptyProblems) {
  Problem problem;
  problem.pools.push_back({"p", 0, 1});
  llvm::cantFail(problem.finalize());
  for (const std::string &name : getAlgorithmNames()) {
    llvm::Expected<Plan> plan = planWith(name, problem, smallBudget(0));
    ASSERT_EQ(errorMessage(plan), "") << name;
    EXPECT_EQ(plan->poolSizes, std::vector<uint64_t>({0})) << name;
  }
}

TEST(AllAlgorithmsTest, UnfinalizedProblemsAreRefused) {
  // Every algorithm indexes the candidate lists finalize() makes.
  Problem problem;
  problem.pools.push_back({"p", std::nullopt, 1});
  problem.buffers.push_back({"a", 8, 1, {}, Interval{0, 1}, {}});
  problem.buffers.push_back({"b", 8, 1, {}, Interval{1, 2}, {}});
  for (const std::string &name : getAlgorithmNames()) {
    llvm::Expected<Plan> plan = planWith(name, problem, smallBudget(0));
    EXPECT_EQ(errorMessage(plan),
              "the problem is not finalized: call Problem::finalize() first")
        << name;
  }
}

TEST(AllAlgorithmsTest, FactoriesMayCreateOtherAlgorithms) {
  // A wrapper's factory creates the algorithm it wraps: the registry must
  // not hold its lock while a factory runs.
  registerAlgorithm("test-wrapper", []() -> std::unique_ptr<Algorithm> {
    llvm::Expected<std::unique_ptr<Algorithm>> inner =
        createAlgorithm("greedy-by-size");
    if (!inner) {
      llvm::consumeError(inner.takeError());
      return nullptr;
    }
    return std::move(*inner);
  });
  llvm::Expected<std::unique_ptr<Algorithm>> wrapper =
      createAlgorithm("test-wrapper");
  ASSERT_EQ(errorMessage(wrapper), "");
  EXPECT_EQ((*wrapper)->getName(), "greedy-by-size");
}

} // namespace
