//===- MarkIO.cpp - Name the entry function's inputs and outputs ----------===//

#include "usmp/Analysis/BufferLiveness.h"
#include "usmp/Dialect/USMP/USMPOps.h"
#include "usmp/Transforms/ModelIO.h"
#include "usmp/Transforms/Passes.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/StringExtras.h"

namespace usmp {
#define GEN_PASS_DEF_MARKIOPASS
#include "usmp/Transforms/Passes.h.inc"
} // namespace usmp

using namespace mlir;
using namespace usmp;

namespace {

/// Comma-separated names from `tf.entry_function`'s `key` entry, one per
/// position (empty where the importer left a name out).
SmallVector<std::string> getImporterNames(func::FuncOp function,
                                          StringRef key) {
  SmallVector<std::string> names;
  auto entry = function->getAttrOfType<DictionaryAttr>("tf.entry_function");
  if (!entry)
    return names;
  auto list = entry.getAs<StringAttr>(key);
  if (!list)
    return names;
  SmallVector<StringRef> parts;
  list.getValue().split(parts, ',', /*MaxSplit=*/-1, /*KeepEmpty=*/true);
  for (StringRef part : parts)
    names.push_back(part.trim().str());
  return names;
}

bool isIOType(Type type) { return isa<RankedTensorType, MemRefType>(type); }

struct MarkIOPass : public usmp::impl::MarkIOPassBase<MarkIOPass> {
  using Base::Base;

  void runOnOperation() override {
    FailureOr<func::FuncOp> entryFunc =
        findEntryFunction(getOperation(), entry);
    if (failed(entryFunc))
      return signalPassFailure();
    func::FuncOp function = *entryFunc;
    MLIRContext *context = &getContext();
    StringRef attrName = USMPDialect::getIOAttrName();
    SmallVector<std::string> inputNames = getImporterNames(function, "inputs");
    SmallVector<std::string> outputNames =
        getImporterNames(function, "outputs");

    // The C API sizes every input and output statically.
    bool dynamic = false;
    auto requireStaticShape = [&](Type type, Location loc, StringRef what,
                                  unsigned index) {
      if (cast<ShapedType>(type).hasStaticShape())
        return;
      emitError(loc) << what << " " << index << " has a dynamic shape (" << type
                     << "); model inputs and outputs need static shapes";
      dynamic = true;
    };
    for (unsigned i = 0, e = function.getNumArguments(); i < e; ++i)
      if (isIOType(function.getArgumentTypes()[i]))
        requireStaticShape(function.getArgumentTypes()[i],
                           function.getArgument(i).getLoc(), "argument", i);
    for (unsigned i = 0, e = function.getNumResults(); i < e; ++i)
      if (isIOType(function.getResultTypes()[i]))
        requireStaticShape(function.getResultTypes()[i], function.getLoc(),
                           "result", i);
    if (dynamic)
      return signalPassFailure();

    // Markers are set all at once: one by one would make an array of every
    // argument's attributes each time.
    auto withMarker = [&](DictionaryAttr dict, IOAttr io) {
      NamedAttrList attrs(dict);
      attrs.set(attrName, io);
      return attrs.getDictionary(context);
    };
    SmallVector<DictionaryAttr> argAttrs, resultAttrs;
    function.getAllArgAttrs(argAttrs);
    function.getAllResultAttrs(resultAttrs);
    SmallVector<ModelIOEntry> entries;
    int64_t inputIndex = 0;
    for (unsigned i = 0, e = function.getNumArguments(); i < e; ++i) {
      if (!isIOType(function.getArgumentTypes()[i]))
        continue;
      auto io = argAttrs[i].getAs<IOAttr>(attrName);
      if (!io) {
        std::string name = inputIndex < (int64_t)inputNames.size()
                               ? inputNames[inputIndex]
                               : "";
        if (name.empty())
          name = "input" + std::to_string(inputIndex);
        io = IOAttr::get(context, IODirection::Input, name, inputIndex);
        argAttrs[i] = withMarker(argAttrs[i], io);
      }
      ++inputIndex;
      entries.push_back({io, function.getArgument(i).getLoc()});
    }
    int64_t outputIndex = 0;
    for (unsigned i = 0, e = function.getNumResults(); i < e; ++i) {
      if (!isIOType(function.getResultTypes()[i]))
        continue;
      auto io = resultAttrs[i].getAs<IOAttr>(attrName);
      if (!io) {
        std::string name = outputIndex < (int64_t)outputNames.size()
                               ? outputNames[outputIndex]
                               : "";
        if (name.empty())
          name = "output" + std::to_string(outputIndex);
        io = IOAttr::get(context, IODirection::Output, name, outputIndex);
        resultAttrs[i] = withMarker(resultAttrs[i], io);
      }
      ++outputIndex;
      entries.push_back({io, function.getLoc()});
    }
    function.setAllArgAttrs(argAttrs);
    function.setAllResultAttrs(resultAttrs);
    if (failed(verifyDistinctCNames(entries)))
      return signalPassFailure();

    // Each output becomes an out-parameter of its own, which
    // buffer-results-to-out-params cannot fill twice from one buffer (it
    // crashes on that).
    WalkResult walk = function.walk([&](func::ReturnOp ret) {
      DenseMap<Value, unsigned> firstResult;
      for (auto [index, operand] : llvm::enumerate(ret.getOperands())) {
        if (!isIOType(operand.getType()))
          continue;
        auto [it, inserted] = firstResult.try_emplace(operand, index);
        if (inserted)
          continue;
        auto name = [&](unsigned result) {
          auto io = function.getResultAttrOfType<IOAttr>(result, attrName);
          return io ? io.getName().str() : std::to_string(result);
        };
        ret.emitError() << "outputs '" << name(it->second) << "' and '"
                        << name(index)
                        << "' are the same value; the C API gives each output "
                           "a buffer of its own, so compute each separately";
        return WalkResult::interrupt();
      }
      return WalkResult::advance();
    });
    if (walk.wasInterrupted())
      return signalPassFailure();
  }
};

} // namespace
