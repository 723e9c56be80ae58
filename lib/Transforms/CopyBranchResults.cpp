//===- CopyBranchResults.cpp - Branches copy into a buffer of their own ---===//

#include "usmp/Transforms/Passes.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"

namespace usmp {
#define GEN_PASS_DEF_COPYBRANCHRESULTSPASS
#include "usmp/Transforms/Passes.h.inc"
} // namespace usmp

using namespace mlir;

namespace {

/// Whether a result of type `type` can be a new allocation.
static bool isAllocatable(Type type) {
  auto memref = dyn_cast<MemRefType>(type);
  return memref && memref.hasStaticShape() && memref.getLayout().isIdentity();
}

/// Rewrites `op`'s allocatable memref results into copies into a buffer
/// allocated before it, and rebuilds it with the other results.
static void copyResults(scf::IfOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  SmallVector<Value> buffers(op.getNumResults());
  SmallVector<Type> keptTypes;
  for (auto [i, result] : llvm::enumerate(op.getResults())) {
    if (isAllocatable(result.getType()))
      buffers[i] =
          memref::AllocOp::create(b, loc, cast<MemRefType>(result.getType()));
    else
      keptTypes.push_back(result.getType());
  }
  // Each branch copies what it yields, and yields the rest.
  for (Region *region : {&op.getThenRegion(), &op.getElseRegion()}) {
    auto yield = cast<scf::YieldOp>(region->front().getTerminator());
    OpBuilder atYield(yield);
    SmallVector<Value> kept;
    for (auto [value, buffer] : llvm::zip(yield.getOperands(), buffers)) {
      if (buffer)
        memref::CopyOp::create(atYield, loc, value, buffer);
      else
        kept.push_back(value);
    }
    yield->setOperands(kept);
  }
  auto rebuilt = scf::IfOp::create(b, loc, keptTypes, op.getCondition(),
                                   /*withElseRegion=*/false);
  rebuilt.getThenRegion().takeBody(op.getThenRegion());
  rebuilt.getElseRegion().takeBody(op.getElseRegion());
  unsigned next = 0;
  for (auto [result, buffer] : llvm::zip(op.getResults(), buffers))
    result.replaceAllUsesWith(buffer ? buffer : rebuilt.getResult(next++));
  op.erase();
}

struct CopyBranchResultsPass
    : public usmp::impl::CopyBranchResultsPassBase<CopyBranchResultsPass> {
  using Base::Base;

  void runOnOperation() override {
    // Inner ifs first (post-order), so an outer branch copies what an
    // inner one already copied into a buffer.
    SmallVector<scf::IfOp> ops;
    getOperation().walk([&](scf::IfOp op) {
      if (llvm::any_of(op.getResultTypes(), isAllocatable))
        ops.push_back(op);
    });
    for (scf::IfOp op : ops)
      copyResults(op);
  }
};

} // namespace
