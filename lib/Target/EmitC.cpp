//===- EmitC.cpp - Print a lowered model as C files -----------------------===//

#include "usmp/Target/EmitC.h"
#include "usmp/Dialect/USMP/USMPDialect.h"

#include "mlir/Dialect/EmitC/IR/EmitC.h"
#include "mlir/Target/Cpp/CppEmitter.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

LogicalResult usmp::emitCFiles(ModuleOp module, StringRef directory) {
  SmallVector<emitc::FileOp> files(module.getOps<emitc::FileOp>());
  if (files.empty())
    return emitError(module.getLoc())
           << "the module has no emitc.file to write; run "
              "convert-usmp-to-emitc first";
  if (std::error_code error = llvm::sys::fs::create_directories(directory))
    return emitError(module.getLoc()) << "cannot create directory '"
                                      << directory << "': " << error.message();
  for (emitc::FileOp file : files) {
    SmallString<128> path(directory);
    llvm::sys::path::append(path, file.getId().getValue());
    std::error_code error;
    llvm::raw_fd_ostream os(path, error, llvm::sys::fs::OF_Text);
    if (error)
      return file.emitError()
             << "cannot write '" << path << "': " << error.message();
    if (failed(emitc::translateToCpp(module, os,
                                     /*declareVariablesAtTop=*/false,
                                     file.getId())))
      return failure();
  }
  return success();
}

void usmp::registerUSMPEmitCTranslation() {
  static llvm::cl::opt<std::string> outputDir(
      "output-dir",
      llvm::cl::desc("Directory --usmp-emit-c writes the C files into"),
      llvm::cl::init("."));
  TranslateFromMLIRRegistration registration(
      "usmp-emit-c",
      "Write the header and source of a model lowered by "
      "convert-usmp-to-emitc into --output-dir",
      [](Operation *op, raw_ostream &os) -> LogicalResult {
        auto module = dyn_cast<ModuleOp>(op);
        if (!module)
          return op->emitError("expected a builtin.module");
        if (failed(emitCFiles(module, outputDir)))
          return failure();
        for (auto file : module.getOps<emitc::FileOp>())
          os << outputDir << "/" << file.getId().getValue() << "\n";
        return success();
      },
      [](DialectRegistry &registry) {
        registry.insert<emitc::EmitCDialect, usmp::USMPDialect>();
      });
}
