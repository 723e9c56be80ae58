//===- ModelIO.cpp - The model's inputs and outputs -----------------------===//

#include "usmp/Transforms/ModelIO.h"
#include "usmp/Dialect/USMP/USMPUtils.h"

#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/StringMap.h"

using namespace mlir;
using namespace usmp;

void IONumbering::use(IOAttr io) {
  usedIndices[io.getDirection() == IODirection::Output].insert(io.getIndex());
  usedNames.insert(io.getName());
}

IOAttr IONumbering::next(MLIRContext *context, IODirection direction,
                         StringRef name) {
  bool output = direction == IODirection::Output;
  auto defaultName = [&](int64_t index) {
    return (output ? "output" : "input") + std::to_string(index);
  };
  int64_t &index = searchFrom[output][name.empty()];
  while (usedIndices[output].count(index) ||
         (name.empty() && usedNames.contains(defaultName(index))))
    ++index;
  IOAttr io =
      IOAttr::get(context, direction,
                  name.empty() ? defaultName(index) : name.str(), index);
  use(io);
  return io;
}

LogicalResult usmp::verifyDistinctCNames(ArrayRef<ModelIOEntry> entries) {
  llvm::StringMap<const ModelIOEntry *> seen;
  for (const ModelIOEntry &entry : entries) {
    std::string name = sanitizeIdentifier(entry.io.getName());
    auto [it, inserted] = seen.try_emplace(name, &entry);
    if (inserted)
      continue;
    InFlightDiagnostic diag = emitError(entry.loc)
                              << "I/O names '" << it->second->io.getName()
                              << "' and '" << entry.io.getName()
                              << "' are both '" << name << "' as C identifiers";
    diag.attachNote(it->second->loc)
        << "'" << it->second->io.getName() << "' is declared here";
    return diag;
  }
  return success();
}
