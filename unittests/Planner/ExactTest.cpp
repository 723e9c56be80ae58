//===- ExactTest.cpp - Tests of the branch-and-bound planner --------------===//

#include "PlannerTestUtils.h"

#include "usmp/Planner/Exact.h"
#include "usmp/Planner/LowerBound.h"
#include "usmp/Planner/Verifier.h"

#include "gtest/gtest.h"

#include <limits>

using namespace usmp::planner;
using namespace usmp::planner::testing;

namespace {

Buffer liveBuffer(std::string name, uint64_t size, int64_t start, int64_t end,
                  uint64_t alignment = 1) {
  Buffer buffer;
  buffer.name = std::move(name);
  buffer.size = size;
  buffer.alignment = alignment;
  buffer.live = Interval{start, end};
  return buffer;
}

Problem onePool(std::vector<Buffer> buffers,
                std::optional<uint64_t> hint = std::nullopt) {
  Problem problem;
  problem.pools.push_back({"pool", hint, 1});
  problem.buffers = std::move(buffers);
  llvm::cantFail(problem.finalize());
  return problem;
}

/// Plans with the exact search and checks the plan with the verifier.
Plan planAndVerify(const Problem &problem, bool minimize = true,
                   uint64_t nodeLimit = 0) {
  PlanOptions options;
  options.nodeLimit = nodeLimit;
  ExactOptions exactOptions;
  exactOptions.minimize = minimize;
  llvm::Expected<Plan> plan = planExact(problem, options, exactOptions);
  EXPECT_EQ(errorMessage(plan), "");
  if (!plan)
    return Plan();
  EXPECT_EQ(errorMessage(verifyPlan(problem, *plan)), "");
  EXPECT_EQ(plan->algorithm, "exact");
  return *plan;
}

/// The smallest pool size of a one-pool problem, by trying every offset of
/// every buffer below the best size found so far.
uint64_t bruteForce(const Problem &problem) {
  unsigned n = problem.buffers.size();
  uint64_t best = 0;
  uint64_t poolAlign = problem.pools[0].alignment;
  // Stacking every buffer, each aligned, always fits.
  for (const Buffer &buffer : problem.buffers)
    best += buffer.size + std::max(buffer.alignment, poolAlign);
  std::vector<uint64_t> offsets(n);
  std::function<void(unsigned, uint64_t)> assign = [&](unsigned b,
                                                       uint64_t peak) {
    if (peak >= best)
      return;
    if (b == n) {
      best = peak;
      return;
    }
    const Buffer &buffer = problem.buffers[b];
    uint64_t align = std::max(buffer.alignment, poolAlign);
    for (uint64_t offset = 0; offset + buffer.size < best; offset += align) {
      bool clash = false;
      for (unsigned other = 0; other < b && !clash; ++other)
        clash = problem.conflict(b, other) && buffer.size != 0 &&
                problem.buffers[other].size != 0 &&
                offsets[other] < offset + buffer.size &&
                offset < offsets[other] + problem.buffers[other].size;
      if (clash)
        continue;
      offsets[b] = offset;
      assign(b + 1, std::max(peak, offset + buffer.size));
    }
  };
  assign(0, 0);
  return best;
}

TEST(ExactTest, MiniMallocReadmeExampleIsOptimal) {
  // MiniMalloc's README instance (half-open [lower, upper) made inclusive).
  Problem problem =
      onePool({liveBuffer("b1", 4, 0, 2), liveBuffer("b2", 4, 3, 8),
               liveBuffer("b3", 4, 0, 8), liveBuffer("b4", 4, 9, 20),
               liveBuffer("b5", 4, 0, 20)});
  Plan plan = planAndVerify(problem);
  EXPECT_EQ(plan.poolSizes[0], 12u);
  EXPECT_TRUE(plan.provenOptimal);
}

TEST(ExactTest, ProvesAnOptimumAboveTheLowerBound) {
  // A 5-cycle of conflicts, every buffer of size 1: any two adjacent ones
  // overlap in time only pairwise, so the lower bound is 2, but an odd cycle
  // needs 3 colours, hence size 3.
  Problem problem;
  problem.pools.push_back({"pool", std::nullopt, 1});
  for (unsigned i = 0; i < 5; ++i) {
    Buffer buffer;
    buffer.name = "c" + std::to_string(i);
    buffer.size = 1;
    buffer.conflicts = {(i + 1) % 5};
    problem.buffers.push_back(buffer);
  }
  llvm::cantFail(problem.finalize());
  EXPECT_EQ(computeLowerBounds(problem).total, 2u);
  Plan plan = planAndVerify(problem);
  EXPECT_EQ(plan.poolSizes[0], 3u);
  EXPECT_TRUE(plan.provenOptimal);
}

TEST(ExactTest, DecisionModeFitsAtCapacityAndFailsBelow) {
  // Interval instance where first fit by size needs 5 but 4 is possible:
  // a(2)[0,1], b(2)[1,2], c(1)[0,0], d(1)[2,2], e(2)[0,0], f(2)[2,2].
  auto buffers = [] {
    return std::vector<Buffer>{
        liveBuffer("a", 2, 0, 1), liveBuffer("b", 2, 1, 2),
        liveBuffer("c", 1, 0, 0), liveBuffer("d", 1, 2, 2),
        liveBuffer("e", 1, 0, 0), liveBuffer("f", 1, 2, 2)};
  };
  Problem fits = onePool(buffers(), 4);
  Plan plan = planAndVerify(fits, /*minimize=*/false);
  EXPECT_LE(plan.poolSizes[0], 4u);

  Problem tooSmall = onePool(buffers(), 3);
  PlanOptions options;
  ExactOptions decision;
  decision.minimize = false;
  llvm::Expected<Plan> none = planExact(tooSmall, options, decision);
  std::string message = errorMessage(none);
  EXPECT_NE(message.find("fits in no candidate pool"), std::string::npos)
      << message;
  EXPECT_NE(message.find("; the exact search proved that no layout of pool "
                         "'pool' fits within its size hint"),
            std::string::npos)
      << message;

  // Out of nodes before a layout within 20 bytes (the optimum; first fit
  // by size needs 24): first fit's failure, and that it proves nothing.
  Problem hard = sizeOrderMissesTheBoundProblem();
  ASSERT_EQ(errorMessage(hard.finalize()), "");
  options.nodeLimit = 1;
  for (bool minimize : {false, true}) {
    decision.minimize = minimize;
    llvm::Expected<Plan> unknown = planExact(hard, options, decision);
    message = errorMessage(unknown);
    EXPECT_NE(message.find("fits in no candidate pool: 'pool' had"),
              std::string::npos)
        << message;
    EXPECT_NE(message.find("; the exact search ran out of its budget after "),
              std::string::npos)
        << message;
    EXPECT_NE(message.find(", so a layout within the size hints may exist"),
              std::string::npos)
        << message;
  }
}

TEST(ExactTest, FixedPoolChoiceSaysALayoutMayExist) {
  // x fits only in B if y and z are to fit in A; the search keeps first
  // fit's choice of A for x, and says a layout may still exist.
  Problem problem;
  problem.pools = {{"A", 10, 1}, {"B", 6, 1}};
  Buffer x = liveBuffer("x", 6, 0, 0), y = liveBuffer("y", 5, 0, 0),
         z = liveBuffer("z", 5, 0, 0);
  x.pools = {0, 1};
  y.pools = z.pools = {0};
  problem.buffers = {x, y, z};
  ASSERT_EQ(errorMessage(problem.finalize()), "");
  for (bool minimize : {false, true}) {
    ExactOptions exactOptions;
    exactOptions.minimize = minimize;
    llvm::Expected<Plan> plan = planExact(problem, PlanOptions(), exactOptions);
    std::string message = errorMessage(plan);
    EXPECT_NE(message.find("; the exact search keeps each buffer in the pool "
                           "first fit in size order gives it, so a layout "
                           "with other pool choices may exist ('auto' tries "
                           "them)"),
              std::string::npos)
        << message;
  }
}

// A node costs a fixed 500 plus a unit per buffer and one per membership of
// a section: a live range per event time within it, an explicit conflict
// per entry (both sides).
TEST(ExactTest, NodeCostAndDefaultNodeLimit) {
  Problem chain = onePool({liveBuffer("a", 1, 0, 1), liveBuffer("b", 1, 1, 2),
                           liveBuffer("c", 1, 5, 5)});
  // Event times 0, 1, 2, 3, 5, 6: a covers 0 and 1, b 1 and 2, c 5.
  EXPECT_EQ(exactNodeCost(chain), 500u + 3 + 2 + 2 + 1);
  EXPECT_EQ(defaultExactNodeLimit(chain), kDefaultExactNodeLimit);

  // A complete conflict graph of 200 buffers: 500 + 200 + 200 * 199 units,
  // so about 30 s of work by the model is fewer nodes than the cap.
  std::vector<Buffer> clique;
  for (unsigned i = 0; i < 200; ++i) {
    Buffer buffer{"b" + std::to_string(i), 1, 1, {}, std::nullopt, {}};
    for (unsigned j = 0; j < i; ++j)
      buffer.conflicts.push_back(j);
    clique.push_back(std::move(buffer));
  }
  Problem dense = onePool(std::move(clique));
  uint64_t cost = 500 + 200 + 200 * 199;
  EXPECT_EQ(exactNodeCost(dense), cost);
  EXPECT_EQ(defaultExactNodeLimit(dense),
            kDefaultExactMs * kExactCostPerMs / cost);
  EXPECT_LT(defaultExactNodeLimit(dense), kDefaultExactNodeLimit);
}

TEST(ExactTest, AlignmentIsHonoured) {
  // Conflicting a (5 bytes) and b (4 bytes, 8-aligned): b at 0, a at 4.
  Problem problem = onePool(
      {liveBuffer("a", 5, 0, 1), liveBuffer("b", 4, 0, 1, /*alignment=*/8)});
  Plan plan = planAndVerify(problem);
  EXPECT_EQ(plan.poolSizes[0], 9u);
  EXPECT_EQ(plan.placements[1].offset, 0u);
  EXPECT_TRUE(plan.provenOptimal);

  // A pool alignment of 8 applies to everything: a at 0, b at 8.
  problem.pools[0].alignment = 8;
  plan = planAndVerify(problem);
  EXPECT_EQ(plan.poolSizes[0], 12u);
  EXPECT_EQ(plan.placements[0].offset, 0u);
}

TEST(ExactTest, ZeroSizeBuffersAndEmptyProblems) {
  Problem empty = onePool({});
  Plan plan = planAndVerify(empty);
  EXPECT_EQ(plan.poolSizes, std::vector<uint64_t>{0});
  EXPECT_TRUE(plan.provenOptimal);

  Problem zeros = onePool({liveBuffer("z", 0, 0, 5), liveBuffer("a", 6, 0, 5),
                           liveBuffer("y", 0, 2, 3)});
  plan = planAndVerify(zeros);
  EXPECT_EQ(plan.poolSizes[0], 6u);
}

TEST(ExactTest, SeveralPoolsFollowTheFallbackRule) {
  // Pool "fast" holds 8 bytes; three conflicting 4-byte buffers prefer it,
  // so one of them falls back to "slow".
  Problem problem;
  problem.pools.push_back({"fast", 8, 1});
  problem.pools.push_back({"slow", std::nullopt, 1});
  for (unsigned i = 0; i < 3; ++i)
    problem.buffers.push_back(liveBuffer("b" + std::to_string(i), 4, 0, 3));
  // A buffer that may only go to "slow".
  Buffer onlySlow = liveBuffer("s", 5, 0, 3);
  onlySlow.pools = {1};
  problem.buffers.push_back(onlySlow);
  llvm::cantFail(problem.finalize());
  Plan plan = planAndVerify(problem);
  EXPECT_EQ(plan.poolSizes[0], 8u);
  EXPECT_EQ(plan.poolSizes[1], 9u);
  EXPECT_EQ(plan.placements[3].pool, 1u);

  // Every buffer fitting its first choice stays there.
  problem.pools[0].sizeHint = 12;
  plan = planAndVerify(problem);
  EXPECT_EQ(plan.poolSizes[0], 12u);
  EXPECT_EQ(plan.poolSizes[1], 5u);
}

TEST(ExactTest, FailsWithoutWrappingOnHugeSizes) {
  uint64_t half = uint64_t(1) << 63;
  Problem problem =
      onePool({liveBuffer("a", half, 0, 1), liveBuffer("b", half, 0, 1)});
  PlanOptions options;
  llvm::Expected<Plan> plan = planExact(problem, options);
  // The search ends below 2^64 - 1, so it proves nothing here.
  std::string message = errorMessage(plan);
  EXPECT_NE(message.find("fits in no candidate pool"), std::string::npos)
      << message;
  EXPECT_EQ(message.find("proved"), std::string::npos) << message;

  // Disjoint lifetimes share the space: fine.
  Problem disjoint =
      onePool({liveBuffer("a", half, 0, 1), liveBuffer("b", half, 2, 3)});
  EXPECT_EQ(planAndVerify(disjoint).poolSizes[0], half);
}

// At a hint equal to the lower bound, minimize mode searches there once, as
// decision mode does (it used to try the bound with a quarter of the budget
// first and then search the same capacity again).
TEST(ExactTest, SearchesAHintAtTheLowerBoundOnce) {
  Problem problem = sizeOrderMissesTheBoundProblem();
  ASSERT_EQ(errorMessage(problem.finalize()), "");
  ExactOptions decision;
  decision.minimize = false;
  ExactStats decided;
  llvm::Expected<Plan> first = planExact(problem, {}, decision, &decided);
  ASSERT_EQ(errorMessage(first), "");
  ASSERT_GE(decided.nodes, 4u);

  PlanOptions options;
  options.nodeLimit = decided.nodes + 1;
  ExactStats minimized;
  llvm::Expected<Plan> plan = planExact(problem, options, {}, &minimized);
  ASSERT_EQ(errorMessage(plan), "");
  EXPECT_EQ(plan->poolSizes[0], 20u);
  EXPECT_TRUE(plan->provenOptimal);
  EXPECT_EQ(minimized.nodes, decided.nodes);
}

TEST(ExactTest, ReportsTheBudgetHonestly) {
  // A search cut off after one node cannot have proven anything beyond the
  // lower bound; the plan is still valid.
  Random random(7);
  RandomProblemOptions shape;
  shape.maxBuffers = 40;
  shape.maxPools = 1;
  shape.hintedPercent = 0;
  shape.alignedPercent = 0;
  shape.maxTime = 30;
  for (unsigned i = 0; i < 20; ++i) {
    Problem problem = randomProblem(random, shape);
    ExactStats stats;
    PlanOptions options;
    options.nodeLimit = 1;
    llvm::Expected<Plan> plan = planExact(problem, options, {}, &stats);
    ASSERT_EQ(errorMessage(plan), "");
    EXPECT_EQ(errorMessage(verifyPlan(problem, *plan)), "");
    uint64_t lower = computeLowerBounds(problem).total;
    if (plan->provenOptimal && stats.budgetExhausted)
      EXPECT_EQ(plan->poolSizes[0], lower);
  }
}

/// `count` buffers of 1 to 1000 bytes in one pool, starting before
/// `horizon` and living up to `maxLength` more steps.
Problem randomIntervalProblem(uint64_t seed, unsigned count, int64_t horizon,
                              int64_t maxLength) {
  Random random(seed);
  std::vector<Buffer> buffers;
  for (unsigned i = 0; i < count; ++i) {
    int64_t start = random.between(0, horizon);
    buffers.push_back(
        liveBuffer("b" + std::to_string(i), random.between(1, 1000), start,
                   start + int64_t(random.between(0, maxLength))));
  }
  return onePool(std::move(buffers));
}

TEST(ExactTest, TimeLimitIsCheckedWhateverANodeCosts) {
  // Nodes of a few thousand buffers are slow: a clock read every 1024 nodes
  // ran a 1 ms search for a quarter of a second. Setting the search up
  // takes longer than the limit here, so it stops at its first nodes.
  Problem problem = randomIntervalProblem(43, 3000, 1000, 100);
  PlanOptions options;
  options.timeLimitMs = 1;
  ExactStats stats;
  llvm::Expected<Plan> plan = planExact(problem, options, {}, &stats);
  ASSERT_EQ(errorMessage(plan), "");
  EXPECT_EQ(errorMessage(verifyPlan(problem, *plan)), "");
  EXPECT_TRUE(stats.budgetExhausted);
  EXPECT_LT(stats.nodes, 100u);
}

TEST(ExactTest, NodeLimitHoldsOverSeveralPools) {
  // Each pool's search may count the node it stops at, one past what is
  // left: the next pools must get nothing, not what is left minus one
  // wrapped around (that searched for minutes).
  Random random(17);
  RandomProblemOptions shape;
  shape.maxBuffers = 40;
  shape.maxPools = 5;
  shape.maxTime = 40;
  shape.maxSize = 200;
  shape.hintedPercent = 80;
  shape.alwaysFeasible = true;
  for (unsigned i = 0; i < 200; ++i) {
    Problem problem = randomProblem(random, shape);
    PlanOptions options;
    options.nodeLimit = random.between(1, 300);
    ExactStats stats;
    llvm::Expected<Plan> plan = planExact(problem, options, {}, &stats);
    ASSERT_EQ(errorMessage(plan), "") << "instance " << i;
    EXPECT_EQ(errorMessage(verifyPlan(problem, *plan)), "") << "instance " << i;
    EXPECT_LE(stats.nodes, options.nodeLimit + 2 * problem.pools.size())
        << "instance " << i;
  }
}

TEST(ExactTest, MatchesBruteForceOnTinyIntervalInstances) {
  Random random(11);
  RandomProblemOptions shape;
  shape.maxBuffers = 7;
  shape.maxPools = 1;
  shape.maxSize = 5;
  shape.maxTime = 6;
  shape.hintedPercent = 0;
  for (unsigned i = 0; i < 400; ++i) {
    Problem problem = randomProblem(random, shape);
    Plan plan = planAndVerify(problem);
    EXPECT_EQ(plan.poolSizes[0], bruteForce(problem)) << "instance " << i;
    EXPECT_TRUE(plan.provenOptimal) << "instance " << i;
  }
}

TEST(ExactTest, MatchesBruteForceOnTinyConflictGraphs) {
  Random random(13);
  RandomProblemOptions shape;
  shape.maxBuffers = 6;
  shape.maxPools = 1;
  shape.maxSize = 5;
  shape.explicitPercent = 70;
  shape.hintedPercent = 0;
  for (unsigned i = 0; i < 300; ++i) {
    Problem problem = randomProblem(random, shape);
    Plan plan = planAndVerify(problem);
    EXPECT_EQ(plan.poolSizes[0], bruteForce(problem)) << "instance " << i;
    EXPECT_TRUE(plan.provenOptimal) << "instance " << i;
  }
}

TEST(ExactTest, DecisionModeAgreesWithTheOptimum) {
  Random random(17);
  RandomProblemOptions shape;
  shape.maxBuffers = 6;
  shape.maxPools = 1;
  shape.maxSize = 5;
  shape.explicitPercent = 30;
  shape.hintedPercent = 0;
  for (unsigned i = 0; i < 200; ++i) {
    Problem problem = randomProblem(random, shape);
    uint64_t optimum = bruteForce(problem);
    problem.pools[0].sizeHint = optimum;
    EXPECT_LE(planAndVerify(problem, /*minimize=*/false).poolSizes[0], optimum)
        << "instance " << i;
    if (optimum == 0)
      continue;
    problem.pools[0].sizeHint = optimum - 1;
    PlanOptions options;
    ExactOptions decision;
    decision.minimize = false;
    llvm::Expected<Plan> none = planExact(problem, options, decision);
    EXPECT_NE(errorMessage(none), "") << "instance " << i;
  }
}

TEST(ExactTest, RandomMultiPoolProblemsGiveValidPlans) {
  Random random(19);
  RandomProblemOptions shape;
  shape.maxBuffers = 14;
  shape.explicitPercent = 25;
  shape.alwaysFeasible = true;
  for (unsigned i = 0; i < 300; ++i) {
    Problem problem = randomProblem(random, shape);
    planAndVerify(problem, /*minimize=*/i % 2 == 0, /*nodeLimit=*/5000);
  }
}

TEST(ExactTest, ProvenPlansAreNoWorseThanAnyHeuristic) {
  Random random(29);
  RandomProblemOptions shape;
  shape.maxBuffers = 16;
  shape.maxPools = 1;
  shape.maxTime = 12;
  shape.explicitPercent = 20;
  shape.hintedPercent = 0;
  for (unsigned i = 0; i < 100; ++i) {
    Problem problem = randomProblem(random, shape);
    Plan exact = planAndVerify(problem);
    ASSERT_TRUE(exact.provenOptimal) << "instance " << i;
    for (const std::string &name : getAlgorithmNames()) {
      if (name == "exact")
        continue;
      std::unique_ptr<Algorithm> algorithm =
          llvm::cantFail(createAlgorithm(name));
      PlanOptions options;
      options.timeLimitMs = 100;
      llvm::Expected<Plan> plan = algorithm->plan(problem, options);
      ASSERT_EQ(errorMessage(plan), "") << name;
      EXPECT_LE(exact.poolSizes[0], plan->poolSizes[0])
          << name << " on instance " << i;
    }
  }
}

TEST(ExactTest, LargeProblemsGetAVerifiedFirstFit) {
  Problem problem = randomIntervalProblem(31, 5000, 2000, 20);
  Plan plan = planAndVerify(problem);
  EXPECT_GE(plan.poolSizes[0], computeLowerBounds(problem).total);
}

// The search marks "nothing found" with 2^64 - 1: a layout that must end
// there comes from the first-fit fallback instead of a search that never
// recognizes it (it used to spend the whole budget).
TEST(ExactTest, LayoutsEndingAtTheLastAddress) {
  for (bool hinted : {false, true}) {
    Problem problem;
    problem.pools.push_back(
        {"p", hinted ? std::optional<uint64_t>(~uint64_t(0)) : std::nullopt,
         1});
    problem.buffers.push_back({"b", ~uint64_t(0), 1, {}, Interval{0, 1}, {}});
    llvm::cantFail(problem.finalize());
    ExactStats stats;
    llvm::Expected<Plan> plan =
        planExact(problem, PlanOptions(), ExactOptions(), &stats);
    ASSERT_EQ(errorMessage(plan), "");
    EXPECT_EQ(errorMessage(verifyPlan(problem, *plan)), "");
    EXPECT_TRUE(plan->provenOptimal);
    EXPECT_LT(stats.nodes, 100u);
  }
}

// A section's floor rose in steps of one alignment, one recursive call each:
// here some 60,000 steps under a 2 MB buffer overflowed the stack.
TEST(ExactTest, FloorsRiseWithoutRecursing) {
  Problem problem;
  problem.pools.push_back({"p", std::nullopt, 32});
  problem.buffers = {{"a", 25, 1, {}, Interval{0, 38}, {}},
                     {"b", 3, 1, {}, Interval{34, 35}, {}},
                     {"c", 2, 1, {}, Interval{10, 25}, {}},
                     {"d", 2000000, 1, {}, Interval{26, 34}, {}},
                     {"e", 12, 1, {}, Interval{0, 11}, {}}};
  llvm::cantFail(problem.finalize());
  llvm::Expected<Plan> plan = planExact(problem, PlanOptions());
  ASSERT_EQ(errorMessage(plan), "");
  EXPECT_EQ(errorMessage(verifyPlan(problem, *plan)), "");
  EXPECT_TRUE(plan->provenOptimal);
  EXPECT_EQ(plan->poolSizes, std::vector<uint64_t>({2000035}));
}

TEST(ExactTest, IsRegisteredAndDeterministic) {
  llvm::Expected<std::unique_ptr<Algorithm>> algorithm =
      createAlgorithm("exact");
  ASSERT_EQ(errorMessage(algorithm), "");
  Random random(23);
  RandomProblemOptions shape;
  shape.maxBuffers = 60;
  shape.maxPools = 1;
  shape.maxTime = 40;
  shape.hintedPercent = 0;
  Problem problem = randomProblem(random, shape);
  PlanOptions options;
  options.nodeLimit = 20000;
  llvm::Expected<Plan> first = (*algorithm)->plan(problem, options);
  llvm::Expected<Plan> second = (*algorithm)->plan(problem, options);
  ASSERT_EQ(errorMessage(first), "");
  ASSERT_EQ(errorMessage(second), "");
  EXPECT_EQ(first->poolSizes, second->poolSizes);
  for (unsigned b = 0; b < problem.buffers.size(); ++b)
    EXPECT_EQ(first->placements[b].offset, second->placements[b].offset);
}

} // namespace
