//===- PipelineFuzzer.cpp - libFuzzer target over the whole pipeline ------===//
//
// Treats the input as MLIR text and runs what `usmp-opt --usmp-pipeline` and
// `usmp-translate --usmp-emit-c` do on it: parse and verify, plan into pools,
// rewrite into pool views, verify the plan, lower to EmitC and print the C
// files (to memory). Errors are diagnostics, swallowed here; only crashes,
// sanitizer reports and hangs are findings.
//
//===----------------------------------------------------------------------===//

#include "usmp/InitAllUSMP.h"

#include "mlir/Dialect/EmitC/IR/EmitC.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Target/Cpp/CppEmitter.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"

#include <cstddef>
#include <cstdint>
#include <string>

using namespace mlir;

static DialectRegistry &getRegistry() {
  // The same dialects and extensions as usmp-opt, so any input usmp-opt
  // parses reaches the passes.
  static DialectRegistry *registry = [] {
    auto *r = new DialectRegistry;
    registerAllDialects(*r);
    registerAllExtensions(*r);
    usmp::registerAllUSMPDialects(*r);
    return r;
  }();
  return *registry;
}

/// Whether `text` has a resource blob whose alignment (its first four
/// bytes) is 0: upstream's parser refuses other alignments that are no power
/// of two, but allocates the blob with alignment 0 and aborts (MLIR 22),
/// before any usmp code runs.
static bool hasZeroBlobAlignment(llvm::StringRef text) {
  size_t resources = text.find("dialect_resources");
  if (resources == llvm::StringRef::npos)
    return false;
  for (size_t at = text.find("\"0x", resources); at != llvm::StringRef::npos;
       at = text.find("\"0x", at + 3)) {
    llvm::StringRef digits = text.substr(at + 3, 8);
    uint32_t alignment = 1;
    if (digits.size() == 8 && !digits.getAsInteger(16, alignment) &&
        alignment == 0)
      return true;
  }
  return false;
}

/// Whether `text` has a `dimensions` or `permutation` of linalg's custom
/// syntax that is no bracketed list of integers: upstream's parsers of
/// linalg.reduce, linalg.broadcast and linalg.transpose then crash (MLIR 22),
/// before any usmp code runs.
static bool hasMalformedLinalgDims(llvm::StringRef text) {
  static const llvm::Regex key("(dimensions|permutation)[[:space:]]*=");
  static const llvm::Regex list(
      "^(dimensions|permutation)[[:space:]]*=[[:space:]]*"
      "\\[[-0-9,[:space:]]*\\]");
  llvm::SmallVector<llvm::StringRef, 2> match;
  for (llvm::StringRef rest = text; key.match(rest, &match);) {
    rest = rest.drop_front(match[0].data() - rest.data());
    if (!list.match(rest))
      return true;
    rest = rest.drop_front(match[0].size());
  }
  return false;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::StringRef input(reinterpret_cast<const char *>(data), size);
  if (hasZeroBlobAlignment(input) || hasMalformedLinalgDims(input))
    return 0;
  MLIRContext context(getRegistry(), MLIRContext::Threading::DISABLED);
  ScopedDiagnosticHandler quiet(&context,
                                [](Diagnostic &) { return success(); });

  // MLIR's lexer relies on the null terminator a file's MemoryBuffer has,
  // and reads past a bare StringRef without it.
  std::string text(reinterpret_cast<const char *>(data), size);
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(text, &context);
  if (!module)
    return 0;

  auto pm = PassManager::on<ModuleOp>(&context);
  usmp::PipelineOptions options;
  // The fastest built-in algorithm keeps runs short; the algorithms
  // themselves are fuzzed through the readers target.
  options.algorithm = "greedy-by-size";
  usmp::buildUSMPPipeline(pm, options);
  pm.addPass(usmp::createConvertUSMPToEmitCPass());
  if (failed(pm.run(*module)))
    return 0;

  std::string printed;
  llvm::raw_string_ostream os(printed);
  for (auto file : module->getOps<emitc::FileOp>())
    (void)emitc::translateToCpp(*module, os, /*declareVariablesAtTop=*/false,
                                file.getId());
  return 0;
}
