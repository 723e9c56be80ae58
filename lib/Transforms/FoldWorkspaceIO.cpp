//===- FoldWorkspaceIO.cpp - Model I/O buffers become pool allocations ----===//

#include "usmp/Analysis/BufferLiveness.h"
#include "usmp/Dialect/USMP/USMPOps.h"
#include "usmp/Dialect/USMP/USMPUtils.h"
#include "usmp/Transforms/ModelIO.h"
#include "usmp/Transforms/Passes.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/StringSet.h"

namespace usmp {
#define GEN_PASS_DEF_FOLDWORKSPACEIOPASS
#include "usmp/Transforms/Passes.h.inc"
} // namespace usmp

using namespace mlir;
using namespace usmp;

namespace {

struct FoldWorkspaceIOPass
    : public usmp::impl::FoldWorkspaceIOPassBase<FoldWorkspaceIOPass> {
  using Base::Base;
  void runOnOperation() override;
};

} // namespace

void FoldWorkspaceIOPass::runOnOperation() {
  ModuleOp module = getOperation();
  // Planning has placed every buffer; a new one would be in no pool.
  if (failed(verifyNotPlanned(module, "usmp-fold-workspace-io")))
    return signalPassFailure();
  FailureOr<func::FuncOp> entryFunc = findEntryFunction(module, entry);
  if (failed(entryFunc))
    return signalPassFailure();
  func::FuncOp function = *entryFunc;
  MLIRContext *context = &getContext();
  StringRef ioName = USMPDialect::getIOAttrName();
  StringRef selectName = USMPDialect::getWorkspaceIOAttrName();

  // The identity of every memref argument: its marker, else inferred and
  // numbered beside the markers on arguments and allocations.
  SmallVector<std::pair<unsigned, IOAttr>> arguments;
  IONumbering numbering;
  for (unsigned i = 0, e = function.getNumArguments(); i < e; ++i)
    if (auto io = function.getArgAttrOfType<IOAttr>(i, ioName))
      numbering.use(io);
  function.walk([&](Operation *op) {
    if (auto io = op->getAttrOfType<IOAttr>(ioName))
      numbering.use(io);
  });
  SmallVector<ModelIOEntry> entries;
  for (unsigned i = 0, e = function.getNumArguments(); i < e; ++i) {
    if (!isa<BaseMemRefType>(function.getArgumentTypes()[i]))
      continue;
    if (function.getArgAttr(i, USMPDialect::getPoolArgAttrName()))
      continue;
    auto io = function.getArgAttrOfType<IOAttr>(i, ioName);
    if (!io) {
      IODirection direction = isWritten(function.getArgument(i))
                                  ? IODirection::Output
                                  : IODirection::Input;
      io = numbering.next(context, direction);
    }
    arguments.push_back({i, io});
    entries.push_back({io, function.getArgument(i).getLoc()});
  }
  for (unsigned i = 0, e = function.getNumResults(); i < e; ++i)
    if (auto io = function.getResultAttrOfType<IOAttr>(i, ioName))
      entries.push_back({io, function.getLoc()});
  if (failed(verifyDistinctCNames(entries)))
    return signalPassFailure();

  auto remarkOverwrittenInput = [](BlockArgument argument, IOAttr io) {
    emitRemark(argument.getLoc())
        << "input '" << io.getName()
        << "' is overwritten by the model; its data does not survive the run";
  };

  // Which to fold.
  llvm::StringSet<> wanted;
  for (const std::string &name : names) {
    // A name given twice is most likely a typo for another.
    if (!wanted.insert(name).second) {
      emitError(function.getLoc())
          << "option 'names' ('workspace-io' of usmp-pipeline) lists '" << name
          << "' twice";
      return signalPassFailure();
    }
  }
  llvm::StringSet<> found;
  SmallVector<std::pair<unsigned, IOAttr>> chosen;
  for (auto [index, io] : arguments) {
    bool named = wanted.contains(io.getName());
    if (named)
      found.insert(io.getName());
    bool selected = function.getArgAttr(index, selectName) != nullptr;
    if (all || named || selected) {
      chosen.push_back({index, io});
      continue;
    }
    // Outside pools the input is the application's buffer, which the run
    // changes just the same.
    if (io.getDirection() == IODirection::Input &&
        isWritten(function.getArgument(index)))
      remarkOverwrittenInput(function.getArgument(index), io);
  }
  for (const std::string &name : names)
    if (!found.contains(name)) {
      // Names may be an importer's, hard to guess: list them.
      SmallVector<StringRef> known;
      for (auto [index, io] : arguments)
        known.push_back(io.getName());
      llvm::sort(known);
      InFlightDiagnostic diag =
          emitError(function.getLoc())
          << "option 'names' ('workspace-io' of usmp-pipeline) lists '" << name
          << "', which is no input or output of @" << function.getName()
          << " (known: ";
      if (known.empty())
        diag << "none";
      llvm::interleaveComma(known, diag,
                            [&](StringRef n) { diag << "'" << n << "'"; });
      diag << ")";
      return signalPassFailure();
    }
  // Arguments that stay record their identity for the C API, which has
  // none for a dynamic shape or no rank (the lowering to C rejects those).
  // (All at once: setting them one by one makes an array of every
  // argument's attributes each time.)
  SmallVector<DictionaryAttr> argAttrs;
  function.getAllArgAttrs(argAttrs);
  for (auto [index, io] : arguments)
    if (!argAttrs[index].contains(ioName) &&
        cast<BaseMemRefType>(function.getArgumentTypes()[index])
            .hasStaticShape()) {
      NamedAttrList attrs(argAttrs[index]);
      attrs.set(ioName, io);
      argAttrs[index] = attrs.getDictionary(function.getContext());
    }
  function.setAllArgAttrs(argAttrs);
  if (chosen.empty())
    return;

  if (std::optional<SymbolTable::UseRange> uses =
          SymbolTable::getSymbolUses(function, module);
      uses && !uses->empty()) {
    emitError(uses->begin()->getUser()->getLoc())
        << "entry function @" << function.getName()
        << " is called in the module; its inputs and outputs cannot move "
           "into pools";
    return signalPassFailure();
  }

  bool failedCheck = false;
  for (const auto &choice : chosen) {
    unsigned index = choice.first;
    IOAttr io = choice.second;
    BlockArgument argument = function.getArgument(index);
    auto type = dyn_cast<MemRefType>(argument.getType());
    auto fail = [&](const Twine &why) {
      emitError(argument.getLoc())
          << stringifyIODirection(io.getDirection()) << " '" << io.getName()
          << "' (argument " << index << ") cannot be placed in a pool: " << why;
      failedCheck = true;
    };
    if (!type)
      fail("it is unranked");
    else if (!type.hasStaticShape())
      fail("it has a dynamic shape");
    else if (!type.getLayout().isIdentity())
      fail("its layout is not the identity");
    else if (type.getMemorySpace())
      fail("it is in a non-default memory space");
    else if (failed(getBufferSizeInBytes(type, DataLayout::closest(function))))
      fail("its size in bytes does not fit in 63 bits");
    else if (std::optional<std::string> escape = getEscapeReason(argument))
      fail(*escape);
    else if (io.getDirection() == IODirection::Input && isWritten(argument))
      remarkOverwrittenInput(argument, io);
    else if (io.getDirection() == IODirection::Output && !isWritten(argument))
      emitRemark(argument.getLoc())
          << "output '" << io.getName()
          << "' is never written by the model; in the pool it holds whatever "
             "the pool held before the run";
  }
  if (failedCheck)
    return signalPassFailure();

  OpBuilder builder = OpBuilder::atBlockBegin(&function.getBody().front());
  llvm::BitVector erase(function.getNumArguments());
  for (auto [index, io] : chosen) {
    BlockArgument argument = function.getArgument(index);
    auto alloc = memref::AllocOp::create(builder, argument.getLoc(),
                                         cast<MemRefType>(argument.getType()));
    alloc->setAttr(ioName, io);
    argument.replaceAllUsesWith(alloc.getResult());
    erase.set(index);
  }
  if (failed(function.eraseArguments(erase))) {
    emitError(function.getLoc()) << "cannot remove the folded arguments";
    return signalPassFailure();
  }
}
