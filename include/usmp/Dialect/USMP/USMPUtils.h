//===- USMPUtils.h - Helpers shared by the usmp dialect and passes -*- C++ -*-//

#ifndef USMP_DIALECT_USMP_USMPUTILS_H
#define USMP_DIALECT_USMP_USMPUTILS_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/Interfaces/DataLayoutInterfaces.h"
#include "mlir/Support/LLVM.h"

#include <string>

namespace usmp {

/// The bytes a statically shaped memref spans, from its first to one past its
/// last element under its layout. Fails for dynamic shapes or strides,
/// elements without a data-layout size, and spans that do not fit in 63 bits.
mlir::FailureOr<uint64_t> getBufferSizeInBytes(mlir::MemRefType type,
                                               const mlir::DataLayout &layout);

/// The alignment the elements of a buffer need in C: their data layout
/// alignment, and for scalars at least their size rounded up to a power of
/// two (MLIR's default layout aligns 64-bit integers and index to 4 only).
uint64_t getElementAlignment(mlir::Type element,
                             const mlir::DataLayout &layout);

/// `name` as a C identifier: every character that is not a letter or a digit
/// becomes '_', and a leading digit gets a '_' before it. Names that differ
/// may clash afterwards; callers check.
std::string sanitizeIdentifier(llvm::StringRef name);

} // namespace usmp

#endif // USMP_DIALECT_USMP_USMPUTILS_H
