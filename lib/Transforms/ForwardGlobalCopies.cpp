//===- ForwardGlobalCopies.cpp - Read globals instead of their copies -----===//

#include "usmp/Transforms/Passes.h"

#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/CallInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace usmp {
#define GEN_PASS_DEF_FORWARDGLOBALCOPIESPASS
#include "usmp/Transforms/Passes.h.inc"
} // namespace usmp

using namespace mlir;

namespace {

/// Whether `user` may hand on the buffer it uses as `value` somewhere this
/// pass does not follow: a call, a terminator, an operation with regions
/// (loop-carried values, say) other than a linalg operation, whose regions
/// see elements, one with a result that may alias it but is no memref (a
/// tensor), or one using it as a plain value (storing it, taking its
/// address) rather than reading, writing or viewing it.
bool handsOn(Operation *user, Value value) {
  if (isa<CallOpInterface>(user) || user->hasTrait<OpTrait::IsTerminator>() ||
      (user->getNumRegions() != 0 && !isa<linalg::LinalgOp>(user)))
    return true;
  bool views = false;
  for (Type type : user->getResultTypes()) {
    if (isa<BaseMemRefType>(type))
      views = true;
    else if (!type.isIntOrIndexOrFloat() && !isa<VectorType>(type))
      return true;
  }
  // A view is followed as a buffer of its own (collectDerived).
  if (views)
    return false;
  auto effects = dyn_cast<MemoryEffectOpInterface>(user);
  if (!effects)
    return true;
  SmallVector<MemoryEffects::EffectInstance> onValue;
  effects.getEffectsOnValue(value, onValue);
  return onValue.empty();
}

/// The buffers derived from `root`: it and every memref result of an
/// operation using one of them (views, casts, ...). Fails when one is
/// handed on (see handsOn).
LogicalResult collectDerived(Value root, SetVector<Value> &derived) {
  derived.insert(root);
  for (size_t i = 0; i < derived.size(); ++i)
    for (Operation *user : derived[i].getUsers()) {
      if (handsOn(user, derived[i]))
        return failure();
      for (Value result : user->getResults())
        if (isa<BaseMemRefType>(result.getType()))
          derived.insert(result);
    }
  return success();
}

struct ForwardGlobalCopiesPass
    : public usmp::impl::ForwardGlobalCopiesPassBase<ForwardGlobalCopiesPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    // A global whose buffer is handed on may be written under another
    // name (a callee's parameter); those are left alone. Nested modules
    // have globals of their own, found by name in their own table.
    DenseSet<Operation *> handedOn;
    // Cached tables: a lookup each scans the module otherwise.
    SymbolTableCollection symbols;
    auto globalOf = [&](memref::GetGlobalOp get) -> Operation * {
      return symbols.lookupNearestSymbolFrom(get, get.getNameAttr());
    };
    module.walk([&](memref::GetGlobalOp get) {
      SetVector<Value> derived;
      if (failed(collectDerived(get.getResult(), derived)))
        handedOn.insert(globalOf(get));
    });

    SmallVector<memref::CopyOp> copies;
    module.walk([&](memref::CopyOp copy) { copies.push_back(copy); });
    for (memref::CopyOp copy : copies) {
      auto get = copy.getSource().getDefiningOp<memref::GetGlobalOp>();
      Value snapshot = copy.getTarget();
      Operation *alloc = snapshot.getDefiningOp();
      if (!get || !isa_and_nonnull<memref::AllocOp, memref::AllocaOp>(alloc) ||
          snapshot.getType() != get.getType() || alloc->getNumOperands() != 0)
        continue;
      Operation *global = globalOf(get);
      if (!global || handedOn.contains(global))
        continue;
      if (Operation *last = lastReadOf(snapshot, copy);
          last && !mayWrite(global, copy, last, symbols)) {
        snapshot.replaceUsesWithIf(get.getResult(), [&](OpOperand &use) {
          return use.getOwner() != copy;
        });
        copy.erase();
        alloc->erase();
      }
    }
  }

  /// The last operation of `copy`'s block that uses `snapshot` (or a buffer
  /// derived from it) or holds such a use, when every use but `copy` comes
  /// after it there and only reads; else null.
  Operation *lastReadOf(Value snapshot, memref::CopyOp copy) {
    SetVector<Value> derived;
    if (failed(collectDerived(snapshot, derived)))
      return nullptr;
    Block *block = copy->getBlock();
    Operation *last = copy;
    for (Value value : derived)
      for (OpOperand &use : value.getUses()) {
        Operation *user = use.getOwner();
        if (user == copy)
          continue;
        Operation *inBlock = block->findAncestorOpInBlock(*user);
        if (!inBlock || !copy->isBeforeInBlock(inBlock) ||
            hasUnknownEffects(user) ||
            hasEffect<MemoryEffects::Write, MemoryEffects::Free>(user, value))
          return nullptr;
        if (last->isBeforeInBlock(inBlock))
          last = inBlock;
      }
    return last;
  }

  /// Whether an operation after `copy` up to `last` (in its block, nested
  /// ones included) may write `global`: one writing a buffer derived from a
  /// `memref.get_global` of it, or one whose effects are not known.
  bool mayWrite(Operation *global, memref::CopyOp copy, Operation *last,
                SymbolTableCollection &symbols) {
    auto derivesFromGlobal = [&](Value value) {
      SmallVector<Value> worklist = {value};
      DenseSet<Value> seen;
      while (!worklist.empty()) {
        Value v = worklist.pop_back_val();
        if (!seen.insert(v).second)
          continue;
        Operation *producer = v.getDefiningOp();
        if (!producer)
          continue;
        if (auto get = dyn_cast<memref::GetGlobalOp>(producer)) {
          if (symbols.lookupNearestSymbolFrom(get, get.getNameAttr()) == global)
            return true;
          continue;
        }
        for (Value operand : producer->getOperands())
          if (isa<BaseMemRefType>(operand.getType()))
            worklist.push_back(operand);
      }
      return false;
    };
    // A copy nothing reads is dropped.
    if (last == copy)
      return false;
    for (Operation *op = copy->getNextNode();; op = op->getNextNode()) {
      std::optional<SmallVector<MemoryEffects::EffectInstance>> effects =
          getEffectsRecursively(op);
      if (!effects)
        return true;
      for (const MemoryEffects::EffectInstance &effect : *effects) {
        if (!isa<MemoryEffects::Write, MemoryEffects::Free>(effect.getEffect()))
          continue;
        Value value = effect.getValue();
        if (!value || derivesFromGlobal(value))
          return true;
      }
      if (op == last)
        return false;
    }
  }
};

} // namespace
