//===- InitAllUSMP.h - Register everything usmp provides --------*- C++ -*-===//
//
// One call per kind of thing, as upstream's InitAllDialects.h and
// InitAllPasses.h: a tool or an embedding compiler calls
// `registerAllUSMPDialects` on its registry and `registerAllUSMPPasses` once
// at start-up, beside the upstream registrations it wants.
//
//===----------------------------------------------------------------------===//

#ifndef USMP_INITALLUSMP_H
#define USMP_INITALLUSMP_H

#include "usmp/Conversion/Passes.h"
#include "usmp/Dialect/USMP/USMPDialect.h"
#include "usmp/Transforms/Passes.h"

#include "mlir/IR/DialectRegistry.h"

namespace usmp {

/// Adds the usmp dialect to `registry`.
inline void registerAllUSMPDialects(mlir::DialectRegistry &registry) {
  registry.insert<USMPDialect>();
}

/// Registers every usmp pass, conversion pass and pass pipeline
/// (`usmp-pipeline`, `usmp-from-tosa`) with the global pass registry.
inline void registerAllUSMPPasses() {
  registerUSMPPasses();
  registerUSMPConversionPasses();
  registerUSMPPipelines();
}

} // namespace usmp

#endif // USMP_INITALLUSMP_H
