//===- USMPUtils.h - Helpers shared by the usmp dialect and passes -*- C++ -*-//

#ifndef USMP_DIALECT_USMP_USMPUTILS_H
#define USMP_DIALECT_USMP_USMPUTILS_H

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/BuiltinOps.h"
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

/// The `alignment` a memref.alloc, memref.alloca or memref.global asks for,
/// if any.
std::optional<uint64_t> getOwnAlignment(mlir::Operation *op);

/// The alignment the buffer of `op` (of `type`) cannot do without: what the
/// operation asks for (getOwnAlignment) and what its elements need. Offsets
/// count from a pool's base, so a pool must be aligned at least as much.
uint64_t getRequiredAlignment(mlir::Operation *op, mlir::MemRefType type,
                              const mlir::DataLayout &layout);

/// The type of a new allocation standing for a buffer of `type`: its shape,
/// elements and memory space with the identity layout.
mlir::MemRefType getAllocationType(mlir::MemRefType type);

/// Whether a new allocation can stand for a buffer of `type`, cast to it
/// when its layout is not the identity: `type` is a memref of static shape
/// whose layout such a cast gives (what usmp-copy-yielded-buffers copies).
bool isAllocationCastable(mlir::Type type);

/// The pool `value` holds, when it is a pool argument (`usmp.pool`) of a
/// function.
mlir::FlatSymbolRefAttr getPoolOfArgument(mlir::Value value);

/// Checks that a view's `usmp.placement`, if any, names the pool and the
/// constant offset it views: the C API maps I/O by the placement, the model
/// reads through the view. Emits an error at the view otherwise.
mlir::LogicalResult verifyViewPlacement(mlir::memref::ViewOp view);

/// Checks that `module` is not planned yet (no pool has a planned size),
/// for a pass that must run before planning, named `pass`. Emits an error at
/// the first planned pool otherwise.
mlir::LogicalResult verifyNotPlanned(mlir::ModuleOp module,
                                     llvm::StringRef pass);

/// Checks that no two constants placed in the same pool share a byte (each
/// byte of a constant pool holds one constant's data, whenever it is read).
/// Emits an error at the later constant otherwise.
mlir::LogicalResult verifyDisjointConstants(mlir::ModuleOp module);

/// Points every symbol reference under `root` whose root name is a key of
/// `renames` at the name it maps to, in one walk (SymbolTable's renaming
/// walks everything for each symbol). The symbols keep their own names.
void replaceSymbolReferences(
    mlir::Operation *root,
    const llvm::DenseMap<mlir::StringAttr, mlir::StringAttr> &renames);

/// Replaces every `dense_resource` attribute of the operations under `root`
/// (converters keep large constants in resource blobs, which the TOSA
/// lowerings cannot iterate and the C lowering cannot print) by the dense
/// attribute of the same bytes, a boolean per byte. Emits an error at the
/// operation when a blob is missing (elided) or is not the attribute's
/// elements, exactly.
mlir::LogicalResult inlineResourceElements(mlir::Operation *root);

/// An error at `op`. Operation::emitError attaches `op`, printed after the
/// message: one with regions (a function, a loop) would be printed whole,
/// burying the message, so it gets its location alone.
mlir::InFlightDiagnostic emitErrorAt(mlir::Operation *op);

/// `name` as a C identifier: every character that is not a letter or a digit
/// becomes '_', and a leading digit gets a '_' before it. Names that differ
/// may clash afterwards; callers check.
std::string sanitizeIdentifier(llvm::StringRef name);

} // namespace usmp

#endif // USMP_DIALECT_USMP_USMPUTILS_H
