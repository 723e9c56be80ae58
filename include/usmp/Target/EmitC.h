//===- EmitC.h - Print a lowered model as C files ---------------*- C++ -*-===//

#ifndef USMP_TARGET_EMITC_H
#define USMP_TARGET_EMITC_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LLVM.h"

namespace usmp {

/// Writes every emitc.file of `module` (as made by convert-usmp-to-emitc) to
/// `directory`/<file id>, creating the directory; a module holding modules
/// alone (one model each) has the files of each written. Emits an error and
/// fails, writing nothing, when a module has no file, a file id is not a
/// plain file name or is used twice, or a file cannot be printed. Each file
/// is written to a temporary file beside its target, and the targets are
/// replaced only when all are written (docs/CAPI.md says which files are
/// written in place instead).
mlir::LogicalResult emitCFiles(mlir::ModuleOp module,
                               llvm::StringRef directory);

/// Registers the `usmp-emit-c` translation, with its `--output-dir` option
/// (a command-line option of that name must not exist already); calls after
/// the first do nothing.
void registerUSMPEmitCTranslation();

} // namespace usmp

#endif // USMP_TARGET_EMITC_H
