//===- CSV.cpp - MiniMalloc's CSV format ----------------------------------===//

#include "usmp/Planner/CSV.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/JSON.h"

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
  // Spreadsheets save UTF-8 with a byte order mark.
  text.consume_front("\xEF\xBB\xBF");

  size_t lineNumber = 0;
  bool haveHeader = false;
  size_t idColumn = 0, lowerColumn = 0, upperColumn = 0, sizeColumn = 0;
  // One buffer per line: reserving up front saves regrowing large inputs.
  size_t lines = text.count('\n') + 1;
  document.problem.buffers.reserve(lines);
  document.lines.reserve(text.size());
  // Ids point into `text`; repeats are looked for once at the end, among
  // the lines before the first bad one, which they precede.
  std::vector<llvm::StringRef> ids;
  std::vector<size_t> idLines;
  ids.reserve(lines);
  idLines.reserve(lines);
  llvm::SmallVector<llvm::StringRef, 8> fields;
  auto readLines = [&]() -> llvm::Error {
    while (!text.empty()) {
      auto [line, rest] = text.split('\n');
      text = rest;
      ++lineNumber;
      line = line.trim();
      if (line.empty())
        continue;
      // Old Mac files end lines in CR alone: one long line otherwise.
      if (line.contains('\r'))
        return lineError(lineNumber, "carriage return inside a line (lines "
                                     "must end in LF or CR LF)");
      splitFields(line, fields);
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
              std::pair{"upper", &upperColumn},
              std::pair{"size", &sizeColumn}}) {
          auto it = byName.find(name);
          if (it == byName.end())
            return lineError(lineNumber,
                             "missing column '" + llvm::Twine(name) +
                                 "' (the header needs id, lower, upper, size)");
          *column = it->second;
        }
        if (auto it = byName.find("offset"); it != byName.end())
          document.offsetColumn = it->second;
        for (llvm::StringRef name : fields)
          document.columns.push_back(name.str());
        continue;
      }

      if (fields.size() != document.columns.size())
        return lineError(lineNumber,
                         "expected " + llvm::Twine(document.columns.size()) +
                             " fields, found " + llvm::Twine(fields.size()));
      auto bad = [&](size_t column, llvm::StringRef expected) {
        return lineError(lineNumber, "column '" + document.columns[column] +
                                         "': expected " + expected +
                                         ", found '" + fields[column] + "'");
      };
      llvm::StringRef id = fields[idColumn];
      if (id.empty())
        return bad(idColumn, "a buffer name");
      if (!llvm::json::isUTF8(id))
        return lineError(lineNumber, "column '" + document.columns[idColumn] +
                                         "': the name is not valid UTF-8");
      int64_t lower = 0, upper = 0;
      uint64_t size = 0;
      if (fields[lowerColumn].getAsInteger(10, lower))
        return bad(lowerColumn, "an integer");
      if (fields[upperColumn].getAsInteger(10, upper))
        return bad(upperColumn, "an integer");
      if (fields[sizeColumn].getAsInteger(10, size))
        return bad(sizeColumn, "a non-negative integer");
      if (upper <= lower)
        return lineError(lineNumber, "upper (" + llvm::Twine(upper) +
                                         ") must be greater than lower (" +
                                         llvm::Twine(lower) + ")");
      ids.push_back(id);
      idLines.push_back(lineNumber);
      Buffer buffer;
      buffer.name = id.str();
      buffer.size = size;
      buffer.live = Interval{lower, upper - 1};
      document.problem.buffers.push_back(std::move(buffer));
      for (auto [index, field] : llvm::enumerate(fields)) {
        if (index)
          document.lines += ',';
        document.lines += field;
      }
      document.lines += '\n';
    }
    return llvm::Error::success();
  };
  llvm::Error error = readLines();
  if (std::optional<std::pair<size_t, size_t>> repeated =
          findRepeatedName(ids)) {
    llvm::consumeError(std::move(error));
    auto [first, repeat] = *repeated;
    return lineError(idLines[repeat], "duplicate id '" + ids[repeat] +
                                          "' (first on line " +
                                          llvm::Twine(idLines[first]) + ")");
  }
  if (error)
    return std::move(error);
  if (!haveHeader)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "empty CSV input: expected a header with id, lower, upper, size");
  return document;
}

std::string usmp::planner::writeCsvPlan(const CsvDocument &document,
                                        const Plan &plan) {
  std::string out;
  out.reserve(document.lines.size() + 21 * plan.placements.size() + 64);
  for (auto [index, column] : llvm::enumerate(document.columns))
    out += (index ? "," : "") + column;
  if (!document.offsetColumn)
    out += ",offset";
  out += '\n';
  llvm::StringRef lines = document.lines;
  llvm::SmallVector<llvm::StringRef, 8> fields;
  for (const Placement &at : plan.placements) {
    auto [line, rest] = lines.split('\n');
    lines = rest;
    std::string offset = std::to_string(at.offset);
    if (!document.offsetColumn) {
      out += line;
      out += ',';
      out += offset;
    } else {
      // Fields hold no commas: the line splits back into them.
      fields.clear();
      line.split(fields, ',');
      for (auto [column, field] : llvm::enumerate(fields)) {
        if (column)
          out += ',';
        out +=
            column == *document.offsetColumn ? llvm::StringRef(offset) : field;
      }
    }
    out += '\n';
  }
  return out;
}

llvm::Expected<std::string> usmp::planner::writeCsvPlan(const Problem &problem,
                                                        const Plan &plan) {
  bool withPool = problem.pools.size() > 1;
  std::string out = withPool ? "id,lower,upper,size,pool,offset\n"
                             : "id,lower,upper,size,offset\n";
  // CSV here has no quoting: a comma or line break would shift the fields,
  // and the reader trims blanks around them.
  auto checkName = [](llvm::StringRef what,
                      const std::string &name) -> llvm::Error {
    if (name.find_first_of(",\r\n") != std::string::npos)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          what + " '" + name +
              "' has a comma or line break in its name, which CSV output "
              "cannot hold; use JSON");
    if (llvm::StringRef(name).trim() != name)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          what + " '" + name +
              "' has blanks around its name, which CSV input drops; use "
              "JSON");
    return llvm::Error::success();
  };
  if (withPool)
    for (const Pool &pool : problem.pools)
      if (llvm::Error error = checkName("pool", pool.name))
        return std::move(error);
  for (auto [index, buffer] : llvm::enumerate(problem.buffers)) {
    if (llvm::Error error = checkName("buffer", buffer.name))
      return std::move(error);
    if (!buffer.live)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "buffer '" + buffer.name +
              "' has no live range, which CSV output needs; use JSON");
    if (!buffer.conflicts.empty())
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "buffer '" + buffer.name +
              "' lists explicit conflicts, which CSV output cannot hold; use "
              "JSON");
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
