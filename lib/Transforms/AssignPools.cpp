//===- AssignPools.cpp - Give every buffer its candidate pools ------------===//

#include "usmp/Analysis/BufferLiveness.h"
#include "usmp/Dialect/USMP/USMPOps.h"
#include "usmp/Dialect/USMP/USMPUtils.h"
#include "usmp/Transforms/Passes.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

#include <limits>

namespace usmp {
#define GEN_PASS_DEF_ASSIGNPOOLSPASS
#include "usmp/Transforms/Passes.h.inc"
} // namespace usmp

using namespace mlir;
using namespace usmp;

namespace {

/// Parses one `pools` option entry into a pool op at the end of the module's
/// pool declarations, located at `entryLoc` under its name (diagnostics
/// about it then point into the model, not at the module's first line).
LogicalResult declarePool(ModuleOp module, OpBuilder &builder, StringRef spec,
                          uint64_t defaultAlignment, Location entryLoc,
                          llvm::StringSet<> &declared) {
  Location loc = module.getLoc();
  auto fail = [&](const Twine &message) {
    return emitError(loc) << "invalid pool '" << spec
                          << "' in option 'pools': " << message;
  };
  SmallVector<StringRef> fields;
  spec.split(fields, ':');
  StringRef name = fields.front().trim();
  if (name.empty())
    return fail("the pool needs a name");
  // As in every option naming a symbol (`entry`, `internal-pools`).
  if (name.starts_with("@"))
    return fail("pool names are given without '@'");
  if (declared.contains(name))
    return fail("the option lists @" + name + " twice");
  if (module.lookupSymbol(name))
    return fail("the module already has a symbol @" + name);
  declared.insert(name);

  MLIRContext *context = module.getContext();
  PoolKind kind = PoolKind::Workspace;
  IntegerAttr sizeHint;
  int64_t alignment = defaultAlignment;
  ArrayAttr targets;
  bool internal = false;
  llvm::StringSet<> seen;
  for (StringRef field : ArrayRef(fields).drop_front()) {
    auto [key, value] = field.split('=');
    key = key.trim();
    value = value.trim();
    if (!seen.insert(key).second)
      return fail("'" + key + "' is given twice");
    if (key == "internal") {
      if (field.contains('='))
        return fail("'internal' takes no value, got '" + value + "'");
      internal = true;
    } else if (key == "size_hint" || key == "alignment") {
      uint64_t number = 0;
      if (value.empty() || !llvm::all_of(value, llvm::isDigit))
        return fail("'" + key + "' needs a non-negative integer, got '" +
                    value + "'");
      // Pools keep both in signed 64-bit attributes.
      bool tooLarge = value.getAsInteger(10, number) ||
                      number > uint64_t(std::numeric_limits<int64_t>::max());
      if (key == "alignment" && (tooLarge || !llvm::isPowerOf2_64(number) ||
                                 number > (uint64_t(1) << 62)))
        return fail("'alignment' needs a power of two up to 2^62, got '" +
                    value + "'");
      if (tooLarge)
        return fail("'size_hint' is at most 2^63 - 1, got '" + value + "'");
      if (key == "size_hint")
        sizeHint = builder.getI64IntegerAttr(number);
      else
        alignment = number;
    } else if (key == "kind") {
      std::optional<PoolKind> parsed = symbolizePoolKind(value);
      if (!parsed)
        return fail("'kind' is 'workspace' or 'constant', got '" + value + "'");
      kind = *parsed;
    } else if (key == "targets") {
      SmallVector<Attribute> entries;
      SmallVector<StringRef> items;
      llvm::StringSet<> targetNames;
      value.split(items, '+', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
      for (StringRef item : items) {
        auto [target, accessName] = item.rsplit('.');
        std::optional<Access> access = symbolizeAccess(accessName);
        if (target.empty() || !access)
          return fail("a target is 'name.rw' or 'name.ro', got '" + item + "'");
        if (!targetNames.insert(target).second)
          return fail("target '" + target + "' is listed twice");
        entries.push_back(TargetAccessAttr::get(context, target, *access));
      }
      targets = builder.getArrayAttr(entries);
    } else {
      return fail("unknown key '" + key +
                  "' (known: size_hint, alignment, kind, targets, internal)");
    }
  }
  auto pool = PoolOp::create(
      builder, NameLoc::get(builder.getStringAttr(name), entryLoc),
      builder.getStringAttr(name), PoolKindAttr::get(context, kind), sizeHint,
      builder.getI64IntegerAttr(alignment), targets,
      /*perf=*/nullptr, /*planned_size=*/nullptr,
      internal ? builder.getUnitAttr() : nullptr);
  return pool.verify();
}

struct AssignPoolsPass
    : public usmp::impl::AssignPoolsPassBase<AssignPoolsPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    // A pool declared now would never be a candidate.
    if (failed(verifyNotPlanned(module, "usmp-assign-pools")))
      return signalPassFailure();
    FailureOr<func::FuncOp> entryFunc = findEntryFunction(module, entry);
    if (failed(entryFunc))
      return signalPassFailure();
    if (failed(verifyAlignmentOption(module, alignment)))
      return signalPassFailure();
    // Pools list target names, never an empty one.
    if (target.empty()) {
      emitError(module.getLoc())
          << "option 'target' needs a target name (the default is 'c')";
      return signalPassFailure();
    }

    // New pools go after the existing ones, so declared pools stay preferred.
    OpBuilder builder(module.getBodyRegion());
    auto existing = module.getOps<PoolOp>();
    if (!existing.empty()) {
      PoolOp last;
      for (PoolOp pool : existing)
        last = pool;
      builder.setInsertionPointAfter(last);
    } else {
      builder.setInsertionPointToStart(module.getBody());
    }
    llvm::StringSet<> declared;
    for (const std::string &spec : pools)
      if (failed(declarePool(module, builder, spec, alignment,
                             entryFunc->getLoc(), declared)))
        return signalPassFailure();

    SmallVector<PoolOp> workspace, constant;
    bool anyWorkspace = false;
    for (PoolOp pool : module.getOps<PoolOp>()) {
      bool isWorkspace = pool.getKind() == PoolKind::Workspace;
      anyWorkspace |= isWorkspace;
      if (isWorkspace && pool.allowsAccess(target, Access::ReadWrite))
        workspace.push_back(pool);
      if (!isWorkspace && pool.allowsAccess(target, Access::ReadOnly))
        constant.push_back(pool);
    }
    if (!anyWorkspace) {
      if (Operation *taken = module.lookupSymbol("global_workspace")) {
        taken->emitError()
            << "cannot create the default pool @global_workspace: this '"
            << taken->getName()
            << "' has the name; rename it, or declare the pools (option "
               "'pools')";
        return signalPassFailure();
      }
      StringAttr name = builder.getStringAttr("global_workspace");
      auto pool = PoolOp::create(
          builder, NameLoc::get(name, entryFunc->getLoc()), name,
          PoolKindAttr::get(&getContext(), PoolKind::Workspace),
          /*size_hint=*/nullptr, builder.getI64IntegerAttr(alignment),
          /*targets=*/nullptr, /*perf=*/nullptr, /*planned_size=*/nullptr,
          // As TVM's: the application declared no memory, so the
          // generated code owns it (use case U1).
          /*internal=*/builder.getUnitAttr());
      if (failed(pool.verify()))
        return signalPassFailure();
      workspace.push_back(pool);
    }

    // The pools aligned as much as a buffer needs (offsets count from their
    // bases), in order; all of them when none is, so that planning names
    // the shortfall.
    DataLayout layout = DataLayout::closest(module);
    auto candidates = [&](ArrayRef<PoolOp> pools, Operation *op,
                          MemRefType type) {
      uint64_t required = getRequiredAlignment(op, type, layout);
      SmallVector<Attribute> aligned, all;
      for (PoolOp pool : pools) {
        auto symbol = FlatSymbolRefAttr::get(pool.getSymNameAttr());
        all.push_back(symbol);
        if (static_cast<uint64_t>(pool.getAlignment()) >= required)
          aligned.push_back(symbol);
      }
      return builder.getArrayAttr(aligned.empty() ? all : aligned);
    };
    SymbolTableCollection symbols;
    llvm::SetVector<memref::GlobalOp> constants;
    auto collectFunctions = [&](func::FuncOp root) {
      llvm::SetVector<func::FuncOp> reached;
      reached.insert(root);
      for (unsigned i = 0; i < reached.size(); ++i)
        func::FuncOp(reached[i]).walk([&](func::CallOp call) {
          auto callee = symbols.lookupNearestSymbolFrom<func::FuncOp>(
              call, call.getCalleeAttr());
          if (callee && !callee.isExternal())
            reached.insert(callee);
        });
      return reached;
    };
    // Candidates given already must be pools the target may use so: it
    // writes buffers and reads constants.
    auto checkGivenCandidates = [&](Operation *op, Access access) {
      auto given =
          op->getAttrOfType<ArrayAttr>(USMPDialect::getPoolsAttrName());
      for (auto symbol : given.getAsRange<FlatSymbolRefAttr>()) {
        auto pool = symbols.lookupNearestSymbolFrom<PoolOp>(op, symbol);
        if (pool && !pool.allowsAccess(target, access)) {
          InFlightDiagnostic error = op->emitError();
          error << "candidate pool " << symbol << " is not "
                << (access == Access::ReadWrite ? "writable" : "readable")
                << " by target '" << target << "'";
          error.attachNote(pool.getLoc()) << "pool declared here";
          return failure();
        }
      }
      return success();
    };
    // Per kind (workspace buffers, constants): how many had candidates
    // before this run, and how many got some from it.
    enum { kBuffers, kConstants };
    unsigned hadCandidates[2] = {0, 0}, gotCandidates[2] = {0, 0};
    WalkResult result = WalkResult::advance();
    for (func::FuncOp function : collectFunctions(*entryFunc)) {
      result = function.walk([&](Operation *op) {
        if (auto getGlobal = dyn_cast<memref::GetGlobalOp>(op)) {
          auto global = symbols.lookupNearestSymbolFrom<memref::GlobalOp>(
              op, getGlobal.getNameAttr());
          // Only constants with data: a constant pool holds it.
          if (global && global.getConstant() && !global.isExternal() &&
              !global.isUninitialized() && global.getType().hasStaticShape())
            constants.insert(global);
          return WalkResult::advance();
        }
        if (!isa<memref::AllocOp, memref::AllocaOp>(op))
          return WalkResult::advance();
        if (op->hasAttr(USMPDialect::getPoolsAttrName())) {
          ++hadCandidates[kBuffers];
          return failed(checkGivenCandidates(op, Access::ReadWrite))
                     ? WalkResult::interrupt()
                     : WalkResult::advance();
        }
        // Buffers the planner cannot size stay unmarked; planning says why.
        auto type = cast<MemRefType>(op->getResult(0).getType());
        if (failed(getBufferSizeInBytes(type, DataLayout::closest(op))))
          return WalkResult::advance();
        if (workspace.empty()) {
          InFlightDiagnostic error =
              op->emitError() << "no workspace pool is writable by target '"
                              << target << "' (the 'target' option)";
          // Each lists targets: a pool without the list allows every one.
          for (PoolOp pool : module.getOps<PoolOp>())
            if (pool.getKind() == PoolKind::Workspace) {
              Diagnostic &note = error.attachNote(pool.getLoc());
              note << "pool @" << pool.getSymName() << " has targets(";
              llvm::interleaveComma(
                  pool.getTargetsAttr().getAsRange<TargetAccessAttr>(), note,
                  [&](TargetAccessAttr entry) {
                    note << "\"" << entry.getTarget()
                         << "\": " << stringifyAccess(entry.getAccess());
                  });
              note << ")";
            }
          return WalkResult::interrupt();
        }
        op->setAttr(USMPDialect::getPoolsAttrName(),
                    candidates(workspace, op, type));
        ++gotCandidates[kBuffers];
        return WalkResult::advance();
      });
      if (result.wasInterrupted())
        return signalPassFailure();
    }
    bool warned = false;
    for (memref::GlobalOp global : constants) {
      if (global->hasAttr(USMPDialect::getPoolsAttrName())) {
        ++hadCandidates[kConstants];
        if (failed(checkGivenCandidates(global, Access::ReadOnly)))
          return signalPassFailure();
      } else if (!constant.empty()) {
        global->setAttr(USMPDialect::getPoolsAttrName(),
                        candidates(constant, global, global.getType()));
        ++gotCandidates[kConstants];
      } else if (!warned) {
        // Constant pools the target cannot read leave the constants where
        // they are: say so once, as the module asked for a pool.
        warned = true;
        for (PoolOp pool : module.getOps<PoolOp>())
          if (pool.getKind() == PoolKind::Constant)
            emitWarning(pool.getLoc())
                << "constant pool @" << pool.getSymName()
                << " is not readable by target '" << target
                << "' (the 'target' option): the model's constants stay "
                   "globals";
      }
    }
    // A pool this run declares, where everything of its kind had its
    // candidates already, is nobody's candidate: most likely the pools were
    // meant for an earlier run (usmp-assign-pools, then usmp-pipeline with
    // 'pools').
    for (PoolOp pool : module.getOps<PoolOp>()) {
      int kind = pool.getKind() == PoolKind::Workspace ? kBuffers : kConstants;
      if (!declared.contains(pool.getSymName()) || gotCandidates[kind] ||
          !hadCandidates[kind])
        continue;
      emitError(pool.getLoc())
          << "pool @" << pool.getSymName() << " is nobody's candidate: every "
          << (kind == kBuffers ? "buffer" : "constant")
          << " this pass gives pools to has its candidate pools already "
             "(usmp.pools, from an earlier usmp-assign-pools or written by "
             "hand); declare every pool in one usmp-assign-pools";
      return signalPassFailure();
    }
  }
};

} // namespace
