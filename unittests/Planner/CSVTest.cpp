//===- CSVTest.cpp - Tests of the MiniMalloc CSV reader and writer --------===//

#include "usmp/Planner/CSV.h"

#include "PlannerTestUtils.h"

#include "gtest/gtest.h"

using namespace usmp::planner;
using namespace usmp::planner::testing;

namespace {

std::string readError(llvm::StringRef text) {
  llvm::Expected<CsvDocument> document = readCsv(text);
  return errorMessage(document);
}

TEST(CSVTest, ReadsHalfOpenIntervalsIntoOnePool) {
  llvm::Expected<CsvDocument> document =
      readCsv("id,lower,upper,size\r\nb1,0,3,4\r\n\r\nb2, 3 ,9,4\n", 12);
  ASSERT_EQ(errorMessage(document), "");
  const Problem &problem = document->problem;
  ASSERT_EQ(problem.pools.size(), 1u);
  EXPECT_EQ(problem.pools[0].name, "pool");
  EXPECT_EQ(problem.pools[0].sizeHint, 12u);
  ASSERT_EQ(problem.buffers.size(), 2u);
  EXPECT_EQ(problem.buffers[0].name, "b1");
  EXPECT_EQ(problem.buffers[0].live->start, 0);
  EXPECT_EQ(problem.buffers[0].live->end, 2);
  EXPECT_EQ(problem.buffers[1].live->start, 3);
  EXPECT_EQ(problem.buffers[1].size, 4u);
  // b1 ends (exclusive) where b2 starts: no conflict.
  Problem copy = problem;
  llvm::cantFail(copy.finalize());
  EXPECT_TRUE(copy.neighbours(0).empty());
}

TEST(CSVTest, SkipsAByteOrderMark) {
  llvm::Expected<CsvDocument> document =
      readCsv("\xEF\xBB\xBFid,lower,upper,size\na,0,2,8\n");
  ASSERT_EQ(errorMessage(document), "");
  EXPECT_EQ(document->columns.front(), "id");
  EXPECT_EQ(document->problem.buffers.size(), 1u);
}

TEST(CSVTest, ColumnsInAnyOrderAndOffsetsAppended) {
  llvm::Expected<CsvDocument> document =
      readCsv("size,note,upper,id,lower\n8,x,2,a,0\n16,y,3,b,1\n");
  ASSERT_EQ(errorMessage(document), "");
  Plan plan;
  plan.placements = {{0, 16}, {0, 0}};
  plan.poolSizes = {24};
  EXPECT_EQ(writeCsvPlan(*document, plan),
            "size,note,upper,id,lower,offset\n8,x,2,a,0,16\n16,y,3,b,1,0\n");
}

TEST(CSVTest, ExistingOffsetColumnIsReplaced) {
  llvm::Expected<CsvDocument> document =
      readCsv("id,lower,upper,size,offset\na,0,2,8,99\n");
  ASSERT_EQ(errorMessage(document), "");
  Plan plan;
  plan.placements = {{0, 0}};
  plan.poolSizes = {8};
  EXPECT_EQ(writeCsvPlan(*document, plan), "id,lower,upper,size,offset\n"
                                           "a,0,2,8,0\n");
}

TEST(CSVTest, WritesProblemsFromOtherSources) {
  Problem problem;
  problem.pools.push_back({"p", std::nullopt, 1});
  problem.pools.push_back({"q", std::nullopt, 1});
  problem.buffers.push_back({"a", 8, 1, {}, Interval{-2, 4}, {}});
  Plan plan;
  plan.placements = {{1, 0}};
  plan.poolSizes = {0, 8};
  llvm::Expected<std::string> text = writeCsvPlan(problem, plan);
  ASSERT_EQ(errorMessage(text), "");
  EXPECT_EQ(*text, "id,lower,upper,size,pool,offset\na,-2,5,8,q,0\n");
  problem.buffers[0].live.reset();
  text = writeCsvPlan(problem, plan);
  EXPECT_EQ(errorMessage(text),
            "buffer 'a' has no live range, which CSV output needs; use JSON");
  // No quoting: names that would shift the fields are refused.
  problem.buffers[0].live = Interval{0, 1};
  problem.buffers[0].name = "a,b";
  text = writeCsvPlan(problem, plan);
  EXPECT_EQ(errorMessage(text),
            "buffer 'a,b' has a comma or line break in its name, which CSV "
            "output cannot hold; use JSON");
  problem.buffers[0].name = "a";
  problem.pools[1].name = "q\nr";
  text = writeCsvPlan(problem, plan);
  EXPECT_EQ(errorMessage(text),
            "pool 'q\nr' has a comma or line break in its name, which CSV "
            "output cannot hold; use JSON");
  // Nor names the reader would trim, nor conflicts it would drop.
  problem.pools[1].name = " q";
  text = writeCsvPlan(problem, plan);
  EXPECT_EQ(errorMessage(text), "pool ' q' has blanks around its name, which "
                                "CSV input drops; use JSON");
  problem.pools[1].name = "q";
  problem.buffers[0].conflicts = {0};
  text = writeCsvPlan(problem, plan);
  EXPECT_EQ(errorMessage(text), "buffer 'a' lists explicit conflicts, which "
                                "CSV output cannot hold; use JSON");
}

TEST(CSVTest, BadInputs) {
  EXPECT_EQ(readError(""), "empty CSV input: expected a header with id, "
                           "lower, upper, size");
  EXPECT_EQ(readError("id,lower,size\n"),
            "line 1: missing column 'upper' (the header needs id, lower, "
            "upper, size)");
  EXPECT_EQ(readError("id,lower,upper,size,id\n"),
            "line 1: duplicate column 'id'");
  EXPECT_EQ(readError("id,,upper,size\n"),
            "line 1: column 2 of the header has no name");
  // CR LF line ends are fine, CR alone is not.
  EXPECT_EQ(readError("id,lower,upper,size\r\na,0,1,4\r\n"), "");
  EXPECT_EQ(readError("id,lower,upper,size\ra,0,1,4\rb,0,1,4\r"),
            "line 1: carriage return inside a line (lines must end in LF or "
            "CR LF)");
  EXPECT_EQ(readError("id,lower,upper,size\na,0,1\n"),
            "line 2: expected 4 fields, found 3");
  EXPECT_EQ(readError("id,lower,upper,size\na,0,1,-4\n"),
            "line 2: column 'size': expected a non-negative integer, found "
            "'-4'");
  EXPECT_EQ(readError("id,lower,upper,size\na,0,1,99999999999999999999\n"),
            "line 2: column 'size': expected a non-negative integer, found "
            "'99999999999999999999'");
  EXPECT_EQ(readError("id,lower,upper,size\na,x,1,4\n"),
            "line 2: column 'lower': expected an integer, found 'x'");
  EXPECT_EQ(readError("id,lower,upper,size\na,0,1.5,4\n"),
            "line 2: column 'upper': expected an integer, found '1.5'");
  EXPECT_EQ(readError("id,lower,upper,size\n\na,3,3,4\n"),
            "line 3: upper (3) must be greater than lower (3)");
  EXPECT_EQ(readError("id,lower,upper,size\n,0,1,4\n"),
            "line 2: column 'id': expected a buffer name, found ''");
  // A JSON plan could not hold the name.
  EXPECT_EQ(readError("id,lower,upper,size\na,0,1,4\n\xff,0,1,4\n"),
            "line 3: column 'id': the name is not valid UTF-8");
  EXPECT_EQ(readError("id,lower,upper,size\na,0,1,4\nb,0,1,4\na,1,2,4\n"),
            "line 4: duplicate id 'a' (first on line 2)");
  // The first error in line order, whichever kind: repeats are found after
  // reading the lines.
  EXPECT_EQ(readError("id,lower,upper,size\na,0,1,4\na,0,1,4\nb,x,1,4\n"),
            "line 3: duplicate id 'a' (first on line 2)");
  EXPECT_EQ(readError("id,lower,upper,size\na,0,1,4\nb,x,1,4\na,0,1,4\n"),
            "line 3: column 'lower': expected an integer, found 'x'");
  EXPECT_EQ(readError("id,lower,upper,size\na,0,1,4\nb,0,1,4\nb,0,1,4\n"
                      "a,0,1,4\n"),
            "line 4: duplicate id 'b' (first on line 3)");
}

} // namespace
