//===- usmp-translate.cpp - The usmp translation driver -------------------===//
//
// mlir-translate with the upstream MLIR-to-C++ emission, where the C API
// emission of planned models lives.
//
//===----------------------------------------------------------------------===//

#include "usmp/Target/EmitC.h"
#include "usmp/Version.h"

#include "mlir/InitAllTranslations.h"
#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

int main(int argc, char **argv) {
  mlir::registerToCppTranslation();
  usmp::registerUSMPEmitCTranslation();
  llvm::cl::AddExtraVersionPrinter([](llvm::raw_ostream &os) {
    os << "usmp version " << USMP_VERSION << '\n';
  });
  return mlir::failed(
      mlir::mlirTranslateMain(argc, argv, "usmp translation driver\n"));
}
