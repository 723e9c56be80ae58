//===- CSV.h - MiniMalloc's CSV format --------------------------*- C++ -*-===//
//
// MiniMalloc's benchmark format: a header naming the columns `id`, `lower`,
// `upper` and `size` (in any order; other columns are kept but ignored), then
// one buffer per line, live over the half-open interval [lower, upper). All
// buffers go to one pool, without capacity unless one is given. No quoting.
//
//===----------------------------------------------------------------------===//

#ifndef USMP_PLANNER_CSV_H
#define USMP_PLANNER_CSV_H

#include "usmp/Planner/Problem.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string>
#include <vector>

namespace usmp::planner {

/// A parsed CSV file: the problem plus the text needed to write the same
/// file back with an `offset` column.
struct CsvDocument {
  Problem problem;
  /// Column names in file order.
  std::vector<std::string> columns;
  /// Every buffer's line, in buffer order, with its fields trimmed and
  /// joined by commas, each line ending in a newline.
  std::string lines;
  /// Index of an `offset` column already in the input, if any (a plan fed
  /// back in); its values are replaced on output.
  std::optional<size_t> offsetColumn;
};

/// Parses MiniMalloc CSV text into a one-pool problem (pool "pool" with size
/// hint `capacity` when given). Buffer `id` becomes the name and the live
/// range is [lower, upper - 1]. Errors name the line and the column, e.g.
/// "line 3: column 'size': expected a non-negative integer, found '-4'".
/// The problem is not finalized.
llvm::Expected<CsvDocument> readCsv(llvm::StringRef text,
                                    std::optional<uint64_t> capacity = {});

/// The input lines with every buffer's offset in an `offset` column (added
/// last, or replacing an existing one).
std::string writeCsvPlan(const CsvDocument &document, const Plan &plan);

/// A CSV plan for a problem that did not come from CSV: columns id, lower,
/// upper, size, offset, plus pool when there are several pools. Fails when a
/// buffer has no live range.
llvm::Expected<std::string> writeCsvPlan(const Problem &problem,
                                         const Plan &plan);

} // namespace usmp::planner

#endif // USMP_PLANNER_CSV_H
