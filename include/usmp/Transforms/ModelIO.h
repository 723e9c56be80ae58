//===- ModelIO.h - The model's inputs and outputs ---------------*- C++ -*-===//

#ifndef USMP_TRANSFORMS_MODELIO_H
#define USMP_TRANSFORMS_MODELIO_H

#include "usmp/Dialect/USMP/USMPAttributes.h"

#include "mlir/IR/Location.h"
#include "mlir/Support/LLVM.h"
#include "llvm/ADT/StringSet.h"

#include <set>

namespace usmp {

/// One input or output with where it is declared, for diagnostics.
struct ModelIOEntry {
  IOAttr io;
  mlir::Location loc;
};

/// Fails, with an error naming both, when two names are the same C
/// identifier after sanitizing, since the C API would clash.
mlir::LogicalResult verifyDistinctCNames(llvm::ArrayRef<ModelIOEntry> entries);

/// Numbers new inputs and outputs beside the markers there are, as
/// usmp-mark-io and usmp-fold-workspace-io do: a new one takes the lowest
/// index of its direction no marker has, and without a name of its own
/// `input<i>` or `output<j>` at the lowest such index whose name no marker
/// has either. (Any index is valid, so no DenseSet, which reserves two.)
class IONumbering {
public:
  /// Records a marker there is.
  void use(IOAttr io);
  /// A new marker, recorded.
  IOAttr next(mlir::MLIRContext *context, IODirection direction,
              llvm::StringRef name = {});

private:
  std::set<int64_t> usedIndices[2];
  llvm::StringSet<> usedNames;
  /// Per direction, and per whether the marker takes the default name: every
  /// index below is taken (taken indices and names only ever grow), so a
  /// search starts there rather than at 0 each time.
  int64_t searchFrom[2][2] = {};
};

} // namespace usmp

#endif // USMP_TRANSFORMS_MODELIO_H
