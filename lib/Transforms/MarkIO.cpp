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

bool isIOType(Type type) { return isa<RankedTensorType, MemRefType>(type); }

constexpr StringLiteral kImporterAttrName = "tf.entry_function";

/// Comma-separated names from the `key` entry (`inputs` or `outputs`) of
/// `function`'s `tf.entry_function` dictionary `entry`, one for each of the
/// `count` inputs (outputs) in order (empty where the importer left a name
/// out), or none without that entry. Names go by position, so an entry that is
/// no string or lists another count of names than there are tensors is an error
/// (TensorFlow Lite's exporter warns and drops them).
FailureOr<SmallVector<std::string>> getImporterNames(func::FuncOp function,
                                                     DictionaryAttr entry,
                                                     StringRef key,
                                                     size_t count) {
  SmallVector<std::string> names;
  Attribute value = entry ? entry.get(key) : Attribute();
  if (!value)
    return names;
  auto list = dyn_cast<StringAttr>(value);
  if (!list)
    return emitError(function.getLoc())
           << "'" << kImporterAttrName << "' entry '" << key
           << "' must be a string of comma-separated names, got " << value;
  // An empty string names no tensor (a function without inputs).
  SmallVector<StringRef> parts;
  if (!list.getValue().empty())
    list.getValue().split(parts, ',', /*MaxSplit=*/-1, /*KeepEmpty=*/true);
  StringRef what = key.drop_back();
  if (parts.size() != count)
    return emitError(function.getLoc())
           << "'" << kImporterAttrName << "' names " << parts.size() << " "
           << what << (parts.size() == 1 ? "" : "s") << ", but @"
           << function.getName() << " has " << count
           << " (names go by position)";
  for (StringRef part : parts)
    names.push_back(part.trim().str());
  return names;
}

struct MarkIOPass : public usmp::impl::MarkIOPassBase<MarkIOPass> {
  using Base::Base;

  void runOnOperation() override {
    // State kept between runs is an interface of the model beside its
    // inputs and outputs, which usmp-lower-variables lowers; upstream's
    // conversions fail to legalize a variable's reads, and its
    // bufferization of `ml_program.global_store` stores an uninitialized
    // buffer. A nested module is a model of its own.
    ModuleOp module = getOperation();
    WalkResult stateful = module.walk<WalkOrder::PreOrder>([&](Operation *op) {
      if (isa<ModuleOp>(op) && op != module)
        return WalkResult::skip();
      StringRef name = op->getName().getStringRef();
      std::optional<Attribute> isMutable;
      if (name == "ml_program.global")
        isMutable = op->getInherentAttr("is_mutable");
      if (name != "tosa.variable" && (!isMutable || !*isMutable))
        return WalkResult::advance();
      op->emitError("a model with state must have its variables lowered "
                    "first: run usmp-lower-variables before usmp-mark-io "
                    "(usmp-from-tosa does)");
      return WalkResult::interrupt();
    });
    if (stateful.wasInterrupted())
      return signalPassFailure();
    FailureOr<func::FuncOp> entryFunc =
        findEntryFunction(getOperation(), entry);
    if (failed(entryFunc))
      return signalPassFailure();
    func::FuncOp function = *entryFunc;
    MLIRContext *context = &getContext();
    StringRef attrName = USMPDialect::getIOAttrName();

    // The C API sizes every input and output statically; an unranked one is
    // an input or output all the same, not something to skip.
    bool dynamic = false;
    auto requireStaticShape = [&](Type type, Location loc, StringRef what,
                                  unsigned index) {
      auto shaped = dyn_cast<ShapedType>(type);
      if (!isa<TensorType, BaseMemRefType>(type) || shaped.hasStaticShape())
        return;
      emitError(loc) << what << " " << index
                     << (shaped.hasRank() ? " has a dynamic shape ("
                                          : " is unranked (")
                     << type
                     << "); model inputs and outputs need static shapes";
      dynamic = true;
    };
    for (unsigned i = 0, e = function.getNumArguments(); i < e; ++i)
      requireStaticShape(function.getArgumentTypes()[i],
                         function.getArgument(i).getLoc(), "argument", i);
    for (unsigned i = 0, e = function.getNumResults(); i < e; ++i)
      requireStaticShape(function.getResultTypes()[i], function.getLoc(),
                         "result", i);
    if (dynamic)
      return signalPassFailure();

    Attribute importerAttr = function->getAttr(kImporterAttrName);
    auto importerNames = dyn_cast_or_null<DictionaryAttr>(importerAttr);
    if (importerAttr && !importerNames) {
      emitError(function.getLoc())
          << "'" << kImporterAttrName << "' must be a dictionary, got "
          << importerAttr;
      return signalPassFailure();
    }
    // Arguments are inputs, but for a memref argument the model writes (an
    // entry bufferized already): an output, as usmp-fold-workspace-io takes
    // it. Outputs are those, then the results.
    SmallVector<IODirection> argDirections;
    size_t counts[2] = {0, 0};
    for (BlockArgument argument : function.getArguments()) {
      bool output = isa<MemRefType>(argument.getType()) && isWritten(argument);
      argDirections.push_back(output ? IODirection::Output
                                     : IODirection::Input);
      counts[output] += isIOType(argument.getType());
    }
    counts[1] += llvm::count_if(function.getResultTypes(), isIOType);
    FailureOr<SmallVector<std::string>> inputNames =
        getImporterNames(function, importerNames, "inputs", counts[0]);
    FailureOr<SmallVector<std::string>> outputNames =
        getImporterNames(function, importerNames, "outputs", counts[1]);
    if (failed(inputNames) || failed(outputNames))
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
    // Markers set already keep their indices and names; the others are
    // numbered in order, named from `tf.entry_function` by position or else
    // after their index.
    IONumbering numbering;
    for (DictionaryAttr attrs :
         llvm::concat<DictionaryAttr>(argAttrs, resultAttrs))
      if (auto io = attrs.getAs<IOAttr>(attrName))
        numbering.use(io);
    SmallVector<ModelIOEntry> entries;
    const SmallVector<std::string> *names[2] = {&*inputNames, &*outputNames};
    int64_t positions[2] = {0, 0};
    auto mark = [&](ArrayRef<Type> types, SmallVectorImpl<DictionaryAttr> &all,
                    function_ref<IODirection(unsigned)> directionOf,
                    auto locOf) {
      for (auto [i, type] : llvm::enumerate(types)) {
        if (!isIOType(type))
          continue;
        IODirection direction = directionOf(i);
        bool output = direction == IODirection::Output;
        int64_t &position = positions[output];
        auto io = all[i].getAs<IOAttr>(attrName);
        if (!io) {
          StringRef name = position < (int64_t)names[output]->size()
                               ? StringRef((*names[output])[position])
                               : StringRef();
          io = numbering.next(context, direction, name);
          all[i] = withMarker(all[i], io);
        }
        ++position;
        entries.push_back({io, locOf(i)});
      }
    };
    mark(
        function.getArgumentTypes(), argAttrs,
        [&](unsigned i) { return argDirections[i]; },
        [&](unsigned i) { return function.getArgument(i).getLoc(); });
    mark(
        function.getResultTypes(), resultAttrs,
        [](unsigned) { return IODirection::Output; },
        [&](unsigned) { return function.getLoc(); });
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
