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
}

} // namespace
