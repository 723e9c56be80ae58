//===- JSON.cpp - JSON problem and plan format ----------------------------===//

#include "usmp/Planner/JSON.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>

using namespace usmp::planner;
namespace json = llvm::json;

namespace {
/// Reads values while tracking the field path for error messages.
class Reader {
public:
  llvm::Error error(const std::string &path, const llvm::Twine &message) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   path + ": " + message);
  }

  llvm::Error unknownKeys(const json::Object &object, const std::string &path,
                          std::initializer_list<llvm::StringRef> known) {
    std::vector<std::string> keys;
    for (const auto &entry : object)
      keys.push_back(entry.first.str());
    llvm::sort(keys);
    for (const std::string &key : keys)
      if (!llvm::is_contained(known, key))
        return error(path, "unknown field '" + key + "'");
    return llvm::Error::success();
  }

  llvm::Expected<uint64_t> unsignedValue(const json::Value &value,
                                         const std::string &path) {
    if (std::optional<uint64_t> result = value.getAsUINT64())
      return *result;
    return error(path, "expected a non-negative integer");
  }

  llvm::Expected<int64_t> signedValue(const json::Value &value,
                                      const std::string &path) {
    if (std::optional<int64_t> result = value.getAsInteger())
      return *result;
    if (std::optional<uint64_t> large = value.getAsUINT64())
      return error(path, "integer " + llvm::Twine(*large) +
                             " is above 9223372036854775807, the largest "
                             "signed 64-bit integer");
    return error(path, "expected an integer");
  }

  llvm::Expected<uint64_t> alignment(const json::Object &object,
                                     const std::string &path) {
    const json::Value *value = object.get("alignment");
    if (!value)
      return 1;
    std::optional<uint64_t> result = value->getAsUINT64();
    if (!result)
      return error(path + ".alignment", "expected a power of two");
    if (!llvm::isPowerOf2_64(*result))
      return error(path + ".alignment",
                   "expected a power of two, found " + llvm::Twine(*result));
    return *result;
  }

  llvm::Expected<std::string> name(const json::Object &object,
                                   const std::string &path) {
    const json::Value *value = object.get("name");
    if (!value)
      return error(path, "missing field 'name'");
    std::optional<llvm::StringRef> text = value->getAsString();
    if (!text || text->empty())
      return error(path + ".name", "expected a non-empty string");
    return text->str();
  }

  /// The names in the array at `object[key]`, each resolved by `lookup`.
  llvm::Expected<std::vector<unsigned>>
  nameList(const json::Object &object, llvm::StringRef key,
           const std::string &path, const llvm::StringMap<unsigned> &lookup,
           llvm::StringRef what) {
    std::vector<unsigned> result;
    const json::Value *value = object.get(key);
    if (!value)
      return result;
    std::string listPath = path + "." + key.str();
    const json::Array *array = value->getAsArray();
    if (!array)
      return error(listPath, "expected an array of " + what + " names");
    for (auto [index, element] : llvm::enumerate(*array)) {
      std::string elementPath = listPath + "[" + std::to_string(index) + "]";
      std::optional<llvm::StringRef> text = element.getAsString();
      if (!text)
        return error(elementPath, "expected a " + what + " name");
      auto it = lookup.find(*text);
      if (it == lookup.end())
        return error(elementPath, "unknown " + what + " '" + *text + "'");
      result.push_back(it->second);
    }
    return result;
  }
};
} // namespace

/// Rewrites LLVM's "[line:column, byte=offset]: message" as "malformed JSON
/// at line L, column C: message". LLVM counts columns from 0 at the parser's
/// position, which is just after the offending character (so the number is
/// its column counted from 1), except for text after the document, bad
/// UTF-8 and the end of the input, where it is at it.
static llvm::Error malformed(llvm::StringRef message) {
  unsigned line = 0, column = 0;
  llvm::StringRef rest = message;
  if (rest.consume_front("[") && !rest.consumeInteger(10, line) &&
      rest.consume_front(":") && !rest.consumeInteger(10, column)) {
    rest = rest.split("]: ").second;
    if (rest == "Text after end of document" ||
        rest == "Invalid UTF-8 sequence" || rest == "Unexpected EOF")
      ++column;
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "malformed JSON at line " +
                                       llvm::Twine(line) + ", column " +
                                       llvm::Twine(column) + ": " + rest);
  }
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "malformed JSON: " + message);
}

/// LLVM's parser recurses once per nesting level, so a deep enough input
/// would overflow the stack; a problem needs four levels.
static constexpr unsigned kMaxNesting = 64;

/// The key a JSON string literal spells: escapes let one key be written in
/// several ways. A literal the parser rejects stays as written (the parser
/// reports it).
static std::string unescapedKey(llvm::StringRef literal) {
  llvm::StringRef raw = literal.drop_front().drop_back();
  if (!raw.contains('\\'))
    return raw.str();
  llvm::Expected<json::Value> value = json::parse(literal);
  if (!value) {
    llvm::consumeError(value.takeError());
    return raw.str();
  }
  return value->getAsString()->str();
}

/// What LLVM's parser accepts but a problem must not have: nesting deeper
/// than kMaxNesting, a key given twice in one object, however it is escaped
/// (the parser keeps one silently), and numbers other than 64-bit
/// integers written plainly: every number in a problem is an integer, and
/// the parser reads fractions, exponents and integers beyond 64 bits as
/// doubles, which the integer accessors would round silently.
static llvm::Error checkStructure(llvm::StringRef text) {
  struct Container {
    bool object;
    bool expectKey;
    llvm::StringSet<> keys;
  };
  llvm::SmallVector<Container, 8> open;
  unsigned line = 1, column = 0;
  auto error = [&](const llvm::Twine &message) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "malformed JSON at line " +
                                       llvm::Twine(line) + ", column " +
                                       llvm::Twine(column) + ": " + message);
  };
  // The string being read (from its opening quote), and whether it is a key.
  std::optional<size_t> stringBegin;
  unsigned stringLine = 0, stringColumn = 0;
  bool isKey = false, escaped = false;
  for (size_t i = 0, e = text.size(); i < e; ++i) {
    char c = text[i];
    ++column;
    if (c == '\n') {
      ++line;
      column = 0;
    }
    if (stringBegin) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        std::string key = isKey ? unescapedKey(text.slice(*stringBegin, i + 1))
                                : std::string();
        if (isKey && !open.back().keys.insert(key).second) {
          line = stringLine;
          column = stringColumn;
          return error("key '" + key + "' appears twice in one object");
        }
        stringBegin.reset();
      }
    } else if (c == '-' || c == '+' || c == '.' || llvm::isDigit(c)) {
      size_t end = text.find_if_not(
          [](char d) {
            return llvm::isDigit(d) || llvm::StringRef("+-.eE").contains(d);
          },
          i);
      end = std::min(end, e);
      llvm::StringRef token = text.slice(i, end);
      llvm::StringRef digits = token.drop_front(c == '-');
      if (c == '+' || token.find_first_of(".eE") != llvm::StringRef::npos)
        return error("expected an integer, found '" + token + "'");
      if (digits.size() > 1 && digits.front() == '0')
        return error("integer '" + token + "' has leading zeros");
      int64_t asSigned;
      uint64_t asUnsigned;
      if (!digits.empty() && llvm::all_of(digits, llvm::isDigit) &&
          (c == '-' ? token.getAsInteger(10, asSigned)
                    : token.getAsInteger(10, asUnsigned)))
        return error("integer '" + token + "' does not fit in 64 bits");
      // Anything else malformed is left to the parser.
      column += end - i - 1;
      i = end - 1;
    } else if (c == '"') {
      stringBegin = i;
      stringLine = line;
      stringColumn = column;
      isKey = !open.empty() && open.back().object && open.back().expectKey;
    } else if (c == '[' || c == '{') {
      if (open.size() == kMaxNesting)
        return error("arrays and objects nest deeper than " +
                     llvm::Twine(kMaxNesting) + " levels");
      open.push_back({c == '{', c == '{', {}});
    } else if ((c == ']' || c == '}') && !open.empty()) {
      open.pop_back();
    } else if (!open.empty() && open.back().object && (c == ',' || c == ':')) {
      open.back().expectKey = c == ',';
    }
  }
  return llvm::Error::success();
}

llvm::Expected<Problem> usmp::planner::readJsonProblem(llvm::StringRef text) {
  // Editors may save UTF-8 with a byte order mark, which JSON does not allow.
  text.consume_front("\xEF\xBB\xBF");
  if (llvm::Error error = checkStructure(text))
    return std::move(error);
  llvm::Expected<json::Value> parsed = json::parse(text);
  if (!parsed)
    return malformed(llvm::toString(parsed.takeError()));
  Reader reader;
  const json::Object *root = parsed->getAsObject();
  if (!root)
    return reader.error("(root)", "expected an object with \"pools\" and "
                                  "\"buffers\"");
  if (llvm::Error error =
          reader.unknownKeys(*root, "(root)", {"pools", "buffers"}))
    return std::move(error);

  Problem problem;
  llvm::StringMap<unsigned> poolIndex;
  if (const json::Value *pools = root->get("pools")) {
    const json::Array *array = pools->getAsArray();
    if (!array)
      return reader.error("pools", "expected an array");
    for (auto [index, element] : llvm::enumerate(*array)) {
      std::string path = "pools[" + std::to_string(index) + "]";
      const json::Object *object = element.getAsObject();
      if (!object)
        return reader.error(path, "expected an object");
      if (llvm::Error error = reader.unknownKeys(
              *object, path, {"name", "size_hint", "alignment"}))
        return std::move(error);
      Pool pool;
      llvm::Expected<std::string> name = reader.name(*object, path);
      if (!name)
        return name.takeError();
      pool.name = *name;
      if (!poolIndex.try_emplace(pool.name, index).second)
        return reader.error(path + ".name",
                            "duplicate pool name '" + pool.name + "'");
      // null, as plan reports write it, is no hint.
      if (const json::Value *hint = object->get("size_hint");
          hint && !hint->getAsNull()) {
        llvm::Expected<uint64_t> value =
            reader.unsignedValue(*hint, path + ".size_hint");
        if (!value)
          return value.takeError();
        pool.sizeHint = *value;
      }
      llvm::Expected<uint64_t> alignment = reader.alignment(*object, path);
      if (!alignment)
        return alignment.takeError();
      pool.alignment = *alignment;
      problem.pools.push_back(std::move(pool));
    }
  } else {
    problem.pools.push_back({"default", std::nullopt, 1});
    poolIndex["default"] = 0;
  }

  const json::Value *buffers = root->get("buffers");
  if (!buffers)
    return reader.error("(root)", "missing field 'buffers'");
  const json::Array *array = buffers->getAsArray();
  if (!array)
    return reader.error("buffers", "expected an array");
  // Names first, so conflicts may refer to later buffers.
  llvm::StringMap<unsigned> bufferIndex;
  for (auto [index, element] : llvm::enumerate(*array)) {
    std::string path = "buffers[" + std::to_string(index) + "]";
    const json::Object *object = element.getAsObject();
    if (!object)
      return reader.error(path, "expected an object");
    llvm::Expected<std::string> name = reader.name(*object, path);
    if (!name)
      return name.takeError();
    if (!bufferIndex.try_emplace(*name, index).second)
      return reader.error(path + ".name",
                          "duplicate buffer name '" + *name + "'");
    Buffer buffer;
    buffer.name = *name;
    problem.buffers.push_back(std::move(buffer));
  }
  for (auto [index, element] : llvm::enumerate(*array)) {
    std::string path = "buffers[" + std::to_string(index) + "]";
    const json::Object &object = *element.getAsObject();
    Buffer &buffer = problem.buffers[index];
    if (llvm::Error error = reader.unknownKeys(
            object, path,
            {"name", "size", "alignment", "pools", "live", "conflicts"}))
      return std::move(error);
    const json::Value *size = object.get("size");
    if (!size)
      return reader.error(path, "missing field 'size'");
    llvm::Expected<uint64_t> sizeValue =
        reader.unsignedValue(*size, path + ".size");
    if (!sizeValue)
      return sizeValue.takeError();
    buffer.size = *sizeValue;
    llvm::Expected<uint64_t> alignment = reader.alignment(object, path);
    if (!alignment)
      return alignment.takeError();
    buffer.alignment = *alignment;
    llvm::Expected<std::vector<unsigned>> pools =
        reader.nameList(object, "pools", path, poolIndex, "pool");
    if (!pools)
      return pools.takeError();
    buffer.pools = std::move(*pools);
    if (object.get("pools") && buffer.pools.empty())
      return reader.error(path + ".pools",
                          "expected at least one pool (omit the field to "
                          "allow every pool)");
    for (auto [position, pool] : llvm::enumerate(buffer.pools))
      if (llvm::is_contained(llvm::ArrayRef(buffer.pools).take_front(position),
                             pool))
        return reader.error(path + ".pools[" + std::to_string(position) + "]",
                            "pool '" + problem.pools[pool].name +
                                "' is listed twice");
    llvm::Expected<std::vector<unsigned>> conflicts =
        reader.nameList(object, "conflicts", path, bufferIndex, "buffer");
    if (!conflicts)
      return conflicts.takeError();
    buffer.conflicts = std::move(*conflicts);
    if (const json::Value *live = object.get("live")) {
      std::string livePath = path + ".live";
      const json::Array *range = live->getAsArray();
      if (!range || range->size() != 2)
        return reader.error(livePath, "expected [start, end]");
      llvm::Expected<int64_t> start =
          reader.signedValue((*range)[0], livePath + "[0]");
      if (!start)
        return start.takeError();
      llvm::Expected<int64_t> end =
          reader.signedValue((*range)[1], livePath + "[1]");
      if (!end)
        return end.takeError();
      if (*end < *start)
        return reader.error(livePath, "end " + llvm::Twine(*end) +
                                          " is before start " +
                                          llvm::Twine(*start));
      buffer.live = Interval{*start, *end};
    }
  }
  return problem;
}

json::Value usmp::planner::problemToJson(const Problem &problem) {
  json::Array pools;
  for (const Pool &pool : problem.pools) {
    json::Object object{{"name", pool.name}};
    if (pool.sizeHint)
      object["size_hint"] = *pool.sizeHint;
    if (pool.alignment != 1)
      object["alignment"] = pool.alignment;
    pools.push_back(std::move(object));
  }
  json::Array buffers;
  for (const Buffer &buffer : problem.buffers) {
    json::Object object{{"name", buffer.name}, {"size", buffer.size}};
    if (buffer.alignment != 1)
      object["alignment"] = buffer.alignment;
    if (!buffer.pools.empty()) {
      json::Array names;
      for (unsigned pool : buffer.pools)
        names.push_back(problem.pools[pool].name);
      object["pools"] = std::move(names);
    }
    if (buffer.live)
      object["live"] = json::Array{buffer.live->start, buffer.live->end};
    if (!buffer.conflicts.empty()) {
      json::Array names;
      for (unsigned other : buffer.conflicts)
        names.push_back(problem.buffers[other].name);
      object["conflicts"] = std::move(names);
    }
    buffers.push_back(std::move(object));
  }
  return json::Object{{"pools", std::move(pools)},
                      {"buffers", std::move(buffers)}};
}

json::Value usmp::planner::planToJson(const Problem &problem, const Plan &plan,
                                      const PlanSummary &summary) {
  json::Array pools;
  for (auto [index, pool] : llvm::enumerate(problem.pools))
    pools.push_back(
        json::Object{{"name", pool.name}, {"size", plan.poolSizes[index]}});
  json::Array buffers;
  for (auto [index, buffer] : llvm::enumerate(problem.buffers)) {
    const Placement &at = plan.placements[index];
    buffers.push_back(json::Object{{"name", buffer.name},
                                   {"pool", problem.pools[at.pool].name},
                                   {"offset", at.offset}});
  }
  json::Object result{{"pools", std::move(pools)},
                      {"buffers", std::move(buffers)},
                      {"algorithm", plan.algorithm},
                      {"optimal", summary.optimal}};
  if (summary.lowerBound)
    result["lower_bound"] = *summary.lowerBound;
  return result;
}

std::string usmp::planner::formatJson(const json::Value &value) {
  return llvm::formatv("{0:2}", value).str() + "\n";
}

/// A JSON string literal, escaped.
static std::string quote(llvm::StringRef text) {
  return llvm::formatv("{0}", json::Value(text.str())).str();
}

std::string usmp::planner::writeJsonPlan(const Problem &problem,
                                         const Plan &plan,
                                         const PlanSummary &summary) {
  std::string out = "{\n  \"pools\": [";
  for (auto [index, pool] : llvm::enumerate(problem.pools))
    out += std::string(index ? "," : "") +
           "\n    {\"name\": " + quote(pool.name) +
           ", \"size\": " + std::to_string(plan.poolSizes[index]) + "}";
  out += "\n  ],\n  \"buffers\": [";
  for (auto [index, buffer] : llvm::enumerate(problem.buffers)) {
    const Placement &at = plan.placements[index];
    out += std::string(index ? "," : "") +
           "\n    {\"name\": " + quote(buffer.name) +
           ", \"pool\": " + quote(problem.pools[at.pool].name) +
           ", \"offset\": " + std::to_string(at.offset) + "}";
  }
  out += "\n  ],\n  \"algorithm\": " + quote(plan.algorithm);
  if (summary.lowerBound)
    out += ",\n  \"lower_bound\": " + std::to_string(*summary.lowerBound);
  out +=
      ",\n  \"optimal\": " + std::string(summary.optimal ? "true" : "false") +
      "\n}\n";
  return out;
}
