//===- USMPUtils.h - Helpers shared by the usmp dialect and passes -*- C++ -*-//

#ifndef USMP_DIALECT_USMP_USMPUTILS_H
#define USMP_DIALECT_USMP_USMPUTILS_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/Interfaces/DataLayoutInterfaces.h"
#include "mlir/Support/LLVM.h"

namespace usmp {

/// The bytes a statically shaped memref spans, from its first to one past its
/// last element under its layout. Fails for dynamic shapes or strides,
/// elements without a data-layout size, and spans that do not fit in 63 bits.
mlir::FailureOr<uint64_t> getBufferSizeInBytes(mlir::MemRefType type,
                                               const mlir::DataLayout &layout);

} // namespace usmp

#endif // USMP_DIALECT_USMP_USMPUTILS_H
