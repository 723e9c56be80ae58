//===- LowerBoundTest.cpp - Tests of the lower bounds and gaps ------------===//

#include "usmp/Planner/LowerBound.h"

#include "PlannerTestUtils.h"

#include "usmp/Planner/Algorithm.h"
#include "usmp/Planner/Verifier.h"

#include "gtest/gtest.h"

using namespace usmp::planner;
using namespace usmp::planner::testing;

namespace {

Problem finalized(Problem problem) {
  llvm::cantFail(problem.finalize());
  return problem;
}

TEST(LowerBoundTest, LargestTotalLiveAtOnce) {
  Problem problem;
  problem.pools.push_back({"p", std::nullopt, 1});
  problem.buffers.push_back({"a", 10, 1, {}, Interval{0, 2}, {}});
  problem.buffers.push_back({"b", 20, 1, {}, Interval{2, 4}, {}});
  problem.buffers.push_back({"c", 30, 1, {}, Interval{3, 5}, {}});
  problem.buffers.push_back({"d", 100, 1, {}, Interval{6, 6}, {}});
  problem = finalized(std::move(problem));
  LowerBounds bounds = computeLowerBounds(problem);
  // Ranges are inclusive: b and c share steps 3 and 4; d alone is larger.
  EXPECT_EQ(bounds.total, 100u);
  EXPECT_EQ(bounds.perPool, std::vector<uint64_t>({100}));
  problem.buffers[3].size = 40;
  EXPECT_EQ(computeLowerBounds(problem).total, 50u);

  // Not finalized: the bounds of a finalized copy; not valid: zero.
  Problem raw;
  raw.pools.push_back({"p", std::nullopt, 1});
  raw.buffers = problem.buffers;
  EXPECT_EQ(computeLowerBounds(raw).total, 50u);
  raw.buffers[0].name = "b";
  LowerBounds none = computeLowerBounds(raw);
  EXPECT_EQ(none.total, 0u);
  EXPECT_EQ(none.perPool, std::vector<uint64_t>({0}));
}

// The bound of an interval problem in one pool without alignment is the
// largest total size live at one time, checked time by time.
TEST(LowerBoundTest, MatchesTheLargestLiveSumAtEveryTime) {
  Random random(5);
  for (int round = 0; round < 300; ++round) {
    RandomProblemOptions options;
    options.maxPools = 1;
    options.maxBuffers = 30;
    options.maxTime = 20;
    options.explicitPercent = 0;
    options.alignedPercent = 0;
    Problem problem = randomProblem(random, options);
    problem.pools[0].alignment = 1;
    problem = finalized(std::move(problem));
    uint64_t expected = 0;
    for (int64_t time = -1; time <= 2 * options.maxTime + 1; ++time) {
      uint64_t live = 0;
      for (const Buffer &buffer : problem.buffers)
        if (buffer.live->start <= time && time <= buffer.live->end)
          live += buffer.size;
      expected = std::max(expected, live);
    }
    EXPECT_EQ(computeLowerBounds(problem).total, expected) << round;
  }
}

TEST(LowerBoundTest, AlignmentPadsAllButTheTopBuffer) {
  // Three co-live buffers of 5 bytes in a pool aligned to 8: two of them
  // start at multiples of 8 above another, so at least 8 + 8 + 5.
  Problem problem;
  problem.pools.push_back({"p", std::nullopt, 8});
  for (const char *name : {"a", "b", "c"})
    problem.buffers.push_back({name, 5, 1, {}, Interval{0, 1}, {}});
  problem = finalized(std::move(problem));
  EXPECT_EQ(computeLowerBounds(problem).perPool[0], 21u);
  // The bound is tight here: first fit reaches it.
  auto algorithm = llvm::cantFail(createAlgorithm("greedy-by-size"));
  Plan plan = llvm::cantFail(algorithm->plan(problem, PlanOptions()));
  EXPECT_EQ(plan.poolSizes[0], 21u);
}

TEST(LowerBoundTest, PerPoolFromSinglePoolBuffers) {
  Problem problem;
  problem.pools.push_back({"a", std::nullopt, 1});
  problem.pools.push_back({"b", std::nullopt, 1});
  problem.buffers.push_back({"x", 10, 1, {0}, Interval{0, 1}, {}});
  problem.buffers.push_back({"y", 20, 1, {1}, Interval{0, 1}, {}});
  problem.buffers.push_back({"z", 50, 1, {0, 1}, Interval{0, 1}, {}});
  problem = finalized(std::move(problem));
  LowerBounds bounds = computeLowerBounds(problem);
  EXPECT_EQ(bounds.perPool, std::vector<uint64_t>({10, 20}));
  // z must go somewhere while x and y are live too.
  EXPECT_EQ(bounds.total, 80u);
}

TEST(LowerBoundTest, CliquesOfExplicitConflicts) {
  // A 4-clique of 1, 2, 3, 4 and a heavy buffer conflicting with one member.
  Problem problem;
  problem.pools.push_back({"p", std::nullopt, 1});
  problem.buffers.push_back({"a", 1, 1, {}, std::nullopt, {1, 2, 3}});
  problem.buffers.push_back({"b", 2, 1, {}, std::nullopt, {2, 3}});
  problem.buffers.push_back({"c", 3, 1, {}, std::nullopt, {3}});
  problem.buffers.push_back({"d", 4, 1, {}, std::nullopt, {}});
  problem.buffers.push_back({"e", 8, 1, {}, std::nullopt, {0}});
  problem = finalized(std::move(problem));
  EXPECT_EQ(computeLowerBounds(problem).total, 10u);
}

TEST(LowerBoundTest, CliquesMixingIntervalsAndExplicitConflicts) {
  Problem problem;
  problem.pools.push_back({"p", std::nullopt, 1});
  // a and b never share a step but conflict explicitly, x (no interval)
  // conflicts with both: a clique of 15 where steps see 5 at most. c
  // overlaps a and b in time but not x; y overlaps nothing.
  problem.buffers.push_back({"a", 5, 1, {}, Interval{0, 1}, {1}});
  problem.buffers.push_back({"b", 5, 1, {}, Interval{5, 6}, {}});
  problem.buffers.push_back({"x", 5, 1, {}, std::nullopt, {0, 1}});
  problem.buffers.push_back({"c", 4, 1, {}, Interval{1, 5}, {}});
  problem.buffers.push_back({"y", 3, 1, {}, Interval{9, 9}, {}});
  problem = finalized(std::move(problem));
  EXPECT_EQ(computeLowerBounds(problem).total, 15u);
  // The cliques are found without the conflict graph, which has an edge
  // per pair of buffers live together (millions with thousands live at
  // once, as when one function is called between long-lived buffers).
  EXPECT_FALSE(problem.hasConflictGraph());
}

TEST(LowerBoundTest, NeverAboveAnyVerifiedPlan) {
  Random random(11);
  std::vector<std::string> names = getAlgorithmNames();
  for (int i = 0; i < 500; ++i) {
    RandomProblemOptions options;
    options.alwaysFeasible = true;
    options.explicitPercent = i % 2 ? 50 : 0;
    Problem problem = randomProblem(random, options);
    LowerBounds bounds = computeLowerBounds(problem);
    for (const std::string &name :
         {std::string("greedy-by-size"), std::string("hill-climb")}) {
      auto algorithm = llvm::cantFail(createAlgorithm(name));
      PlanOptions planOptions;
      planOptions.nodeLimit = 50;
      llvm::Expected<Plan> plan = algorithm->plan(problem, planOptions);
      ASSERT_EQ(errorMessage(plan), "");
      ASSERT_EQ(errorMessage(verifyPlan(problem, *plan)), "");
      EXPECT_LE(bounds.total, totalSize(*plan)) << name << " " << i;
      for (size_t p = 0; p < problem.pools.size(); ++p)
        EXPECT_LE(bounds.perPool[p], plan->poolSizes[p]) << name << " " << i;
    }
  }
}

TEST(LowerBoundTest, SaturatesInsteadOfWrapping) {
  Problem problem;
  problem.pools.push_back({"p", std::nullopt, 1});
  for (const char *name : {"a", "b", "c"})
    problem.buffers.push_back(
        {name, uint64_t(1) << 63, 1, {}, Interval{0, 1}, {}});
  problem = finalized(std::move(problem));
  EXPECT_EQ(computeLowerBounds(problem).total, ~uint64_t(0));
  Plan plan;
  plan.poolSizes = {~uint64_t(0), 5};
  EXPECT_EQ(totalSize(plan), ~uint64_t(0));
}

TEST(LowerBoundTest, GapPercent) {
  EXPECT_DOUBLE_EQ(gapPercent(110, 100), 10.0);
  EXPECT_DOUBLE_EQ(gapPercent(100, 100), 0.0);
  EXPECT_DOUBLE_EQ(gapPercent(0, 0), 0.0);
  EXPECT_DOUBLE_EQ(gapPercent(5, 0), 100.0);
}

} // namespace
