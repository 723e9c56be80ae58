//===- CopyYieldedBuffers.cpp - Control flow copies instead of yielding ---===//

#include "usmp/Dialect/USMP/USMPUtils.h"
#include "usmp/Transforms/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"

namespace usmp {
#define GEN_PASS_DEF_COPYYIELDEDBUFFERSPASS
#include "usmp/Transforms/Passes.h.inc"
} // namespace usmp

using namespace mlir;

namespace {

using usmp::getAllocationType;
using usmp::isAllocationCastable;

/// Whether every user of `value` takes a buffer of any layout, so a new
/// allocation can replace it whatever its layout (branches yielding views
/// at one static offset give the result that layout, which no cast of an
/// allocation has).
static bool takesAnyLayout(Value value);

/// Whether `result` of an scf.if can be replaced by a new allocation.
static bool isCopyableResult(Value result) {
  auto memref = dyn_cast<MemRefType>(result.getType());
  return memref && memref.hasStaticShape() &&
         (isAllocationCastable(memref) || takesAnyLayout(result));
}

/// Whether every buffer `op` yields is copied: then its terminators copy
/// whatever they yield, of any layout.
static bool copiesEveryBuffer(scf::IfOp op) {
  return llvm::all_of(op.getResults(), [](Value result) {
    return !isa<BaseMemRefType>(result.getType()) || isCopyableResult(result);
  });
}

static bool takesAnyLayout(Value value) {
  return llvm::all_of(value.getUsers(), [](Operation *user) {
    if (isa<scf::YieldOp>(user))
      if (auto parent = dyn_cast<scf::IfOp>(user->getParentOp()))
        return copiesEveryBuffer(parent);
    return isa<linalg::LinalgOp, memref::CopyOp, memref::LoadOp,
               memref::StoreOp, memref::DeallocOp>(user);
  });
}

/// A buffer before `b`'s insertion point for each of `types` that
/// `copyable` marks, as a value of that type when a cast gives it, else as
/// the allocation (null for the others), and the others in `kept`.
static SmallVector<Value> allocateBuffers(OpBuilder &b, Location loc,
                                          TypeRange types,
                                          ArrayRef<bool> copyable,
                                          SmallVectorImpl<Type> &kept) {
  SmallVector<Value> buffers;
  for (auto [type, isCopied] : llvm::zip_equal(types, copyable)) {
    if (!isCopied) {
      buffers.push_back(Value());
      kept.push_back(type);
      continue;
    }
    auto memref = cast<MemRefType>(type);
    Value buffer = memref::AllocOp::create(b, loc, getAllocationType(memref));
    if (buffer.getType() != type && isAllocationCastable(type))
      buffer = memref::CastOp::create(b, loc, type, buffer);
    buffers.push_back(buffer);
  }
  return buffers;
}

/// Which of `types` are copyable.
static SmallVector<bool> copyableTypes(TypeRange types) {
  return llvm::map_to_vector(types, isAllocationCastable);
}

/// Copies each of `values` that has a buffer into it, before `terminator`,
/// and returns the others.
static SmallVector<Value> copyInto(Operation *terminator, ValueRange values,
                                   ArrayRef<Value> buffers) {
  OpBuilder b(terminator);
  SmallVector<Value> kept;
  for (auto [value, buffer] : llvm::zip_equal(values, buffers)) {
    if (buffer && value != buffer)
      memref::CopyOp::create(b, terminator->getLoc(), value, buffer);
    else if (!buffer)
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
  SmallVector<Value> buffers = allocateBuffers(
      b, op.getLoc(), op.getResultTypes(),
      llvm::map_to_vector(op.getResults(), isCopyableResult), keptTypes);
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
      allocateBuffers(b, loc, op.getInits().getTypes(),
                      copyableTypes(op.getInits().getTypes()), keptInitTypes);
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
      allocateBuffers(b, loc, op.getResultTypes(),
                      copyableTypes(op.getResultTypes()), keptResultTypes);
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

/// Per value `loop` carries, whether it is a buffer the body yields
/// unchanged: the initial one in every iteration (the loop of a
/// tosa.scatter writes in place), which needs no allocation whatever its
/// type.
static SmallVector<bool> yieldedUnchanged(scf::ForOp loop) {
  return llvm::map_to_vector(
      llvm::zip_equal(loop.getBody()->getTerminator()->getOperands(),
                      loop.getRegionIterArgs()),
      [](auto pair) {
        auto [value, argument] = pair;
        return value == argument && isa<BaseMemRefType>(value.getType());
      });
}

static void copyYieldedBuffers(scf::ForOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  auto yield = cast<scf::YieldOp>(op.getBody()->getTerminator());
  // Carried: what each iteration starts from, the initial value then what
  // the previous one yielded; it is also the loop's result. One yielded
  // unchanged stays the initial one, uncopied.
  SmallVector<bool> inPlace = yieldedUnchanged(op), copied;
  for (auto [type, unchanged] :
       llvm::zip_equal(op.getInitArgs().getTypes(), inPlace))
    copied.push_back(!unchanged && isAllocationCastable(type));
  SmallVector<Type> keptTypes;
  SmallVector<Value> carried =
      allocateBuffers(b, loc, op.getInitArgs().getTypes(), copied, keptTypes);
  SmallVector<Value> keptInits;
  for (auto [init, buffer, forwarded] :
       llvm::zip_equal(op.getInitArgs(), carried, inPlace)) {
    if (forwarded)
      buffer = init;
    else if (buffer)
      memref::CopyOp::create(b, loc, init, buffer);
    else
      keptInits.push_back(init);
  }
  SmallVector<Value> arguments = {Value()};
  llvm::append_range(arguments, carried);
  replaceArguments(*op.getBody(), arguments);
  // The yield assigns all at once, and a value yielded may be (a view of)
  // a carried buffer another copy overwrites: all but the buffers the
  // iteration allocated are copied aside first.
  OpBuilder before(yield);
  SmallVector<Value> values(yield->getOperands());
  for (auto [value, buffer] : llvm::zip_equal(values, carried)) {
    auto alloc = value.getDefiningOp<memref::AllocOp>();
    if (!buffer || value == buffer || (alloc && op->isAncestor(alloc)))
      continue;
    Value aside = memref::AllocOp::create(
        before, loc, getAllocationType(cast<MemRefType>(value.getType())));
    memref::CopyOp::create(before, loc, value, aside);
    value = aside;
  }
  yield->setOperands(copyInto(yield, values, carried));
  auto rebuilt =
      scf::ForOp::create(b, loc, op.getLowerBound(), op.getUpperBound(),
                         op.getStep(), keptInits, nullptr, op.getUnsignedCmp());
  rebuilt->setDiscardableAttrs(op->getDiscardableAttrDictionary());
  rebuilt.getRegion().takeBody(op.getRegion());
  replaceResults(op, rebuilt, carried);
}

struct CopyYieldedBuffersPass
    : public usmp::impl::CopyYieldedBuffersPassBase<CopyYieldedBuffersPass> {
  using Base::Base;

  void runOnOperation() override {
    // Inner operations first (post-order), so an outer one copies what an
    // inner one already copied into a buffer.
    // One that also yields a buffer it cannot copy (which may view one it
    // copies) is left whole, for the C lowering to refuse.
    SmallVector<Operation *> ops;
    getOperation().walk([&](Operation *op) {
      if (!isa<scf::IfOp, scf::WhileOp, scf::ForOp>(op))
        return;
      auto copyable = [&](Value value) {
        return isa<scf::IfOp>(op) ? isCopyableResult(value)
                                  : isAllocationCastable(value.getType());
      };
      auto isBuffer = [](Value value) {
        return isa<BaseMemRefType>(value.getType());
      };
      if (auto loop = dyn_cast<scf::ForOp>(op)) {
        bool carries = false, copies = true;
        for (auto [init, unchanged] :
             llvm::zip_equal(loop.getInitArgs(), yieldedUnchanged(loop))) {
          if (!isBuffer(init))
            continue;
          carries = true;
          copies &= unchanged || isAllocationCastable(init.getType());
        }
        if (carries && copies)
          ops.push_back(op);
        return;
      }
      auto values =
          llvm::concat<const Value>(op->getOperands(), op->getResults());
      if (llvm::any_of(values, isBuffer) &&
          llvm::all_of(values, [&](Value value) {
            return !isBuffer(value) || copyable(value);
          }))
        ops.push_back(op);
    });
    for (Operation *op : ops) {
      if (auto branch = dyn_cast<scf::IfOp>(op))
        copyYieldedBuffers(branch);
      else if (auto loop = dyn_cast<scf::WhileOp>(op))
        copyYieldedBuffers(loop);
      else
        copyYieldedBuffers(cast<scf::ForOp>(op));
    }
  }
};

} // namespace
