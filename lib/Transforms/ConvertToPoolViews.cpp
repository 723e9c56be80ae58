//===- ConvertToPoolViews.cpp - Planned buffers become views of pools -----===//

#include "usmp/Analysis/BufferLiveness.h"
#include "usmp/Dialect/USMP/USMPOps.h"
#include "usmp/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Builders.h"
#include "mlir/Interfaces/ViewLikeInterface.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringMap.h"

namespace usmp {
#define GEN_PASS_DEF_CONVERTTOPOOLVIEWSPASS
#include "usmp/Transforms/Passes.h.inc"
} // namespace usmp

using namespace mlir;
using namespace usmp;

namespace {

struct ConvertToPoolViewsPass
    : public usmp::impl::ConvertToPoolViewsPassBase<ConvertToPoolViewsPass> {
  void runOnOperation() override;
};

} // namespace

void ConvertToPoolViewsPass::runOnOperation() {
  ModuleOp module = getOperation();
  if (failed(verifyNoNestedSymbolTables(module)))
    return signalPassFailure();
  MLIRContext *context = &getContext();
  SymbolTableCollection symbols;

  SmallVector<PoolOp> pools(module.getOps<PoolOp>());
  llvm::StringMap<unsigned> poolIndex;
  for (auto [index, pool] : llvm::enumerate(pools))
    poolIndex[pool.getSymName()] = index;

  auto placementOf = [](Operation *op) {
    return op->getAttrOfType<PlacementAttr>(
        USMPDialect::getPlacementAttrName());
  };
  auto placedGlobal = [&](memref::GetGlobalOp getGlobal) -> memref::GlobalOp {
    auto global = symbols.lookupNearestSymbolFrom<memref::GlobalOp>(
        getGlobal, getGlobal.getNameAttr());
    return global && placementOf(global) ? global : nullptr;
  };

  // The pools each function uses directly, by module order.
  SmallVector<func::FuncOp> functions;
  DenseMap<Operation *, llvm::SmallSetVector<unsigned, 4>> used;
  bool missingSize = false;
  for (auto function : module.getOps<func::FuncOp>()) {
    if (function.isExternal())
      continue;
    functions.push_back(function);
    auto &direct = used[function];
    function.walk([&](Operation *op) {
      PlacementAttr placement;
      if (auto getGlobal = dyn_cast<memref::GetGlobalOp>(op)) {
        if (memref::GlobalOp global = placedGlobal(getGlobal))
          placement = placementOf(global);
      } else if (isa<memref::AllocOp, memref::AllocaOp>(op)) {
        placement = placementOf(op);
      }
      if (!placement)
        return;
      unsigned index = poolIndex.lookup(placement.getPool().getValue());
      if (!pools[index].getPlannedSizeAttr() && !missingSize) {
        op->emitError() << "pool " << placement.getPool()
                        << " has no planned size; run usmp-plan-buffers first";
        missingSize = true;
      }
      direct.insert(index);
    });
  }
  if (missingSize)
    return signalPassFailure();

  // Callers need their callees' pools too: propagate to a fixed point.
  DenseMap<Operation *, SmallVector<func::CallOp>> calls;
  for (func::FuncOp function : functions)
    function.walk([&](func::CallOp call) {
      auto callee = symbols.lookupNearestSymbolFrom<func::FuncOp>(
          call, call.getCalleeAttr());
      if (callee && !callee.isExternal())
        calls[function].push_back(call);
    });
  // Callees first, so one round settles every call tree (recursion, which
  // the liveness analysis refuses, may take more).
  SmallVector<func::FuncOp> calleesFirst;
  DenseSet<Operation *> seen;
  for (func::FuncOp root : functions) {
    if (!seen.insert(root).second)
      continue;
    SmallVector<std::pair<func::FuncOp, unsigned>> stack = {{root, 0}};
    while (!stack.empty()) {
      auto [function, next] = stack.back();
      auto it = calls.find(function);
      if (it != calls.end() && next < it->second.size()) {
        ++stack.back().second;
        func::CallOp call = it->second[next];
        auto callee = cast<func::FuncOp>(
            symbols.lookupNearestSymbolFrom(call, call.getCalleeAttr()));
        if (seen.insert(callee).second)
          stack.push_back({callee, 0});
        continue;
      }
      calleesFirst.push_back(function);
      stack.pop_back();
    }
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (func::FuncOp function : calleesFirst)
      for (func::CallOp call : calls[function]) {
        Operation *callee =
            symbols.lookupNearestSymbolFrom(call, call.getCalleeAttr());
        for (unsigned index : used[callee])
          changed |= used[function].insert(index);
      }
  }

  // Append the pool arguments in module order.
  Builder builder(context);
  DenseMap<Operation *, SmallVector<std::pair<unsigned, Value>>> poolArgs;
  for (func::FuncOp function : functions) {
    SmallVector<unsigned> indices(used[function].begin(), used[function].end());
    llvm::sort(indices);
    for (unsigned index : indices) {
      PoolOp pool = pools[index];
      auto type = MemRefType::get({pool.getPlannedSizeAttr().getInt()},
                                  builder.getI8Type());
      unsigned position = function.getNumArguments();
      DictionaryAttr attrs = builder.getDictionaryAttr(
          builder.getNamedAttr(USMPDialect::getPoolArgAttrName(),
                               FlatSymbolRefAttr::get(pool.getSymNameAttr())));
      if (failed(
              function.insertArgument(position, type, attrs, pool.getLoc()))) {
        emitError(function.getLoc())
            << "cannot add the argument of pool @" << pool.getSymName();
        return signalPassFailure();
      }
      poolArgs[function].push_back({index, function.getArgument(position)});
    }
  }
  // A function value's type would lack the pool arguments.
  for (func::FuncOp function : functions) {
    WalkResult walk = function.walk([&](func::ConstantOp constant) {
      Operation *callee =
          symbols.lookupNearestSymbolFrom(constant, constant.getValueAttr());
      if (!poolArgs.count(callee))
        return WalkResult::advance();
      constant.emitError()
          << "cannot take a function value of " << constant.getValueAttr()
          << ": it takes pool arguments, which the value's type lacks; call "
             "it directly";
      return WalkResult::interrupt();
    });
    if (walk.wasInterrupted())
      return signalPassFailure();
  }
  auto poolArgument = [&](Operation *op, StringRef pool) -> Value {
    auto function = op->getParentOfType<func::FuncOp>();
    unsigned index = poolIndex.lookup(pool);
    for (auto [candidate, value] : poolArgs[function])
      if (candidate == index)
        return value;
    return nullptr;
  };

  // Rewrite: allocations and constant reads become views, calls pass pools.
  for (func::FuncOp function : functions) {
    SmallVector<Operation *> worklist;
    function.walk([&](Operation *op) {
      if (isa<memref::AllocOp, memref::AllocaOp, memref::GetGlobalOp,
              func::CallOp>(op))
        worklist.push_back(op);
    });
    for (Operation *op : worklist) {
      OpBuilder rewriter(op);
      if (auto call = dyn_cast<func::CallOp>(op)) {
        Operation *callee =
            symbols.lookupNearestSymbolFrom(call, call.getCalleeAttr());
        auto it = poolArgs.find(callee);
        if (it == poolArgs.end())
          continue;
        SmallVector<Value> operands(call.getOperands());
        for (auto [index, value] : it->second)
          operands.push_back(poolArgument(call, pools[index].getSymName()));
        call->setOperands(operands);
        continue;
      }
      PlacementAttr placement;
      if (auto getGlobal = dyn_cast<memref::GetGlobalOp>(op)) {
        if (memref::GlobalOp global = placedGlobal(getGlobal))
          placement = placementOf(global);
      } else {
        placement = placementOf(op);
      }
      if (!placement)
        continue;
      Value pool = poolArgument(op, placement.getPool().getValue());
      auto type = cast<MemRefType>(op->getResult(0).getType());
      Value offset = arith::ConstantIndexOp::create(rewriter, op->getLoc(),
                                                    placement.getOffset());
      Value view = memref::ViewOp::create(rewriter, op->getLoc(), type, pool,
                                          offset, ValueRange());
      // Keep where the buffer went and which model tensor it is.
      if (!isa<memref::GetGlobalOp>(op)) {
        view.getDefiningOp()->setAttr(USMPDialect::getPlacementAttrName(),
                                      placement);
        if (Attribute io = op->getAttr(USMPDialect::getIOAttrName()))
          view.getDefiningOp()->setAttr(USMPDialect::getIOAttrName(), io);
      }
      // Liveness planned the buffer only if its own function frees nothing
      // but it and its views.
      SmallVector<Value> views{op->getResult(0)};
      while (!views.empty())
        for (Operation *user :
             llvm::make_early_inc_range(views.pop_back_val().getUsers())) {
          if (isa<memref::DeallocOp>(user))
            user->erase();
          else if (isa<ViewLikeOpInterface>(user))
            llvm::append_range(views, user->getResults());
        }
      op->getResult(0).replaceAllUsesWith(view);
      op->erase();
    }
  }
}
