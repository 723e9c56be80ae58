//===- JSON.h - JSON problem and plan format --------------------*- C++ -*-===//
//
// The JSON input format covers everything the planner models:
//
//   {"pools": [{"name": "sram", "size_hint": 65536, "alignment": 16}, ...],
//    "buffers": [{"name": "a", "size": 1024, "alignment": 4,
//                 "pools": ["sram", "dram"], "live": [0, 3]},
//                {"name": "b", "size": 64, "conflicts": ["a"]}, ...]}
//
// and plans are written as
//
//   {"pools": [{"name": "sram", "size": 1088}, ...],
//    "buffers": [{"name": "a", "pool": "sram", "offset": 0}, ...],
//    "algorithm": "hill-climb", "lower_bound": 1088, "optimal": true}
//
// docs/Planner.md documents every field.
//
//===----------------------------------------------------------------------===//

#ifndef USMP_PLANNER_JSON_H
#define USMP_PLANNER_JSON_H

#include "usmp/Planner/Problem.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

#include <optional>
#include <string>

namespace usmp::planner {

/// Parses a JSON problem. Errors name the field path, e.g.
/// "buffers[3].size: expected a non-negative integer"; malformed JSON gives
/// the line and column. The problem is not finalized.
llvm::Expected<Problem> readJsonProblem(llvm::StringRef text);

/// The JSON form of a problem, which `readJsonProblem` reads back.
llvm::json::Value problemToJson(const Problem &problem);

/// Extra facts written beside a plan.
struct PlanSummary {
  std::optional<uint64_t> lowerBound;
  /// Proven optimal or equal to the lower bound.
  bool optimal = false;
};

/// The JSON form of a plan of `problem`.
llvm::json::Value planToJson(const Problem &problem, const Plan &plan,
                             const PlanSummary &summary);

/// The same plan as JSON text in the documented key order, one pool or
/// buffer per line, so large plans stay readable and diffable.
std::string writeJsonPlan(const Problem &problem, const Plan &plan,
                          const PlanSummary &summary);

/// `value` as indented JSON text with a final newline.
std::string formatJson(const llvm::json::Value &value);

} // namespace usmp::planner

#endif // USMP_PLANNER_JSON_H
