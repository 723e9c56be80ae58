//===- CopyYieldedBuffers.cpp - Control flow copies instead of yielding ---===//

#include "usmp/Transforms/Passes.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"

namespace usmp {
#define GEN_PASS_DEF_COPYYIELDEDBUFFERSPASS
#include "usmp/Transforms/Passes.h.inc"
} // namespace usmp

using namespace mlir;

namespace {

/// Whether a buffer of type `type` can be replaced by a new allocation
/// (viewed with `type`'s layout when it is not the identity).
static bool isCopyable(Type type) {
  auto memref = dyn_cast<MemRefType>(type);
  return memref && memref.hasStaticShape();
}

/// A buffer before `b`'s insertion point for each copyable type of `types`,
/// as a value of that type (null for the others), and the others in `kept`.
/// Bufferization gives the results of an if whose branches yield new
/// buffers a fully dynamic layout: the allocation is cast to it.
static SmallVector<Value> allocateBuffers(OpBuilder &b, Location loc,
                                          TypeRange types,
                                          SmallVectorImpl<Type> &kept) {
  SmallVector<Value> buffers;
  for (Type type : types) {
    if (!isCopyable(type)) {
      buffers.push_back(Value());
      kept.push_back(type);
      continue;
    }
    auto memref = cast<MemRefType>(type);
    Value buffer = memref::AllocOp::create(
        b, loc,
        MemRefType::get(memref.getShape(), memref.getElementType(),
                        MemRefLayoutAttrInterface(), memref.getMemorySpace()));
    if (buffer.getType() != type)
      buffer = memref::CastOp::create(b, loc, type, buffer);
    buffers.push_back(buffer);
  }
  return buffers;
}

/// Copies each of `values` that has a buffer into it, before `terminator`,
/// and returns the others.
static SmallVector<Value> copyInto(Operation *terminator, ValueRange values,
                                   ArrayRef<Value> buffers) {
  OpBuilder b(terminator);
  SmallVector<Value> kept;
  for (auto [value, buffer] : llvm::zip_equal(values, buffers)) {
    if (buffer)
      memref::CopyOp::create(b, terminator->getLoc(), value, buffer);
    else
      kept.push_back(value);
  }
  return kept;
}

/// Replaces the arguments of `block` that have a buffer by it.
static void replaceArguments(Block &block, ArrayRef<Value> buffers) {
  for (unsigned i = block.getNumArguments(); i-- > 0;)
    if (buffers[i]) {
      block.getArgument(i).replaceAllUsesWith(buffers[i]);
      block.eraseArgument(i);
    }
}

/// Replaces `op`'s results that have a buffer by it, the others by the
/// results of `rebuilt`, in order, and erases `op`.
static void replaceResults(Operation *op, Operation *rebuilt,
                           ArrayRef<Value> buffers) {
  unsigned next = 0;
  for (auto [result, buffer] : llvm::zip_equal(op->getResults(), buffers))
    result.replaceAllUsesWith(buffer ? buffer : rebuilt->getResult(next++));
  op->erase();
}

static void copyYieldedBuffers(scf::IfOp op) {
  OpBuilder b(op);
  SmallVector<Type> keptTypes;
  SmallVector<Value> buffers =
      allocateBuffers(b, op.getLoc(), op.getResultTypes(), keptTypes);
  for (Region *region : {&op.getThenRegion(), &op.getElseRegion()}) {
    Operation *yield = region->front().getTerminator();
    yield->setOperands(copyInto(yield, yield->getOperands(), buffers));
  }
  auto rebuilt = scf::IfOp::create(b, op.getLoc(), keptTypes, op.getCondition(),
                                   /*withElseRegion=*/false);
  rebuilt.getThenRegion().takeBody(op.getThenRegion());
  rebuilt.getElseRegion().takeBody(op.getElseRegion());
  replaceResults(op, rebuilt, buffers);
}

static void copyYieldedBuffers(scf::WhileOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  // Carried: what the condition region starts from, the initial value then
  // what the body yields.
  SmallVector<Type> keptInitTypes;
  SmallVector<Value> carried =
      allocateBuffers(b, loc, op.getInits().getTypes(), keptInitTypes);
  SmallVector<Value> keptInits;
  for (auto [init, buffer] : llvm::zip_equal(op.getInits(), carried)) {
    if (buffer)
      memref::CopyOp::create(b, loc, init, buffer);
    else
      keptInits.push_back(init);
  }
  // Forwarded: what the condition passes to the body and, when it is false,
  // out of the loop.
  SmallVector<Type> keptResultTypes;
  SmallVector<Value> forwarded =
      allocateBuffers(b, loc, op.getResultTypes(), keptResultTypes);
  scf::ConditionOp condition = op.getConditionOp();
  SmallVector<Value> keptArgs =
      copyInto(condition, condition.getArgs(), forwarded);
  condition.getArgsMutable().assign(keptArgs);
  scf::YieldOp yield = op.getYieldOp();
  yield->setOperands(copyInto(yield, yield.getOperands(), carried));
  replaceArguments(op.getBefore().front(), carried);
  replaceArguments(op.getAfter().front(), forwarded);
  auto rebuilt = scf::WhileOp::create(b, loc, keptResultTypes, keptInits);
  rebuilt.getBefore().takeBody(op.getBefore());
  rebuilt.getAfter().takeBody(op.getAfter());
  replaceResults(op, rebuilt, forwarded);
}

struct CopyYieldedBuffersPass
    : public usmp::impl::CopyYieldedBuffersPassBase<CopyYieldedBuffersPass> {
  using Base::Base;

  void runOnOperation() override {
    // Inner operations first (post-order), so an outer one copies what an
    // inner one already copied into a buffer.
    // One that also yields a buffer it cannot copy (which may view one it
    // copies) is left whole, for the C lowering to refuse.
    auto isOtherBuffer = [](Type type) {
      return isa<BaseMemRefType>(type) && !isCopyable(type);
    };
    SmallVector<Operation *> ops;
    getOperation().walk([&](Operation *op) {
      if (!isa<scf::IfOp, scf::WhileOp>(op))
        return;
      auto types =
          llvm::concat<const Type>(op->getOperandTypes(), op->getResultTypes());
      if (llvm::any_of(types, isCopyable) &&
          llvm::none_of(types, isOtherBuffer))
        ops.push_back(op);
    });
    for (Operation *op : ops) {
      if (auto branch = dyn_cast<scf::IfOp>(op))
        copyYieldedBuffers(branch);
      else
        copyYieldedBuffers(cast<scf::WhileOp>(op));
    }
  }
};

} // namespace
