//===- FirstFitTest.cpp - Tests of the shared order-driven placement ------===//

#include "usmp/Planner/FirstFit.h"
#include "usmp/Planner/Verifier.h"

#include "PlannerTestUtils.h"

#include "gtest/gtest.h"

#include <limits>

using namespace usmp::planner;
using namespace usmp::planner::testing;

namespace {

TEST(FirstFitTest, AlignUpAndCheckedEnd) {
  EXPECT_EQ(alignUp(0, 8), 0u);
  EXPECT_EQ(alignUp(9, 8), 16u);
  EXPECT_EQ(alignUp(16, 8), 16u);
  constexpr uint64_t max = std::numeric_limits<uint64_t>::max();
  EXPECT_EQ(alignUp(max, 1), max);
  EXPECT_EQ(alignUp(max - 3, 8), std::nullopt);
  EXPECT_EQ(checkedEnd(max - 4, 4), max);
  EXPECT_EQ(checkedEnd(max - 4, 5), std::nullopt);
}

/// a [0, 1] size 10, b [1, 2] size 10, c [2, 3] size 4: a and c never meet.
Problem chain(std::optional<uint64_t> hint = {}) {
  Problem problem;
  problem.pools.push_back({"sram", hint, 1});
  problem.buffers.push_back({"a", 10, 1, {}, Interval{0, 1}, {}});
  problem.buffers.push_back({"b", 10, 1, {}, Interval{1, 2}, {}});
  problem.buffers.push_back({"c", 4, 4, {}, Interval{2, 3}, {}});
  llvm::cantFail(problem.finalize());
  return problem;
}

Plan place(const Problem &problem, std::vector<unsigned> order,
           OffsetRule rule) {
  llvm::Expected<Plan> plan = placeInOrder(problem, order, rule, "test");
  EXPECT_EQ(errorMessage(plan), "");
  if (!plan)
    return Plan();
  EXPECT_EQ(errorMessage(verifyPlan(problem, *plan)), "");
  return std::move(*plan);
}

TEST(FirstFitTest, OffsetRules) {
  Problem problem = chain();
  // Order b, a, c: a above b; c conflicts only with b [0, 10).
  Plan above = place(problem, {1, 0, 2}, OffsetRule::AboveConflicts);
  EXPECT_EQ(above.placements[0].offset, 10u);
  EXPECT_EQ(above.placements[2].offset, 12u); // 10 aligned to 4
  EXPECT_EQ(above.poolSizes, std::vector<uint64_t>({20}));
  EXPECT_EQ(above.algorithm, "test");

  // Order a, c, b: with a at 0 and c at 0, b goes above both.
  Plan gap = place(problem, {0, 2, 1}, OffsetRule::LowestGap);
  EXPECT_EQ(gap.placements[2].offset, 0u);
  EXPECT_EQ(gap.placements[1].offset, 10u);
}

TEST(FirstFitTest, LowestGapFillsHoles) {
  // x [0, 9] size 4 at 0, y [0, 1] size 4 at 4, z [0, 9] size 4 at 8; then
  // w [5, 9] fits in y's hole at 4.
  Problem problem;
  problem.pools.push_back({"p", std::nullopt, 1});
  problem.buffers.push_back({"x", 4, 1, {}, Interval{0, 9}, {}});
  problem.buffers.push_back({"y", 4, 1, {}, Interval{0, 1}, {}});
  problem.buffers.push_back({"z", 4, 1, {}, Interval{0, 9}, {}});
  problem.buffers.push_back({"w", 4, 1, {}, Interval{5, 9}, {}});
  llvm::cantFail(problem.finalize());
  Plan gap = place(problem, {0, 1, 2, 3}, OffsetRule::LowestGap);
  EXPECT_EQ(gap.placements[3].offset, 4u);
  EXPECT_EQ(gap.poolSizes, std::vector<uint64_t>({12}));
  Plan above = place(problem, {0, 1, 2, 3}, OffsetRule::AboveConflicts);
  EXPECT_EQ(above.placements[3].offset, 12u);
}

TEST(FirstFitTest, FallsBackOnlyWhenTheHintIsExceeded) {
  Problem fresh;
  fresh.pools.push_back({"sram", 20, 1});
  fresh.pools.push_back({"dram", std::nullopt, 1});
  fresh.buffers.push_back({"a", 10, 1, {}, Interval{0, 1}, {}});
  fresh.buffers.push_back({"b", 10, 1, {}, Interval{1, 2}, {}});
  fresh.buffers.push_back({"c", 9, 4, {}, Interval{2, 3}, {}});
  llvm::cantFail(fresh.finalize());
  // a at 0, b at 10 (ends at 20 = hint, fits), c needs 12 + 9 > 20: dram.
  Plan plan = place(fresh, {0, 1, 2}, OffsetRule::AboveConflicts);
  EXPECT_EQ(plan.placements[1].pool, 0u);
  EXPECT_EQ(plan.placements[1].offset, 10u);
  EXPECT_EQ(plan.placements[2].pool, 1u);
  EXPECT_EQ(plan.placements[2].offset, 0u);
  EXPECT_EQ(plan.poolSizes, std::vector<uint64_t>({20, 9}));
}

TEST(FirstFitTest, FailureNamesBufferSizeAndRoomPerCandidate) {
  Problem problem;
  problem.pools.push_back({"sram", 13, 1});
  problem.pools.push_back({"tcm", 6, 1});
  problem.buffers.push_back({"big", 12, 1, {}, Interval{0, 1}, {}});
  problem.buffers.push_back({"next", 8, 1, {1, 0}, Interval{0, 1}, {}});
  llvm::cantFail(problem.finalize());
  llvm::Expected<Plan> plan =
      placeInOrder(problem, {0, 1}, OffsetRule::LowestGap, "test");
  EXPECT_EQ(errorMessage(plan),
            "buffer 'next' of size 8 fits in no candidate pool: 'tcm' had 6 "
            "bytes left (size hint 6), 'sram' had 1 byte left (size hint "
            "13)");
}

TEST(FirstFitTest, OverflowIsAFailureNotAWrap) {
  constexpr uint64_t half = uint64_t(1) << 63;
  Problem problem;
  problem.pools.push_back({"p", std::nullopt, 1});
  problem.buffers.push_back({"x", half, 1, {}, Interval{0, 1}, {}});
  problem.buffers.push_back({"y", half, 1, {}, Interval{0, 1}, {}});
  problem.buffers.push_back({"z", 1, 1, {}, Interval{0, 1}, {}});
  llvm::cantFail(problem.finalize());
  for (OffsetRule rule : {OffsetRule::AboveConflicts, OffsetRule::LowestGap}) {
    llvm::Expected<Plan> plan = placeInOrder(problem, {0, 1, 2}, rule, "t");
    EXPECT_EQ(errorMessage(plan),
              "buffer 'y' of size 9223372036854775808 fits in no candidate "
              "pool: 'p' had 9223372036854775807 bytes left (no size hint, "
              "64-bit address space)");
  }
}

TEST(FirstFitTest, ZeroSizeBuffersTakeNoRoom) {
  Problem problem;
  problem.pools.push_back({"p", 8, 1});
  problem.buffers.push_back({"a", 8, 1, {}, Interval{0, 1}, {}});
  problem.buffers.push_back({"none", 0, 1, {}, Interval{0, 1}, {}});
  problem.buffers.push_back({"b", 0, 4, {}, Interval{0, 1}, {0}});
  llvm::cantFail(problem.finalize());
  Plan plan = place(problem, {1, 0, 2}, OffsetRule::LowestGap);
  EXPECT_EQ(plan.placements[0].offset, 0u);
  EXPECT_EQ(plan.poolSizes, std::vector<uint64_t>({8}));
}

TEST(FirstFitTest, IntervalPathsMatchTheConflictGraph) {
  // Interval-only problems place without the conflict graph (a skyline for
  // AboveConflicts, an interval index for LowestGap); a self conflict
  // (ignored, but explicit) forces the conflict-graph path on an otherwise
  // identical problem. Every fourth problem has hundreds of time steps, so
  // live ranges span several of the skyline's blocks whole and in part.
  Random random(21);
  for (int i = 0; i < 1000; ++i) {
    RandomProblemOptions shape;
    shape.maxBuffers = i % 4 == 3 ? 400 : 40;
    shape.maxTime = i % 4 == 3 ? 2000 : 30;
    shape.hintedPercent = i % 2 ? 60 : 0;
    Problem intervals = randomProblem(random, shape);
    ASSERT_TRUE(intervals.isIntervalOnly());
    Problem graph;
    graph.pools = intervals.pools;
    graph.buffers = intervals.buffers;
    graph.buffers[0].conflicts = {0};
    llvm::cantFail(graph.finalize());
    ASSERT_FALSE(graph.isIntervalOnly());
    std::vector<unsigned> order(intervals.buffers.size());
    for (unsigned b = 0; b < order.size(); ++b)
      order[b] = b;
    for (size_t k = order.size(); k > 1; --k)
      std::swap(order[k - 1], order[random.between(0, k - 1)]);
    for (OffsetRule rule :
         {OffsetRule::AboveConflicts, OffsetRule::LowestGap}) {
      llvm::Expected<Plan> fast = placeInOrder(intervals, order, rule, "x");
      llvm::Expected<Plan> slow = placeInOrder(graph, order, rule, "x");
      std::string fastError = errorMessage(fast);
      ASSERT_EQ(fastError, errorMessage(slow)) << "instance " << i;
      if (!fast)
        continue;
      EXPECT_EQ(fast->poolSizes, slow->poolSizes) << "instance " << i;
      for (unsigned b = 0; b < order.size(); ++b) {
        EXPECT_EQ(fast->placements[b].pool, slow->placements[b].pool);
        EXPECT_EQ(fast->placements[b].offset, slow->placements[b].offset);
      }
      EXPECT_EQ(errorMessage(verifyPlan(intervals, *fast)), "");
    }
    EXPECT_FALSE(intervals.hasConflictGraph());
  }
}

TEST(FirstFitTest, IntervalIndexFindsExactlyTheOverlaps) {
  Random random(5);
  RandomProblemOptions shape;
  shape.maxBuffers = 60;
  shape.maxTime = 40;
  for (int i = 0; i < 200; ++i) {
    Problem problem = randomProblem(random, shape);
    IntervalIndex index(problem);
    index.activateAll();
    for (unsigned b = 0; b < problem.buffers.size(); ++b) {
      std::vector<unsigned> found;
      index.forEachOverlapping(*problem.buffers[b].live, [&](unsigned c) {
        if (c != b)
          found.push_back(c);
      });
      llvm::sort(found);
      EXPECT_EQ(llvm::ArrayRef<unsigned>(found), problem.neighbours(b));
    }
  }
}

} // namespace
