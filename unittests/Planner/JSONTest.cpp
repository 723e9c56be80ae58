//===- JSONTest.cpp - Tests of the JSON problem reader and plan writer ----===//

#include "usmp/Planner/JSON.h"

#include "PlannerTestUtils.h"

#include "gtest/gtest.h"

using namespace usmp::planner;
using namespace usmp::planner::testing;

namespace {

std::string readError(llvm::StringRef text) {
  llvm::Expected<Problem> problem = readJsonProblem(text);
  return errorMessage(problem);
}

const char *fullProblem = R"({
  "pools": [{"name": "sram", "size_hint": 64, "alignment": 16},
            {"name": "dram"}],
  "buffers": [
    {"name": "a", "size": 48, "live": [0, 1]},
    {"name": "b", "size": 40, "alignment": 8, "pools": ["dram", "sram"],
     "live": [-1, 2], "conflicts": ["c"]},
    {"name": "c", "size": 0}
  ]
})";

TEST(JSONTest, ReadsEveryField) {
  llvm::Expected<Problem> problem = readJsonProblem(fullProblem);
  ASSERT_EQ(errorMessage(problem), "");
  ASSERT_EQ(problem->pools.size(), 2u);
  EXPECT_EQ(problem->pools[0].name, "sram");
  EXPECT_EQ(problem->pools[0].sizeHint, 64u);
  EXPECT_EQ(problem->pools[0].alignment, 16u);
  EXPECT_EQ(problem->pools[1].sizeHint, std::nullopt);
  EXPECT_EQ(problem->pools[1].alignment, 1u);
  ASSERT_EQ(problem->buffers.size(), 3u);
  const Buffer &b = problem->buffers[1];
  EXPECT_EQ(b.size, 40u);
  EXPECT_EQ(b.alignment, 8u);
  EXPECT_EQ(b.pools, std::vector<unsigned>({1, 0}));
  EXPECT_EQ(b.live->start, -1);
  EXPECT_EQ(b.live->end, 2);
  EXPECT_EQ(b.conflicts, std::vector<unsigned>({2}));
  EXPECT_FALSE(problem->buffers[2].live.has_value());
  EXPECT_EQ(errorMessage(problem->finalize()), "");
  EXPECT_EQ(problem->neighbours(2), llvm::ArrayRef<unsigned>({1}));
}

TEST(JSONTest, DefaultPoolWhenNoneGiven) {
  llvm::Expected<Problem> problem =
      readJsonProblem(R"({"buffers": [{"name": "x", "size": 1}]})");
  ASSERT_EQ(errorMessage(problem), "");
  ASSERT_EQ(problem->pools.size(), 1u);
  EXPECT_EQ(problem->pools[0].name, "default");
}

TEST(JSONTest, ProblemRoundTrips) {
  llvm::Expected<Problem> problem = readJsonProblem(fullProblem);
  ASSERT_EQ(errorMessage(problem), "");
  std::string text = formatJson(problemToJson(*problem));
  llvm::Expected<Problem> again = readJsonProblem(text);
  ASSERT_EQ(errorMessage(again), "");
  EXPECT_EQ(formatJson(problemToJson(*again)), text);
}

TEST(JSONTest, WritesPlans) {
  llvm::Expected<Problem> problem = readJsonProblem(fullProblem);
  ASSERT_EQ(errorMessage(problem), "");
  Plan plan;
  plan.placements = {{0, 0}, {1, 0}, {1, 40}};
  plan.poolSizes = {48, 40};
  plan.algorithm = "greedy-by-size";
  EXPECT_EQ(writeJsonPlan(*problem, plan, {88, true}),
            R"({
  "pools": [
    {"name": "sram", "size": 48},
    {"name": "dram", "size": 40}
  ],
  "buffers": [
    {"name": "a", "pool": "sram", "offset": 0},
    {"name": "b", "pool": "dram", "offset": 0},
    {"name": "c", "pool": "dram", "offset": 40}
  ],
  "algorithm": "greedy-by-size",
  "lower_bound": 88,
  "optimal": true
}
)");
  // The structured form carries the same facts and parses back.
  llvm::Expected<llvm::json::Value> parsed =
      llvm::json::parse(writeJsonPlan(*problem, plan, {88, true}));
  ASSERT_EQ(errorMessage(parsed), "");
  EXPECT_EQ(*parsed, planToJson(*problem, plan, {88, true}));
}

TEST(JSONTest, EscapesNames) {
  Problem problem;
  problem.pools.push_back({"p\"q", std::nullopt, 1});
  problem.buffers.push_back({"a\\b", 1, 1, {}, std::nullopt, {}});
  Plan plan;
  plan.placements = {{0, 0}};
  plan.poolSizes = {1};
  llvm::Expected<llvm::json::Value> parsed =
      llvm::json::parse(writeJsonPlan(problem, plan, {}));
  ASSERT_EQ(errorMessage(parsed), "");
  EXPECT_EQ(*parsed->getAsObject()
                 ->getArray("pools")
                 ->front()
                 .getAsObject()
                 ->getString("name"),
            "p\"q");
}

// LLVM's parser keeps one of two equal keys silently.
TEST(JSONTest, RepeatedKeysAreRefused) {
  EXPECT_EQ(
      readError(R"({"buffers": [{"name": "a", "size": 4, "size": 5}]})"),
      "malformed JSON at line 1, column 39: key 'size' appears twice in one "
      "object");
  // Escapes spell the same key: the parser would keep the last copy.
  EXPECT_EQ(
      readError(R"({"buffers": [{"name": "a", "size": 4, "siz\u0065": 5}]})"),
      "malformed JSON at line 1, column 39: key 'size' appears twice in "
      "one object");
  EXPECT_EQ(readError(R"({"pools": [], "buffers": [], "buffer\u0073": []})"),
            "malformed JSON at line 1, column 30: key 'buffers' appears twice "
            "in one object");
  // The same key in different objects, and keys as values, are fine.
  EXPECT_EQ(readError(R"({"pools": [{"name": "name"}, {"name": "size"}],
                          "buffers": [{"name": "a\"b", "size": 4,
                                       "pools": ["name"]}]})"),
            "");
}

// LLVM's parser reads fractions, exponents and integers beyond 64 bits as
// doubles, which its integer accessors round or cap silently
// (-9223372036854775809 became INT64_MIN): every number in a problem must
// be a plain 64-bit integer. Digits in strings do not count.
TEST(JSONTest, NumbersAreIntegers) {
  auto live = [](llvm::StringRef start) {
    return readError(("{\"buffers\": [{\"name\": \"a\", \"size\": 1,\n"
                      "  \"live\": [" +
                      start + ", 5]}]}")
                         .str());
  };
  EXPECT_EQ(live("4.0"),
            "malformed JSON at line 2, column 12: expected an integer, found "
            "'4.0'");
  EXPECT_EQ(live("1e3"),
            "malformed JSON at line 2, column 12: expected an integer, found "
            "'1e3'");
  EXPECT_EQ(live("-1.5E2"),
            "malformed JSON at line 2, column 12: expected an integer, found "
            "'-1.5E2'");
  EXPECT_EQ(live("-9223372036854775809"),
            "malformed JSON at line 2, column 12: integer "
            "'-9223372036854775809' does not fit in 64 bits");
  EXPECT_EQ(live("0004"), "malformed JSON at line 2, column 12: integer "
                          "'0004' has leading zeros");
  EXPECT_EQ(live("+1"), "malformed JSON at line 2, column 12: expected an "
                        "integer, found '+1'");
  EXPECT_EQ(live(".0"), "malformed JSON at line 2, column 12: expected an "
                        "integer, found '.0'");
  EXPECT_EQ(live("-9223372036854775808"), "");
  EXPECT_EQ(live("-0"), "");
  EXPECT_EQ(readError(R"({"buffers": [{"name": "a", "size": 1.5}]})"),
            "malformed JSON at line 1, column 36: expected an integer, found "
            "'1.5'");
  EXPECT_EQ(readError(R"({"pools": [{"name": "p", "size_hint":
                          18446744073709551616}], "buffers": []})"),
            "malformed JSON at line 2, column 27: integer "
            "'18446744073709551616' does not fit in 64 bits");
  EXPECT_EQ(readError(R"({"pools": [{"name": "p", "size_hint":
                          18446744073709551615}], "buffers": []})"),
            "");
  EXPECT_EQ(readError(R"({"buffers": [{"name": "1.5e9", "size": 1}]})"), "");
}

// Columns count from 1 at the offending character.
TEST(JSONTest, MalformedJSONGivesLineAndColumn) {
  EXPECT_EQ(readError("{\"buffers\": []}\n  x"),
            "malformed JSON at line 2, column 3: Text after end of document");
  EXPECT_EQ(readError("{\"buffers\": [\n  }"),
            "malformed JSON at line 2, column 3: Invalid JSON value");
  EXPECT_EQ(readError("{\"buffers\": [\n  \"\xff\"]}"),
            "malformed JSON at line 2, column 4: Invalid UTF-8 sequence");
}

TEST(JSONTest, SkipsAByteOrderMark) {
  EXPECT_EQ(readError("\xEF\xBB\xBF{\"buffers\": []}"), "");
}

// LLVM's parser recurses per level: deep input is refused before it runs out
// of stack. Brackets inside strings do not count.
TEST(JSONTest, DeepNestingIsRefused) {
  std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_EQ(readError(deep), "malformed JSON at line 1, column 65: arrays and "
                             "objects nest deeper than 64 levels");
  std::string brackets(200, '[');
  EXPECT_EQ(readError("{\"pools\": [{\"name\": \"" + brackets +
                      "\"}], \"buffers\": []}"),
            "");
  EXPECT_EQ(readError("{\"pools\": [{\"name\": \"\\\"" + brackets +
                      "\"}], \"buffers\": []}"),
            "");
}

TEST(JSONTest, BadInputsNameTheField) {
  EXPECT_EQ(readError("[1, 2"),
            "malformed JSON at line 1, column 5: Expected , or ] after array "
            "element");
  EXPECT_EQ(readError("[]"),
            "(root): expected an object with \"pools\" and \"buffers\"");
  EXPECT_EQ(readError("{}"), "(root): missing field 'buffers'");
  EXPECT_EQ(readError(R"({"buffers": [], "extra": 1})"),
            "(root): unknown field 'extra'");
  EXPECT_EQ(readError(R"({"pools": {}, "buffers": []})"),
            "pools: expected an array");
  EXPECT_EQ(readError(R"({"pools": [{"size_hint": 4}], "buffers": []})"),
            "pools[0]: missing field 'name'");
  EXPECT_EQ(readError(R"({"pools": [{"name": ""}], "buffers": []})"),
            "pools[0].name: expected a non-empty string");
  EXPECT_EQ(readError(R"({"pools": [{"name": "p"}, {"name": "p"}],
                          "buffers": []})"),
            "pools[1].name: duplicate pool name 'p'");
  EXPECT_EQ(readError(R"({"pools": [{"name": "p", "size_hint": -1}],
                          "buffers": []})"),
            "pools[0].size_hint: expected a non-negative integer");
  EXPECT_EQ(readError(R"({"pools": [{"name": "p", "alignment": 6}],
                          "buffers": []})"),
            "pools[0].alignment: expected a power of two, found 6");
  EXPECT_EQ(readError(R"({"buffers": [{"name": "a", "size": 1},
                                      {"name": "b", "size": 2},
                                      {"name": "c", "size": 3},
                                      {"name": "d", "size": "4"}]})"),
            "buffers[3].size: expected a non-negative integer");
  EXPECT_EQ(readError(R"({"buffers": [{"name": "a"}]})"),
            "buffers[0]: missing field 'size'");
  EXPECT_EQ(readError(R"({"buffers": [{"name": "a", "size": 1},
                                      {"name": "a", "size": 1}]})"),
            "buffers[1].name: duplicate buffer name 'a'");
  EXPECT_EQ(readError(R"({"buffers": [{"name": "a", "size": 1,
                                       "pools": ["nope"]}]})"),
            "buffers[0].pools[0]: unknown pool 'nope'");
  EXPECT_EQ(readError(R"({"buffers": [{"name": "a", "size": 1,
                                       "pools": []}]})"),
            "buffers[0].pools: expected at least one pool (omit the field "
            "to allow every pool)");
  EXPECT_EQ(readError(R"({"buffers": [{"name": "a", "size": 1,
                          "pools": ["default", "default"]}]})"),
            "buffers[0].pools[1]: pool 'default' is listed twice");
  EXPECT_EQ(readError(R"({"buffers": [{"name": "a", "size": 1,
                                       "conflicts": ["a", 3]}]})"),
            "buffers[0].conflicts[1]: expected a buffer name");
  EXPECT_EQ(readError(R"({"buffers": [{"name": "a", "size": 1,
                                       "conflicts": "b"}]})"),
            "buffers[0].conflicts: expected an array of buffer names");
  EXPECT_EQ(readError(R"({"buffers": [{"name": "a", "size": 1,
                                       "live": [1]}]})"),
            "buffers[0].live: expected [start, end]");
  EXPECT_EQ(readError(R"({"buffers": [{"name": "a", "size": 1,
                                       "live": [1, "x"]}]})"),
            "buffers[0].live[1]: expected an integer");
  EXPECT_EQ(readError(R"({"buffers": [{"name": "a", "size": 1,
                          "live": [0, 9223372036854775808]}]})"),
            "buffers[0].live[1]: integer 9223372036854775808 is above "
            "9223372036854775807, the largest signed 64-bit integer");
  EXPECT_EQ(readError(R"({"buffers": [{"name": "a", "size": 1,
                                       "alignment": null}]})"),
            "buffers[0].alignment: expected a power of two");
  EXPECT_EQ(readError(R"({"buffers": [{"name": "a", "size": 1,
                                       "live": [5, 4]}]})"),
            "buffers[0].live: end 4 is before start 5");
  EXPECT_EQ(readError(R"({"buffers": [{"name": "a", "size": 1,
                                       "alignment": 0}]})"),
            "buffers[0].alignment: expected a power of two, found 0");
}

} // namespace
