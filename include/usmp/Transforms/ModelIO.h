//===- ModelIO.h - The model's inputs and outputs ---------------*- C++ -*-===//

#ifndef USMP_TRANSFORMS_MODELIO_H
#define USMP_TRANSFORMS_MODELIO_H

#include "usmp/Dialect/USMP/USMPAttributes.h"

#include "mlir/IR/Location.h"
#include "mlir/Support/LLVM.h"

namespace usmp {

/// One input or output with where it is declared, for diagnostics.
struct ModelIOEntry {
  IOAttr io;
  mlir::Location loc;
};

/// Fails, with an error naming both, when two names are the same C
/// identifier after sanitizing, since the C API would clash.
mlir::LogicalResult verifyDistinctCNames(llvm::ArrayRef<ModelIOEntry> entries);

} // namespace usmp

#endif // USMP_TRANSFORMS_MODELIO_H
