//===- ProblemTest.cpp - Tests of the planning problem model --------------===//

#include "usmp/Planner/Problem.h"

#include "gtest/gtest.h"

using namespace usmp::planner;

namespace {

TEST(ProblemTest, ConflictsAreSymmetricAndIntervalsOverlap) {
  Problem problem;
  problem.pools.push_back({"sram", std::nullopt, 16});
  Buffer a{"a", 10, 1, {}, Interval{0, 2}, {}};
  Buffer b{"b", 10, 1, {}, Interval{2, 4}, {}};
  Buffer c{"c", 10, 1, {}, Interval{5, 6}, {}};
  Buffer d{"d", 10, 1, {}, std::nullopt, {2}};
  problem.buffers = {a, b, c, d};
  ASSERT_FALSE(static_cast<bool>(problem.finalize()));
  EXPECT_EQ(problem.neighbours(0), llvm::ArrayRef<unsigned>({1}));
  EXPECT_EQ(problem.neighbours(1), llvm::ArrayRef<unsigned>({0}));
  EXPECT_EQ(problem.neighbours(2), llvm::ArrayRef<unsigned>({3}));
  EXPECT_EQ(problem.neighbours(3), llvm::ArrayRef<unsigned>({2}));
  EXPECT_EQ(problem.candidates(0), llvm::ArrayRef<unsigned>({0}));
}

TEST(ProblemTest, RejectsBadInput) {
  Problem problem;
  problem.pools.push_back({"sram", std::nullopt, 3});
  llvm::Error error = problem.finalize();
  ASSERT_TRUE(static_cast<bool>(error));
  EXPECT_EQ(llvm::toString(std::move(error)),
            "pool 'sram' has alignment 3, which is not a power of two");

  Problem dup;
  dup.pools.push_back({"p", std::nullopt, 1});
  dup.buffers.push_back({"x", 1, 1, {}, Interval{0, 0}, {}});
  dup.buffers.push_back({"x", 1, 1, {}, Interval{0, 0}, {}});
  error = dup.finalize();
  ASSERT_TRUE(static_cast<bool>(error));
  EXPECT_EQ(llvm::toString(std::move(error)), "duplicate buffer name 'x'");

  // Buffers are checked in order: the first bad one is named.
  dup.buffers.insert(dup.buffers.begin() + 1,
                     {"y", 1, 3, {}, Interval{0, 0}, {}});
  error = dup.finalize();
  EXPECT_EQ(llvm::toString(std::move(error)),
            "buffer 'y' has alignment 3, which is not a power of two");
  std::swap(dup.buffers[1], dup.buffers[2]);
  error = dup.finalize();
  EXPECT_EQ(llvm::toString(std::move(error)), "duplicate buffer name 'x'");
}

TEST(ProblemTest, FinalizeChecksAgainAfterChanges) {
  Problem problem;
  problem.pools.push_back({"p", std::nullopt, 1});
  problem.buffers.push_back({"a", 8, 1, {0}, Interval{0, 1}, {}});
  ASSERT_FALSE(static_cast<bool>(problem.finalize()));
  problem.buffers[0].pools = {3};
  llvm::Error error = problem.finalize();
  ASSERT_TRUE(static_cast<bool>(error));
  EXPECT_EQ(llvm::toString(std::move(error)),
            "buffer 'a' names pool #3, which does not exist");
  EXPECT_FALSE(problem.isFinalized());
  // A buffer or pool added since finalize() is seen without calling it.
  problem.buffers[0].pools = {0};
  ASSERT_FALSE(static_cast<bool>(problem.finalize()));
  problem.buffers.push_back({"b", 8, 1, {}, Interval{0, 1}, {}});
  EXPECT_FALSE(problem.isFinalized());
  ASSERT_FALSE(static_cast<bool>(problem.finalize()));
  problem.pools.push_back({"q", std::nullopt, 1});
  EXPECT_FALSE(problem.isFinalized());
}

TEST(ProblemTest, FindsTheEarliestRepeatedName) {
  EXPECT_EQ(findRepeatedName({}), std::nullopt);
  std::vector<llvm::StringRef> names = {"a", "b", "c", "d"};
  EXPECT_EQ(findRepeatedName(names), std::nullopt);
  names = {"a", "b", "c", "b", "a", "b"};
  EXPECT_EQ(findRepeatedName(names), std::make_pair(size_t(1), size_t(3)));
  names = {"", "x", ""};
  EXPECT_EQ(findRepeatedName(names), std::make_pair(size_t(0), size_t(2)));
  // Many names: only the planted repeats, the earlier one found.
  std::vector<std::string> many;
  for (unsigned i = 0; i < 20000; ++i)
    many.push_back("buffer" + std::to_string(i));
  many[15000] = many[7];
  many[16000] = many[3];
  std::vector<llvm::StringRef> refs(many.begin(), many.end());
  EXPECT_EQ(findRepeatedName(refs), std::make_pair(size_t(7), size_t(15000)));
  many[15000] = "buffer15000";
  refs.assign(many.begin(), many.end());
  EXPECT_EQ(findRepeatedName(refs), std::make_pair(size_t(3), size_t(16000)));
}

} // namespace

namespace {

Problem mixedProblem() {
  Problem problem;
  problem.pools.push_back({"p", std::nullopt, 1});
  problem.buffers.push_back({"a", 1, 1, {}, Interval{0, 5}, {}});
  problem.buffers.push_back({"b", 1, 1, {}, Interval{5, 6}, {}});
  problem.buffers.push_back({"c", 1, 1, {}, Interval{7, 8}, {0, 0, 2}});
  problem.buffers.push_back({"d", 1, 1, {}, std::nullopt, {}});
  return problem;
}

TEST(ProblemTest, ConflictGraphIsBuiltLazily) {
  Problem problem = mixedProblem();
  ASSERT_FALSE(static_cast<bool>(problem.finalize()));
  EXPECT_FALSE(problem.hasConflictGraph());
  EXPECT_FALSE(problem.isIntervalOnly());
  EXPECT_TRUE(problem.hasExplicitConflicts());
  // Explicit conflicts are symmetric, deduplicated and without self loops.
  EXPECT_EQ(problem.explicitConflicts(0), llvm::ArrayRef<unsigned>({2}));
  EXPECT_EQ(problem.explicitConflicts(2), llvm::ArrayRef<unsigned>({0}));
  EXPECT_TRUE(problem.explicitConflicts(3).empty());
  EXPECT_TRUE(problem.conflict(0, 1));
  EXPECT_TRUE(problem.conflict(2, 0));
  EXPECT_FALSE(problem.conflict(1, 2));
  EXPECT_FALSE(problem.conflict(3, 0));
  EXPECT_FALSE(problem.hasConflictGraph());

  EXPECT_EQ(problem.conflictDegrees(), std::vector<unsigned>({2, 1, 1, 0}));
  EXPECT_TRUE(problem.hasConflictGraph());
  EXPECT_EQ(problem.neighbours(0), llvm::ArrayRef<unsigned>({1, 2}));
  EXPECT_EQ(problem.neighbours(1), llvm::ArrayRef<unsigned>({0}));
  EXPECT_EQ(problem.neighbours(2), llvm::ArrayRef<unsigned>({0}));
  EXPECT_TRUE(problem.neighbours(3).empty());
}

TEST(ProblemTest, CopiesAndMovesKeepTheGraph) {
  Problem problem = mixedProblem();
  ASSERT_FALSE(static_cast<bool>(problem.finalize()));
  Problem unbuilt = problem;
  EXPECT_EQ(unbuilt.neighbours(0), llvm::ArrayRef<unsigned>({1, 2}));
  problem.buildConflictGraph();
  Problem copy = problem;
  EXPECT_TRUE(copy.hasConflictGraph());
  EXPECT_EQ(copy.neighbours(0), llvm::ArrayRef<unsigned>({1, 2}));
  Problem moved = std::move(copy);
  EXPECT_TRUE(moved.isFinalized());
  EXPECT_EQ(moved.neighbours(2), llvm::ArrayRef<unsigned>({0}));
  Problem assigned;
  assigned = moved;
  EXPECT_EQ(assigned.explicitConflicts(0), llvm::ArrayRef<unsigned>({2}));
}

TEST(ProblemTest, IntervalOnlyProblemsSkipTheGraph) {
  // A million buffers all live at once would have ~5e11 edges; finalize()
  // and the interval queries must not build them.
  Problem problem;
  problem.pools.push_back({"p", std::nullopt, 1});
  const unsigned n = 1000000;
  problem.buffers.resize(n);
  for (unsigned i = 0; i < n; ++i) {
    problem.buffers[i].name = "b" + std::to_string(i);
    problem.buffers[i].size = 1;
    problem.buffers[i].live = Interval{0, 10};
  }
  ASSERT_FALSE(static_cast<bool>(problem.finalize()));
  EXPECT_TRUE(problem.isIntervalOnly());
  EXPECT_FALSE(problem.hasExplicitConflicts());
  EXPECT_TRUE(problem.conflict(0, n - 1));
  std::vector<unsigned> degrees = problem.conflictDegrees();
  EXPECT_EQ(degrees.front(), n - 1);
  EXPECT_EQ(degrees.back(), n - 1);
  EXPECT_FALSE(problem.hasConflictGraph());
}

TEST(ProblemTest, TimeStepsAreTheDistinctStarts) {
  // Starts 0, 5, 9 are the steps; a range covers the steps of the starts it
  // contains, so two ranges overlap exactly when they share one.
  Problem problem;
  problem.pools.push_back({"p", std::nullopt, 1});
  problem.buffers.push_back({"a", 1, 1, {}, Interval{5, 5}, {}});
  problem.buffers.push_back({"b", 1, 1, {}, Interval{0, 12}, {}});
  problem.buffers.push_back({"c", 1, 1, {}, Interval{5, 8}, {}});
  problem.buffers.push_back({"d", 1, 1, {}, Interval{9, 9}, {}});
  problem.buffers.push_back({"e", 1, 1, {}, Interval{0, 4}, {}});
  ASSERT_FALSE(static_cast<bool>(problem.finalize()));
  Problem copy = problem;
  for (const Problem *p : {&problem, &copy}) {
    EXPECT_EQ(p->getNumSteps(), 3u);
    std::vector<std::pair<unsigned, unsigned>> steps;
    for (unsigned b = 0; b < p->buffers.size(); ++b)
      steps.push_back({p->firstStep(b), p->lastStep(b)});
    EXPECT_EQ(steps, (std::vector<std::pair<unsigned, unsigned>>{
                         {1, 1}, {0, 2}, {1, 1}, {2, 2}, {0, 0}}));
  }
  EXPECT_EQ(problem.conflictDegrees(), std::vector<unsigned>({2, 4, 2, 1, 1}));
}

TEST(ProblemTest, IntervalDegreesMatchTheGraph) {
  Problem problem;
  problem.pools.push_back({"p", std::nullopt, 1});
  uint64_t state = 5;
  for (unsigned i = 0; i < 300; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    int64_t start = (state >> 33) % 50;
    int64_t length = (state >> 20) % 10;
    problem.buffers.push_back({"b" + std::to_string(i),
                               1,
                               1,
                               {},
                               Interval{start, start + length},
                               {}});
  }
  ASSERT_FALSE(static_cast<bool>(problem.finalize()));
  std::vector<unsigned> counted = problem.conflictDegrees();
  EXPECT_FALSE(problem.hasConflictGraph());
  for (unsigned b = 0; b < problem.buffers.size(); ++b)
    EXPECT_EQ(counted[b], problem.neighbours(b).size()) << b;
}

TEST(ProblemTest, RejectsMoreBadInput) {
  auto errorOf = [](Problem problem) {
    llvm::Error error = problem.finalize();
    return error ? llvm::toString(std::move(error)) : std::string();
  };
  Problem noPool;
  noPool.buffers.push_back({"x", 1, 1, {}, Interval{0, 0}, {}});
  EXPECT_EQ(errorOf(noPool), "the problem has buffers but no pool");
  Problem badPool = mixedProblem();
  badPool.buffers[0].pools = {3};
  EXPECT_EQ(errorOf(badPool), "buffer 'a' names pool #3, which does not exist");
  Problem twice = mixedProblem();
  twice.buffers[1].pools = {0, 0};
  EXPECT_EQ(errorOf(twice), "buffer 'b' lists pool 'p' twice");
  Problem badConflict = mixedProblem();
  badConflict.buffers[3].conflicts = {9};
  EXPECT_EQ(errorOf(badConflict),
            "buffer 'd' conflicts with buffer #9, which does not exist");
  Problem backwards = mixedProblem();
  backwards.buffers[1].live = Interval{4, 3};
  EXPECT_EQ(errorOf(backwards),
            "buffer 'b' has live range [4, 3] that ends before it starts");
  Problem unnamed = mixedProblem();
  unnamed.buffers[2].name.clear();
  EXPECT_EQ(errorOf(unnamed), "buffer #2 has an empty name");
  // Names are written into JSON plans, so they must be UTF-8.
  Problem bytes = mixedProblem();
  bytes.buffers[2].name = "c\xff";
  EXPECT_EQ(errorOf(bytes), "the name of buffer #2 is not valid UTF-8");
  Problem poolBytes = mixedProblem();
  poolBytes.pools[0].name = "\xc3";
  EXPECT_EQ(errorOf(poolBytes), "the name of pool #0 is not valid UTF-8");
  Problem unicode = mixedProblem();
  unicode.buffers[2].name = "c\xc3\xa9";
  EXPECT_EQ(errorOf(unicode), "");
}

} // namespace
