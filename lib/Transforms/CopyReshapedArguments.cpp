//===- CopyReshapedArguments.cpp - Calls take copies of reshaped buffers --===//

#include "usmp/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"
#include "llvm/ADT/MapVector.h"

namespace usmp {
#define GEN_PASS_DEF_COPYRESHAPEDARGUMENTSPASS
#include "usmp/Transforms/Passes.h.inc"
} // namespace usmp

using namespace mlir;

namespace {

/// Answers whether a function may write the buffer one of its parameters
/// is, caching the answers (recursive calls are assumed to write).
class WriteAnalysis {
public:
  explicit WriteAnalysis(SymbolTableCollection &symbols) : symbols(symbols) {}

  bool mayWrite(func::FuncOp function, unsigned index) {
    auto key = std::make_pair(function.getOperation(), index);
    auto [it, inserted] = cache.try_emplace(key, true);
    if (!inserted || function.isExternal())
      return it->second;
    bool writes = mayWriteThrough(function.getArgument(index));
    cache[key] = writes;
    return writes;
  }

private:
  /// Whether any use of `buffer`, or of a view of it, may write it.
  bool mayWriteThrough(Value buffer) {
    SmallVector<Value> worklist = {buffer};
    while (!worklist.empty()) {
      Value value = worklist.pop_back_val();
      for (OpOperand &use : value.getUses()) {
        Operation *user = use.getOwner();
        // A terminator hands the buffer on to where it cannot be followed.
        if (user->hasTrait<OpTrait::IsTerminator>())
          return true;
        if (auto call = dyn_cast<func::CallOp>(user)) {
          auto callee = symbols.lookupNearestSymbolFrom<func::FuncOp>(
              call, call.getCalleeAttr());
          if (!callee || mayWrite(callee, use.getOperandNumber()))
            return true;
          continue;
        }
        // Its buffer results may be the buffer (views, selects, casts):
        // writes through them count.
        for (Value result : user->getResults())
          if (isa<BaseMemRefType>(result.getType()))
            worklist.push_back(result);
        auto effects = dyn_cast<MemoryEffectOpInterface>(user);
        if (!effects)
          return true;
        SmallVector<MemoryEffects::EffectInstance> instances;
        effects.getEffectsOnValue(value, instances);
        if (llvm::any_of(instances, [](const auto &instance) {
              return isa<MemoryEffects::Write, MemoryEffects::Free>(
                  instance.getEffect());
            }))
          return true;
        // An operation that writes without saying which value may write
        // this one.
        SmallVector<MemoryEffects::EffectInstance> all;
        effects.getEffects(all);
        if (llvm::any_of(all, [](const auto &instance) {
              return isa<MemoryEffects::Write>(instance.getEffect()) &&
                     !instance.getValue();
            }))
          return true;
      }
    }
    return false;
  }

  SymbolTableCollection &symbols;
  DenseMap<std::pair<Operation *, unsigned>, bool> cache;
};

/// The buffer `value` views, through views of views.
static Value getRoot(Value value) {
  while (auto view = value.getDefiningOp<ViewLikeOpInterface>())
    value = view.getViewSource();
  return value;
}

/// Whether `buffer` is the data of a constant global, which nothing may
/// write.
static bool isConstant(Value buffer, SymbolTableCollection &symbols) {
  auto get = buffer.getDefiningOp<memref::GetGlobalOp>();
  if (!get)
    return false;
  auto global =
      symbols.lookupNearestSymbolFrom<memref::GlobalOp>(get, get.getNameAttr());
  return global && global.getConstant();
}

/// Whether `function`, or a function it calls, takes the data of the
/// global `name` itself, where a copy of a view of the global passed to it
/// would not follow what it reads or writes.
static bool usesGlobal(func::FuncOp function, StringAttr name,
                       SymbolTableCollection &symbols) {
  SmallVector<func::FuncOp> worklist = {function};
  DenseSet<Operation *> seen = {function};
  while (!worklist.empty()) {
    WalkResult found = worklist.pop_back_val().walk([&](Operation *op) {
      if (auto get = dyn_cast<memref::GetGlobalOp>(op))
        return get.getNameAttr().getAttr() == name ? WalkResult::interrupt()
                                                   : WalkResult::advance();
      if (auto call = dyn_cast<func::CallOp>(op))
        if (auto callee = symbols.lookupNearestSymbolFrom<func::FuncOp>(
                call, call.getCalleeAttr());
            callee && seen.insert(callee).second)
          worklist.push_back(callee);
      return WalkResult::advance();
    });
    if (found.wasInterrupted())
      return true;
  }
  return false;
}

static bool isReshape(Value value) {
  auto type = dyn_cast<MemRefType>(value.getType());
  return isa_and_nonnull<memref::CollapseShapeOp, memref::ExpandShapeOp>(
             value.getDefiningOp()) &&
         type.hasStaticShape() && type.getLayout().isIdentity();
}

struct CopyReshapedArgumentsPass
    : public usmp::impl::CopyReshapedArgumentsPassBase<
          CopyReshapedArgumentsPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    // Calls and globals in nested modules name their own module's symbols.
    SymbolTableCollection symbols;
    WriteAnalysis analysis(symbols);
    WalkResult walk = module.walk([&](func::CallOp call) {
      auto callee = symbols.lookupNearestSymbolFrom<func::FuncOp>(
          call, call.getCalleeAttr());
      // One copy per reshaped value, whichever operands pass it.
      llvm::SmallMapVector<Value, SmallVector<unsigned>, 4> reshaped;
      for (OpOperand &operand : call->getOpOperands())
        if (isReshape(operand.get()))
          reshaped[operand.get()].push_back(operand.getOperandNumber());
      for (auto &[value, operands] : reshaped) {
        bool writes = !callee || llvm::any_of(operands, [&](unsigned index) {
          return analysis.mayWrite(callee, index);
        });
        // Another operand viewing the same buffer would no longer alias
        // the copy, which matters only when the callee writes either; nor
        // would the global the buffer is, where the callee takes it itself.
        Value root = getRoot(value);
        if (auto get = root.getDefiningOp<memref::GetGlobalOp>();
            get && callee && !isConstant(root, symbols) &&
            usesGlobal(callee, get.getNameAttr().getAttr(), symbols)) {
          call.emitError() << "cannot give operand " << operands.front()
                           << " of this call a copy of its reshaped buffer: "
                              "it views the global "
                           << get.getNameAttr()
                           << ", which the callee also takes itself";
          return WalkResult::interrupt();
        }
        for (OpOperand &other : call->getOpOperands())
          if (other.get() != value &&
              isa<BaseMemRefType>(other.get().getType()) &&
              getRoot(other.get()) == root &&
              (writes || analysis.mayWrite(callee, other.getOperandNumber()))) {
            call.emitError()
                << "cannot give operand " << operands.front()
                << " of this call a copy of its reshaped buffer: operand "
                << other.getOperandNumber()
                << " views the same buffer, and the callee may write "
                   "through one of them";
            return WalkResult::interrupt();
          }
        OpBuilder b(call);
        Location loc = call.getLoc();
        Value copy =
            memref::AllocOp::create(b, loc, cast<MemRefType>(value.getType()));
        memref::CopyOp::create(b, loc, value, copy);
        for (unsigned index : operands)
          call->setOperand(index, copy);
        if (writes && !isConstant(root, symbols)) {
          b.setInsertionPointAfter(call);
          memref::CopyOp::create(b, loc, copy, value);
        }
      }
      return WalkResult::advance();
    });
    if (walk.wasInterrupted())
      signalPassFailure();
  }
};

} // namespace
