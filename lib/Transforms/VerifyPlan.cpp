//===- VerifyPlan.cpp - Re-check a planned module -------------------------===//
//
// Deliberately independent of the planner core: it looks only at the views
// of pool arguments and the placed allocations in the IR and at their
// liveness.
//
//===----------------------------------------------------------------------===//

#include "usmp/Analysis/BufferLiveness.h"
#include "usmp/Dialect/USMP/USMPOps.h"
#include "usmp/Dialect/USMP/USMPUtils.h"
#include "usmp/Transforms/Passes.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Matchers.h"

#include <map>
#include <queue>

namespace usmp {
#define GEN_PASS_DEF_VERIFYPLANPASS
#include "usmp/Transforms/Passes.h.inc"
} // namespace usmp

using namespace mlir;
using namespace usmp;

namespace {

struct VerifyPlanPass : public usmp::impl::VerifyPlanPassBase<VerifyPlanPass> {
  using Base::Base;
  void runOnOperation() override;
};

/// A checked view or placed allocation: its pool and byte range.
struct ViewRange {
  Operation *op;
  FlatSymbolRefAttr pool;
  uint64_t begin;
  uint64_t end;
};

} // namespace

void VerifyPlanPass::runOnOperation() {
  ModuleOp module = getOperation();
  FailureOr<func::FuncOp> entryFunc = findEntryFunction(module, entry);
  if (failed(entryFunc) || failed(verifyDisjointConstants(module)))
    return signalPassFailure();

  SymbolTable symbols(module);
  auto poolOf = [&](memref::ViewOp view) -> PoolOp {
    FlatSymbolRefAttr name = getPoolOfArgument(view.getSource());
    return name ? symbols.lookup<PoolOp>(name.getAttr()) : nullptr;
  };
  // An allocation placed by usmp-plan-buffers but not yet a view (the
  // dialect has checked its placement's alignment and bounds).
  auto placementOf = [](Operation *op) -> PlacementAttr {
    return isa<memref::AllocOp, memref::AllocaOp>(op)
               ? op->getAttrOfType<PlacementAttr>(
                     USMPDialect::getPlacementAttrName())
               : nullptr;
  };
  // Constants hold their bytes for the whole run (verifyDisjointConstants
  // checked them), so only workspace buffers need liveness; which also lets
  // a constant be passed to a function without a body.
  auto isWorkspaceBuffer = [&](Operation *op) {
    PoolOp pool;
    if (auto view = dyn_cast<memref::ViewOp>(op))
      pool = poolOf(view);
    else if (PlacementAttr placement = placementOf(op))
      pool = symbols.lookup<PoolOp>(placement.getPool().getAttr());
    return pool && pool.getKind() == PoolKind::Workspace;
  };
  FailureOr<BufferLiveness> liveness = BufferLiveness::compute(
      *entryFunc, /*defaultAlignment=*/1, isWorkspaceBuffer);
  if (failed(liveness))
    return signalPassFailure();

  bool failedCheck = false;
  for (const UnplannedBuffer &unplanned : liveness->getUnplanned()) {
    unplanned.op->emitError()
        << "cannot verify this "
        << (isa<memref::ViewOp>(unplanned.op) ? "view of a pool"
                                              : "placed buffer")
        << ": " << unplanned.reason;
    failedCheck = true;
  }

  // A pool's bytes are checked through its views alone: any other use of a
  // pool argument (a subview, a write of the whole pool, a call passing it
  // to a parameter that is no pool) reaches bytes no check sees.
  // (The module's own functions: a nested module is a model of its own.)
  // Uses are reported in the order they appear (a use list runs backwards).
  for (auto function : module.getOps<func::FuncOp>()) {
    if (function.isExternal())
      continue;
    function.walk([&](Operation *user) {
      for (OpOperand &use : user->getOpOperands()) {
        auto argument = dyn_cast<BlockArgument>(use.get());
        if (!argument || argument.getOwner()->getParentOp() != function)
          continue;
        FlatSymbolRefAttr pool = getPoolOfArgument(argument);
        if (!pool)
          continue;
        if (auto view = dyn_cast<memref::ViewOp>(user);
            view && view.getSource() == argument)
          continue;
        if (auto call = dyn_cast<func::CallOp>(user)) {
          auto callee = symbols.lookup<func::FuncOp>(call.getCallee());
          unsigned index = use.getOperandNumber();
          bool marked =
              callee && callee.getArgAttrOfType<FlatSymbolRefAttr>(
                            index, USMPDialect::getPoolArgAttrName()) == pool;
          if (marked && !callee.isExternal())
            continue;
          InFlightDiagnostic diag = call.emitError()
                                    << "cannot verify pool " << pool << " in @"
                                    << call.getCallee() << ": ";
          if (marked)
            diag << "it has no body here";
          else
            diag << "its parameter " << index
                 << " is not marked usmp.pool = " << pool;
          failedCheck = true;
          continue;
        }
        user->emitError() << "cannot verify this use of pool " << pool
                          << ": only views of a pool and calls passing it on "
                             "are checked";
        failedCheck = true;
      }
    });
  }

  // Every view of a pool: a constant offset that its placement names,
  // aligned to the pool, ending inside it.
  DenseMap<Operation *, ViewRange> ranges;
  DataLayout layout = DataLayout::closest(module);
  module.walk([&](memref::ViewOp view) {
    PoolOp pool = poolOf(view);
    if (!pool)
      return;
    FlatSymbolRefAttr poolName = getPoolOfArgument(view.getSource());
    APInt offsetValue;
    if (!matchPattern(view.getByteShift(), m_ConstantInt(&offsetValue))) {
      view.emitError() << "view of pool " << poolName
                       << " is at a non-constant offset";
      failedCheck = true;
      return;
    }
    FailureOr<uint64_t> size = getBufferSizeInBytes(view.getType(), layout);
    if (failed(size)) {
      view.emitError() << "cannot size this view of pool " << poolName;
      failedCheck = true;
      return;
    }
    if (failed(verifyViewPlacement(view))) {
      failedCheck = true;
      return;
    }
    int64_t offset = offsetValue.getSExtValue();
    int64_t alignment = pool.getAlignmentAttr().getInt();
    int64_t poolBytes =
        cast<MemRefType>(view.getSource().getType()).getDimSize(0);
    uint64_t end = static_cast<uint64_t>(offset) + *size;
    if (offset < 0) {
      view.emitError() << "view of pool " << poolName << " at offset " << offset
                       << " starts before the pool";
      failedCheck = true;
    } else if (offset % alignment != 0) {
      view.emitError() << "view of pool " << poolName << " at offset " << offset
                       << " is not aligned to " << alignment;
      failedCheck = true;
    } else if (end > static_cast<uint64_t>(poolBytes) || end < *size) {
      view.emitError() << "view of pool " << poolName << " at offset " << offset
                       << " of " << *size << " bytes ends past the pool's "
                       << poolBytes << " bytes";
      failedCheck = true;
    }
    ranges[view] = {view, poolName, static_cast<uint64_t>(offset), end};
  });
  module.walk([&](Operation *op) {
    if (PlacementAttr placement = placementOf(op)) {
      auto begin = static_cast<uint64_t>(placement.getOffset());
      ranges[op] = {
          op, placement.getPool(), begin,
          begin + *getBufferSizeInBytes(
                      cast<MemRefType>(op->getResult(0).getType()), layout)};
    }
  });
  if (failedCheck)
    return signalPassFailure();

  // Sweep every live instance in start order; views of the same pool that
  // are live together must not share a byte. Each pool keeps its active
  // views by offset (disjoint, else the sweep stops), retired through a heap
  // of their ends: O(n log n).
  struct Event {
    LiveInterval live;
    const ViewRange *range;
  };
  SmallVector<Event> events;
  for (const PlannableBuffer &buffer : liveness->getBuffers())
    for (const LiveInterval &live : buffer.live)
      events.push_back({live, &ranges[buffer.op]});
  llvm::sort(events, [](const Event &a, const Event &b) {
    return std::make_tuple(a.live.start, a.live.end, a.range->begin) <
           std::make_tuple(b.live.start, b.live.end, b.range->begin);
  });
  DenseMap<Attribute, std::map<uint64_t, const Event *>> activeByPool;
  using End = std::pair<decltype(LiveInterval::end), const Event *>;
  std::priority_queue<End, std::vector<End>, std::greater<End>> ends;
  for (const Event &event : events) {
    while (!ends.empty() && ends.top().first < event.live.start) {
      const ViewRange &done = *ends.top().second->range;
      activeByPool[done.pool].erase(done.begin);
      ends.pop();
    }
    const ViewRange &a = *event.range;
    // An empty view holds no byte.
    if (a.begin == a.end)
      continue;
    std::map<uint64_t, const Event *> &active = activeByPool[a.pool];
    auto next = active.lower_bound(a.begin);
    const ViewRange *clash = nullptr;
    if (next != active.end() && next->first < a.end)
      clash = next->second->range;
    else if (next != active.begin() &&
             std::prev(next)->second->range->end > a.begin)
      clash = std::prev(next)->second->range;
    if (clash) {
      InFlightDiagnostic diag =
          a.op->emitError()
          << (isa<memref::ViewOp>(a.op) ? "view of pool "
                                        : "buffer placed in pool ")
          << a.pool << " at bytes [" << a.begin << ", " << a.end
          << ") overlaps "
          << (isa<memref::ViewOp>(clash->op) ? "a view" : "a placed buffer")
          << " live at the same time";
      diag.attachNote(clash->op->getLoc())
          << "bytes [" << clash->begin << ", " << clash->end << ") here";
      return signalPassFailure();
    }
    active.emplace(a.begin, &event);
    ends.push({event.live.end, &event});
  }
}
