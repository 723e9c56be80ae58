//===- CopyReshapedArguments.cpp - Calls take copies of reshaped buffers --===//

#include "usmp/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

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
  explicit WriteAnalysis(ModuleOp module) : symbols(module) {}

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
        if (auto view = dyn_cast<ViewLikeOpInterface>(user)) {
          if (view.getViewSource() == value) {
            llvm::append_range(worklist, user->getResults());
            continue;
          }
        }
        if (auto call = dyn_cast<func::CallOp>(user)) {
          auto callee = symbols.lookup<func::FuncOp>(call.getCallee());
          if (!callee || mayWrite(callee, use.getOperandNumber()))
            return true;
          continue;
        }
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

  SymbolTable symbols;
  DenseMap<std::pair<Operation *, unsigned>, bool> cache;
};

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
    WriteAnalysis analysis(module);
    SymbolTable symbols(module);
    module.walk([&](func::CallOp call) {
      auto callee = symbols.lookup<func::FuncOp>(call.getCallee());
      for (OpOperand &operand : call->getOpOperands()) {
        Value reshaped = operand.get();
        if (!isReshape(reshaped))
          continue;
        OpBuilder b(call);
        Location loc = call.getLoc();
        Value copy = memref::AllocOp::create(
            b, loc, cast<MemRefType>(reshaped.getType()));
        memref::CopyOp::create(b, loc, reshaped, copy);
        operand.set(copy);
        if (!callee || analysis.mayWrite(callee, operand.getOperandNumber())) {
          b.setInsertionPointAfter(call);
          memref::CopyOp::create(b, loc, copy, reshaped);
        }
      }
    });
  }
};

} // namespace
