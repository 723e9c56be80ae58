//===- USMPOps.cpp - usmp operations --------------------------------------===//

#include "usmp/Dialect/USMP/USMPOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace usmp;

//===----------------------------------------------------------------------===//
// PoolOp
//===----------------------------------------------------------------------===//

std::optional<int64_t> PoolOp::getCapacity() {
  if (std::optional<uint64_t> planned = getPlannedSize())
    return getPlannedSizeAttr().getInt();
  if (getSizeHint())
    return getSizeHintAttr().getInt();
  return std::nullopt;
}

bool PoolOp::allowsAccess(StringRef target, Access access) {
  ArrayAttr targets = getTargetsAttr();
  if (!targets)
    return true;
  for (auto entry : targets.getAsRange<TargetAccessAttr>())
    if (entry.getTarget() == target)
      return access == Access::ReadOnly ||
             entry.getAccess() == Access::ReadWrite;
  return false;
}

LogicalResult PoolOp::verify() {
  // An empty symbol prints as an invalid one and names no C pointer.
  if (getSymName().empty())
    return emitOpError() << "pool name must not be empty";
  int64_t alignment = getAlignmentAttr().getInt();
  if (alignment <= 0 || !llvm::isPowerOf2_64(alignment))
    return emitOpError() << "alignment must be a positive power of two, got "
                         << alignment;
  if (IntegerAttr hint = getSizeHintAttr(); hint && hint.getInt() < 0)
    return emitOpError() << "size hint must be non-negative, got "
                         << hint.getInt();
  if (IntegerAttr planned = getPlannedSizeAttr()) {
    if (planned.getInt() < 0)
      return emitOpError() << "planned size must be non-negative, got "
                           << planned.getInt();
    if (IntegerAttr hint = getSizeHintAttr();
        hint && planned.getInt() > hint.getInt())
      return emitOpError() << "planned size " << planned.getInt()
                           << " exceeds the size hint " << hint.getInt();
  }
  if (ArrayAttr targets = getTargetsAttr()) {
    llvm::StringSet<> seen;
    for (auto entry : targets.getAsRange<TargetAccessAttr>())
      if (!seen.insert(entry.getTarget()).second)
        return emitOpError()
               << "target '" << entry.getTarget() << "' is listed twice";
  }
  return success();
}

/// Parses `(` integer `)` into an i64 attribute named `name`.
static ParseResult parseParenInteger(OpAsmParser &parser, OperationState &state,
                                     StringAttr name) {
  int64_t value;
  if (parser.parseLParen())
    return failure();
  // parseInteger takes `true` and `false` as 1-bit integers.
  SMLoc loc = parser.getCurrentLocation();
  if (succeeded(parser.parseOptionalKeyword("true")) ||
      succeeded(parser.parseOptionalKeyword("false")))
    return parser.emitError(loc) << "expected an integer";
  if (parser.parseInteger(value) || parser.parseRParen())
    return failure();
  state.addAttribute(name, parser.getBuilder().getI64IntegerAttr(value));
  return success();
}

ParseResult PoolOp::parse(OpAsmParser &parser, OperationState &result) {
  Builder &builder = parser.getBuilder();
  OperationName opName = result.name;

  StringRef kindName;
  SMLoc kindLoc = parser.getCurrentLocation();
  if (parser.parseKeyword(&kindName))
    return failure();
  std::optional<PoolKind> kind = symbolizePoolKind(kindName);
  if (!kind)
    return parser.emitError(kindLoc)
           << "expected pool kind 'workspace' or 'constant', got '" << kindName
           << "'";
  result.addAttribute(getKindAttrName(opName),
                      PoolKindAttr::get(builder.getContext(), *kind));

  StringAttr symName;
  if (parser.parseSymbolName(symName))
    return failure();
  result.addAttribute(getSymNameAttrName(opName), symName);

  // Clauses may come in any order, each at most once.
  llvm::StringSet<> seen;
  while (true) {
    SMLoc loc = parser.getCurrentLocation();
    StringRef clause;
    if (failed(parser.parseOptionalKeyword(
            &clause, {"size_hint", "alignment", "targets", "perf",
                      "planned_size", "internal"})))
      break;
    if (!seen.insert(clause).second)
      return parser.emitError(loc) << "'" << clause << "' is given twice";
    if (clause == "internal") {
      result.addAttribute(getInternalAttrName(opName), builder.getUnitAttr());
    } else if (clause == "size_hint") {
      if (parseParenInteger(parser, result, getSizeHintAttrName(opName)))
        return failure();
    } else if (clause == "alignment") {
      if (parseParenInteger(parser, result, getAlignmentAttrName(opName)))
        return failure();
    } else if (clause == "planned_size") {
      if (parseParenInteger(parser, result, getPlannedSizeAttrName(opName)))
        return failure();
    } else if (clause == "perf") {
      PoolPerfAttr perf;
      if (parser.parseCustomAttributeWithFallback(perf))
        return failure();
      result.addAttribute(getPerfAttrName(opName), perf);
    } else {
      SmallVector<Attribute> targets;
      auto parseTarget = [&]() -> ParseResult {
        std::string target;
        StringRef accessName;
        SMLoc accessLoc, targetLoc = parser.getCurrentLocation();
        if (parser.parseString(&target) || parser.parseColon())
          return failure();
        accessLoc = parser.getCurrentLocation();
        if (parser.parseKeyword(&accessName))
          return failure();
        std::optional<Access> access = symbolizeAccess(accessName);
        if (!access)
          return parser.emitError(accessLoc)
                 << "expected access 'rw' or 'ro', got '" << accessName << "'";
        if (failed(TargetAccessAttr::verify(
                [&] { return parser.emitError(targetLoc); }, target, *access)))
          return failure();
        targets.push_back(
            TargetAccessAttr::get(builder.getContext(), target, *access));
        return success();
      };
      if (parser.parseCommaSeparatedList(OpAsmParser::Delimiter::Paren,
                                         parseTarget))
        return failure();
      result.addAttribute(getTargetsAttrName(opName),
                          builder.getArrayAttr(targets));
    }
  }
  if (!seen.contains("alignment"))
    result.addAttribute(getAlignmentAttrName(opName),
                        builder.getI64IntegerAttr(kDefaultAlignment));
  // The dictionary is for other attributes: an inherent one there would
  // override a clause, or be dropped when its type is wrong.
  SMLoc dictLoc = parser.getCurrentLocation();
  NamedAttrList extra;
  if (parser.parseOptionalAttrDictWithKeyword(extra))
    return failure();
  for (NamedAttribute attr : extra) {
    if (llvm::is_contained(getAttributeNames(), attr.getName().strref()))
      return parser.emitError(dictLoc)
             << "'" << attr.getName().strref()
             << "' is part of the pool's syntax, not of its attribute "
                "dictionary";
    result.attributes.push_back(attr);
  }
  return success();
}

void PoolOp::print(OpAsmPrinter &printer) {
  printer << ' ' << stringifyPoolKind(getKind()) << ' ';
  printer.printSymbolName(getSymName());
  if (IntegerAttr hint = getSizeHintAttr())
    printer << " size_hint(" << hint.getInt() << ')';
  printer << " alignment(" << getAlignmentAttr().getInt() << ')';
  if (ArrayAttr targets = getTargetsAttr()) {
    printer << " targets(";
    llvm::interleaveComma(targets.getAsRange<TargetAccessAttr>(), printer,
                          [&](TargetAccessAttr entry) {
                            printer.printString(entry.getTarget());
                            printer << ": "
                                    << stringifyAccess(entry.getAccess());
                          });
    printer << ')';
  }
  if (PoolPerfAttr perf = getPerfAttr()) {
    printer << " perf";
    printer.printStrippedAttrOrType(perf);
  }
  if (IntegerAttr planned = getPlannedSizeAttr())
    printer << " planned_size(" << planned.getInt() << ')';
  if (getInternal())
    printer << " internal";
  printer.printOptionalAttrDictWithKeyword(
      (*this)->getAttrs(),
      {getSymNameAttrName(), getKindAttrName(), getSizeHintAttrName(),
       getAlignmentAttrName(), getTargetsAttrName(), getPerfAttrName(),
       getPlannedSizeAttrName(), getInternalAttrName()});
}

#define GET_OP_CLASSES
#include "usmp/Dialect/USMP/USMPOps.cpp.inc"
