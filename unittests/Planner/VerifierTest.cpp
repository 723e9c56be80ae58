//===- VerifierTest.cpp - Tests of the independent plan verifier ----------===//

#include "usmp/Planner/Verifier.h"

#include "PlannerTestUtils.h"

#include "llvm/ADT/STLExtras.h"

#include "gtest/gtest.h"

using namespace usmp::planner;
using namespace usmp::planner::testing;

namespace {

/// Two pools (the first aligned to 4 with a hint of 32) and three buffers:
/// a and b overlap in time, c conflicts explicitly with a.
Problem smallProblem() {
  Problem problem;
  problem.pools.push_back({"sram", 32, 4});
  problem.pools.push_back({"dram", std::nullopt, 1});
  problem.buffers.push_back({"a", 8, 1, {}, Interval{0, 2}, {}});
  problem.buffers.push_back({"b", 8, 8, {0}, Interval{2, 3}, {}});
  problem.buffers.push_back({"c", 4, 1, {}, std::nullopt, {0}});
  llvm::cantFail(problem.finalize());
  return problem;
}

Plan validPlan() {
  Plan plan;
  plan.placements = {{0, 0}, {0, 8}, {1, 0}};
  plan.poolSizes = {16, 4};
  return plan;
}

std::string check(const Plan &plan, const Problem &problem = smallProblem()) {
  return errorMessage(verifyPlan(problem, plan));
}

TEST(VerifierTest, AcceptsValidPlan) { EXPECT_EQ(check(validPlan()), ""); }

TEST(VerifierTest, RejectsWrongCounts) {
  Plan plan = validPlan();
  plan.placements.pop_back();
  EXPECT_EQ(check(plan), "invalid plan: it has 2 placements for 3 buffers");
  plan = validPlan();
  plan.poolSizes.push_back(0);
  EXPECT_EQ(check(plan), "invalid plan: it has 3 pool sizes for 2 pools");
}

TEST(VerifierTest, RejectsPoolOutsideCandidates) {
  Plan plan = validPlan();
  plan.placements[1] = {1, 8};
  plan.poolSizes = {8, 16};
  EXPECT_EQ(check(plan), "invalid plan: buffer 'b' is in pool 'dram', which "
                         "is not one of its candidates");
  plan.placements[1] = {7, 8};
  EXPECT_EQ(check(plan),
            "invalid plan: buffer 'b' is in pool #7, which does not exist");
}

TEST(VerifierTest, RejectsMisalignedOffsets) {
  Plan plan = validPlan();
  plan.placements[1] = {0, 12};
  plan.poolSizes = {20, 4};
  EXPECT_EQ(check(plan), "invalid plan: buffer 'b' is at offset 12, not a "
                         "multiple of its alignment 8");
  plan = validPlan();
  plan.placements[0] = {0, 18};
  plan.poolSizes = {26, 4};
  EXPECT_EQ(check(plan), "invalid plan: buffer 'a' is at offset 18, not a "
                         "multiple of pool 'sram' alignment 4");
}

TEST(VerifierTest, RejectsWrongPoolSizeAndHint) {
  Plan plan = validPlan();
  plan.poolSizes = {24, 4};
  EXPECT_EQ(check(plan), "invalid plan: pool 'sram' has size 24 but its "
                         "buffers end at 16");
  plan.placements[1] = {0, 32};
  plan.poolSizes = {40, 4};
  EXPECT_EQ(check(plan), "invalid plan: pool 'sram' needs 40 bytes, above "
                         "its size hint 32");
}

TEST(VerifierTest, RejectsOverflow) {
  Problem problem;
  problem.pools.push_back({"p", std::nullopt, 1});
  problem.buffers.push_back(
      {"huge", uint64_t(1) << 63, 1, {}, Interval{0, 0}, {}});
  llvm::cantFail(problem.finalize());
  Plan plan;
  plan.placements = {{0, uint64_t(1) << 63 | 8}};
  plan.poolSizes = {0};
  EXPECT_EQ(check(plan, problem),
            "invalid plan: buffer 'huge' at offset 9223372036854775816 with "
            "size 9223372036854775808 overflows 64 bits");
}

TEST(VerifierTest, RejectsIntervalOverlapIncludingSharedEndpoint) {
  Plan plan = validPlan();
  // a is live over [0, 2] and b over [2, 3]: they meet at step 2.
  plan.placements[1] = {0, 0};
  plan.poolSizes = {8, 4};
  EXPECT_EQ(check(plan), "invalid plan: buffers 'a' [0, 8) and 'b' [0, 8) "
                         "are live at the same time and overlap in pool "
                         "'sram'");
}

TEST(VerifierTest, RejectsExplicitConflictListedOnEitherSide) {
  Plan plan = validPlan();
  plan.placements[2] = {0, 4};
  plan.poolSizes = {16, 0};
  // Only c lists a.
  EXPECT_EQ(check(plan), "invalid plan: buffers 'c' [4, 8) and 'a' [0, 8) "
                         "conflict and overlap in pool 'sram'");
}

TEST(VerifierTest, AllowsNonConflictingSharingAndZeroSizes) {
  Problem problem;
  problem.pools.push_back({"p", 8, 1});
  problem.buffers.push_back({"a", 8, 1, {}, Interval{0, 1}, {}});
  problem.buffers.push_back({"b", 8, 1, {}, Interval{2, 3}, {}});
  problem.buffers.push_back({"empty", 0, 1, {}, Interval{0, 3}, {0, 1}});
  llvm::cantFail(problem.finalize());
  Plan plan;
  plan.placements = {{0, 0}, {0, 0}, {0, 4}};
  plan.poolSizes = {8};
  EXPECT_EQ(check(plan, problem), "");
}

/// A quadratic reference of the overlap rule, to cross-check the sweep.
bool bruteForceValid(const Problem &problem, const Plan &plan) {
  for (unsigned a = 0; a < problem.buffers.size(); ++a)
    for (unsigned b = a + 1; b < problem.buffers.size(); ++b) {
      const Placement &p = plan.placements[a], &q = plan.placements[b];
      uint64_t sa = problem.buffers[a].size, sb = problem.buffers[b].size;
      if (p.pool == q.pool && problem.conflict(a, b) && sa && sb &&
          p.offset < q.offset + sb && q.offset < p.offset + sa)
        return false;
    }
  return true;
}

TEST(VerifierTest, SweepAgreesWithBruteForceOnRandomPlans) {
  Random random(7);
  unsigned valid = 0, invalid = 0;
  for (int i = 0; i < 3000; ++i) {
    RandomProblemOptions options;
    options.hintedPercent = 0;
    options.explicitPercent = i % 3 == 0 ? 40 : 0;
    options.maxSize = 8;
    Problem problem = randomProblem(random, options);
    Plan plan;
    plan.poolSizes.assign(problem.pools.size(), 0);
    for (unsigned b = 0; b < problem.buffers.size(); ++b) {
      unsigned pool = problem.candidates(
          b)[random.between(0, problem.candidates(b).size() - 1)];
      uint64_t alignment =
          std::max(problem.buffers[b].alignment, problem.pools[pool].alignment);
      uint64_t offset = alignment * random.between(0, 40 / alignment);
      plan.placements.push_back({pool, offset});
      plan.poolSizes[pool] =
          std::max(plan.poolSizes[pool], offset + problem.buffers[b].size);
    }
    bool expected = bruteForceValid(problem, plan);
    std::string message = check(plan, problem);
    EXPECT_EQ(message.empty(), expected) << "instance " << i << ": " << message;
    ++(expected ? valid : invalid);
  }
  // Both outcomes must be exercised for the comparison to mean anything.
  EXPECT_GT(valid, 300u);
  EXPECT_GT(invalid, 300u);
}

TEST(VerifierTest, ChecksLargeIntervalPlans) {
  // 200k buffers in a staircase: buffer i lives over [i, i + 3] at offset
  // (i % 4) * 16; a fifth of them would overlap with stride 3.
  Problem problem;
  problem.pools.push_back({"p", std::nullopt, 16});
  const unsigned n = 200000;
  for (unsigned i = 0; i < n; ++i)
    problem.buffers.push_back({"b" + std::to_string(i),
                               16,
                               1,
                               {},
                               Interval{int64_t(i), int64_t(i) + 3},
                               {}});
  llvm::cantFail(problem.finalize());
  Plan plan;
  plan.poolSizes = {64};
  for (unsigned i = 0; i < n; ++i)
    plan.placements.push_back({0, (i % 4) * 16});
  EXPECT_EQ(check(plan, problem), "");
  plan.placements[100000].offset = plan.placements[100001].offset;
  EXPECT_NE(check(plan, problem), "");
}

} // namespace
