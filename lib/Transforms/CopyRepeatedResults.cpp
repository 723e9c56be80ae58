//===- CopyRepeatedResults.cpp - A buffer of its own for each result ------===//

#include "usmp/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Builders.h"

namespace usmp {
#define GEN_PASS_DEF_COPYREPEATEDRESULTSPASS
#include "usmp/Transforms/Passes.h.inc"
} // namespace usmp

using namespace mlir;

namespace {

struct CopyRepeatedResultsPass
    : public usmp::impl::CopyRepeatedResultsPassBase<CopyRepeatedResultsPass> {
  using Base::Base;

  void runOnOperation() override {
    WalkResult walk = getOperation().walk([](func::ReturnOp ret) {
      llvm::SmallDenseSet<Value> returned;
      for (OpOperand &operand : ret->getOpOperands()) {
        Value value = operand.get();
        auto type = dyn_cast<MemRefType>(value.getType());
        if (!type || returned.insert(value).second)
          continue;
        if (!type.getLayout().isIdentity()) {
          ret.emitError() << "result " << operand.getOperandNumber()
                          << " repeats an earlier result of type " << type
                          << ", which a copy of its own cannot have (the "
                             "layout is not the identity)";
          return WalkResult::interrupt();
        }
        OpBuilder b(ret);
        SmallVector<Value> sizes;
        for (int64_t dim : llvm::seq<int64_t>(0, type.getRank()))
          if (type.isDynamicDim(dim))
            sizes.push_back(memref::DimOp::create(b, ret.getLoc(), value, dim));
        Value copy = memref::AllocOp::create(b, ret.getLoc(), type, sizes);
        memref::CopyOp::create(b, ret.getLoc(), value, copy);
        operand.set(copy);
      }
      return WalkResult::advance();
    });
    if (walk.wasInterrupted())
      signalPassFailure();
  }
};

} // namespace
