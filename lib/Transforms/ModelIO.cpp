//===- ModelIO.cpp - The model's inputs and outputs -----------------------===//

#include "usmp/Transforms/ModelIO.h"
#include "usmp/Dialect/USMP/USMPUtils.h"

#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/StringMap.h"

using namespace mlir;
using namespace usmp;

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
