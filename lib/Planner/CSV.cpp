//===- CSV.cpp - MiniMalloc's CSV format ----------------------------------===//

#include "usmp/Planner/CSV.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"

#include <limits>

using namespace usmp::planner;

static llvm::Error lineError(size_t line, const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "line " + llvm::Twine(line) + ": " + message);
}

/// Splits on commas and trims blanks around every field.
static void splitFields(llvm::StringRef line,
                        llvm::SmallVectorImpl<llvm::StringRef> &parts) {
  parts.clear();
  line.split(parts, ',');
  for (llvm::StringRef &part : parts)
    part = part.trim();
}

llvm::Expected<CsvDocument>
usmp::planner::readCsv(llvm::StringRef text, std::optional<uint64_t> capacity) {
  CsvDocument document;
  document.problem.pools.push_back({"pool", capacity, 1});

  size_t lineNumber = 0;
  bool haveHeader = false;
  size_t idColumn = 0, lowerColumn = 0, upperColumn = 0, sizeColumn = 0;
  // One buffer per line: reserving up front saves regrowing large inputs.
  size_t lines = text.count('\n') + 1;
  document.problem.buffers.reserve(lines);
  document.rows.reserve(lines);
  // Ids point into `text`, which outlives the loop: no copy per line.
  llvm::DenseMap<llvm::StringRef, size_t> idLines;
  idLines.reserve(lines);
  llvm::SmallVector<llvm::StringRef, 8> parts;
  while (!text.empty()) {
    auto [line, rest] = text.split('\n');
    text = rest;
    ++lineNumber;
    line = line.trim();
    if (line.empty())
      continue;
    splitFields(line, parts);
    std::vector<std::string> fields;
    fields.reserve(parts.size());
    for (llvm::StringRef part : parts)
      fields.push_back(part.str());
    if (!haveHeader) {
      haveHeader = true;
      llvm::StringMap<size_t> byName;
      for (auto [index, name] : llvm::enumerate(fields)) {
        if (name.empty())
          return lineError(lineNumber, "column " + llvm::Twine(index + 1) +
                                           " of the header has no name");
        if (!byName.try_emplace(name, index).second)
          return lineError(lineNumber, "duplicate column '" + name + "'");
      }
      for (auto [name, column] :
           {std::pair{"id", &idColumn}, std::pair{"lower", &lowerColumn},
            std::pair{"upper", &upperColumn}, std::pair{"size", &sizeColumn}}) {
        auto it = byName.find(name);
        if (it == byName.end())
          return lineError(lineNumber,
                           "missing column '" + llvm::Twine(name) +
                               "' (the header needs id, lower, upper, size)");
        *column = it->second;
      }
      if (auto it = byName.find("offset"); it != byName.end())
        document.offsetColumn = it->second;
      document.columns = std::move(fields);
      continue;
    }

    if (fields.size() != document.columns.size())
      return lineError(lineNumber,
                       "expected " + llvm::Twine(document.columns.size()) +
                           " fields, found " + llvm::Twine(fields.size()));
    auto bad = [&](size_t column, llvm::StringRef expected) {
      return lineError(lineNumber, "column '" + document.columns[column] +
                                       "': expected " + expected + ", found '" +
                                       fields[column] + "'");
    };
    const std::string &id = fields[idColumn];
    if (id.empty())
      return bad(idColumn, "a buffer name");
    int64_t lower = 0, upper = 0;
    uint64_t size = 0;
    if (llvm::StringRef(fields[lowerColumn]).getAsInteger(10, lower))
      return bad(lowerColumn, "an integer");
    if (llvm::StringRef(fields[upperColumn]).getAsInteger(10, upper))
      return bad(upperColumn, "an integer");
    if (llvm::StringRef(fields[sizeColumn]).getAsInteger(10, size))
      return bad(sizeColumn, "a non-negative integer");
    if (upper <= lower)
      return lineError(lineNumber, "upper (" + llvm::Twine(upper) +
                                       ") must be greater than lower (" +
                                       llvm::Twine(lower) + ")");
    auto [previous, inserted] =
        idLines.try_emplace(parts[idColumn], lineNumber);
    if (!inserted)
      return lineError(lineNumber, "duplicate id '" + id + "' (first on line " +
                                       llvm::Twine(previous->second) + ")");
    Buffer buffer;
    buffer.name = id;
    buffer.size = size;
    buffer.live = Interval{lower, upper - 1};
    document.problem.buffers.push_back(std::move(buffer));
    document.rows.push_back(std::move(fields));
  }
  if (!haveHeader)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "empty CSV input: expected a header with id, lower, upper, size");
  return document;
}

static std::string joinFields(llvm::ArrayRef<std::string> fields) {
  std::string line;
  for (auto [index, field] : llvm::enumerate(fields))
    line += (index ? "," : "") + field;
  return line + "\n";
}

std::string usmp::planner::writeCsvPlan(const CsvDocument &document,
                                        const Plan &plan) {
  std::vector<std::string> header = document.columns;
  if (!document.offsetColumn)
    header.push_back("offset");
  std::string out = joinFields(header);
  for (auto [index, row] : llvm::enumerate(document.rows)) {
    std::vector<std::string> fields = row;
    std::string offset = std::to_string(plan.placements[index].offset);
    if (document.offsetColumn)
      fields[*document.offsetColumn] = offset;
    else
      fields.push_back(offset);
    out += joinFields(fields);
  }
  return out;
}

llvm::Expected<std::string> usmp::planner::writeCsvPlan(const Problem &problem,
                                                        const Plan &plan) {
  bool withPool = problem.pools.size() > 1;
  std::string out = withPool ? "id,lower,upper,size,pool,offset\n"
                             : "id,lower,upper,size,offset\n";
  for (auto [index, buffer] : llvm::enumerate(problem.buffers)) {
    if (!buffer.live)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "buffer '" + buffer.name +
              "' has no live range, which CSV output needs; use JSON");
    if (buffer.live->end == std::numeric_limits<int64_t>::max())
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "buffer '" + buffer.name +
                                         "' ends too late for CSV's "
                                         "exclusive upper bound");
    const Placement &at = plan.placements[index];
    out += buffer.name + "," + std::to_string(buffer.live->start) + "," +
           std::to_string(buffer.live->end + 1) + "," +
           std::to_string(buffer.size) + ",";
    if (withPool)
      out += problem.pools[at.pool].name + ",";
    out += std::to_string(at.offset) + "\n";
  }
  return out;
}
