//===- usmp-opt.cpp - The usmp optimizer driver ---------------------------===//
//
// mlir-opt with the usmp dialect and passes beside the upstream dialects,
// extensions, passes and conversions a model-compilation pipeline needs.
//
//===----------------------------------------------------------------------===//

#include "usmp/InitAllUSMP.h"
#include "usmp/Version.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  mlir::registerAllPasses();
  usmp::registerAllUSMPDialects(registry);
  usmp::registerAllUSMPPasses();

  llvm::cl::AddExtraVersionPrinter([](llvm::raw_ostream &os) {
    os << "usmp version " << USMP_VERSION << '\n';
  });
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "usmp optimizer driver\n", registry));
}
