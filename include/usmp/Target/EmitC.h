//===- EmitC.h - Print a lowered model as C files ---------------*- C++ -*-===//

#ifndef USMP_TARGET_EMITC_H
#define USMP_TARGET_EMITC_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LLVM.h"

namespace usmp {

/// Writes every emitc.file of `module` (as made by convert-usmp-to-emitc) to
/// `directory`/<file id>, creating the directory. Emits an error and fails
/// when the module has no file or one cannot be written or printed.
mlir::LogicalResult emitCFiles(mlir::ModuleOp module,
                               llvm::StringRef directory);

/// Registers the `usmp-emit-c` translation, with its `--output-dir` option.
void registerUSMPEmitCTranslation();

} // namespace usmp

#endif // USMP_TARGET_EMITC_H
