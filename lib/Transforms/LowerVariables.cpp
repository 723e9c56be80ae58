//===- LowerVariables.cpp - TOSA variables as static arrays ---------------===//

#include "usmp/Transforms/Passes.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/SymbolTable.h"

namespace usmp {
#define GEN_PASS_DEF_LOWERVARIABLESPASS
#include "usmp/Transforms/Passes.h.inc"
} // namespace usmp

using namespace mlir;

namespace {

/// The global a variable becomes, or failure after an error at `variable`.
FailureOr<memref::GlobalOp> lowerVariable(tosa::VariableOp variable) {
  // TOSA writes a dynamic dimension as -1, which is no size in MLIR.
  SmallVector<int64_t> shape;
  for (int64_t dim : variable.getVarShape().getValues<int64_t>())
    shape.push_back(dim < 0 ? ShapedType::kDynamic : dim);
  if (!BaseMemRefType::isValidElementType(variable.getType()))
    return variable.emitError()
           << "a variable of elements of type " << variable.getType()
           << " is not supported: a buffer cannot hold them";
  auto tensorType = RankedTensorType::get(shape, variable.getType());
  if (!tensorType.hasStaticShape())
    return variable.emitError() << "a variable of dynamic shape (" << tensorType
                                << ") is not supported: its static array in "
                                   "the generated C needs a size";
  // C zero-initializes a static array without an initializer.
  Attribute initialValue = UnitAttr::get(variable.getContext());
  if (std::optional<Attribute> value = variable.getInitialValue()) {
    auto elements = dyn_cast<ElementsAttr>(*value);
    if (!elements || elements.getType() != tensorType)
      return variable.emitError()
             << "the initial value of a variable of type " << tensorType
             << " must be elements of that type, not " << *value;
    initialValue = elements;
  }
  OpBuilder b(variable);
  auto global = memref::GlobalOp::create(
      b, variable.getLoc(), variable.getSymName(), b.getStringAttr("private"),
      MemRefType::get(tensorType.getShape(), tensorType.getElementType()),
      initialValue, /*constant=*/false, /*alignment=*/nullptr);
  variable.erase();
  return global;
}

struct LowerVariablesPass
    : public usmp::impl::LowerVariablesPassBase<LowerVariablesPass> {
  void runOnOperation() override {
    // Every variable first, so each read and write finds its global (the
    // verifier has checked that they name a variable of their type).
    SmallVector<tosa::VariableOp> variables;
    getOperation().walk(
        [&](tosa::VariableOp variable) { variables.push_back(variable); });
    for (tosa::VariableOp variable : variables)
      if (failed(lowerVariable(variable)))
        return signalPassFailure();

    WalkResult walk = getOperation().walk([](Operation *op) {
      auto read = dyn_cast<tosa::VariableReadOp>(op);
      auto write = dyn_cast<tosa::VariableWriteOp>(op);
      if (!read && !write)
        return WalkResult::advance();
      OpBuilder b(op);
      Location loc = op->getLoc();
      auto global = SymbolTable::lookupNearestSymbolFrom<memref::GlobalOp>(
          op, read ? read.getNameAttr() : write.getNameAttr());
      // Unverified input can name something else.
      if (!global) {
        op->emitError("names no variable");
        return WalkResult::interrupt();
      }
      Value buffer = memref::GetGlobalOp::create(b, loc, global.getType(),
                                                 global.getSymName());
      auto globalType = global.getType();
      auto tensorType = RankedTensorType::get(globalType.getShape(),
                                              globalType.getElementType());
      // A read or write may give the type with fewer static sizes.
      if (write) {
        Value value = write.getInput1();
        if (value.getType() != tensorType)
          value = tensor::CastOp::create(b, loc, tensorType, value);
        bufferization::MaterializeInDestinationOp::create(
            b, loc, /*result=*/Type(), value, buffer,
            /*restrict=*/true, /*writable=*/true);
        write.erase();
        return WalkResult::advance();
      }
      // The value read is a snapshot: a copy no later write changes.
      Value snapshot = memref::AllocOp::create(b, loc, global.getType());
      memref::CopyOp::create(b, loc, buffer, snapshot);
      Value tensor = bufferization::ToTensorOp::create(
          b, loc, tensorType, snapshot, /*restrict=*/true, /*writable=*/true);
      if (tensor.getType() != read.getType())
        tensor = tensor::CastOp::create(b, loc, read.getType(), tensor);
      read.replaceAllUsesWith(tensor);
      read.erase();
      return WalkResult::advance();
    });
    if (walk.wasInterrupted())
      signalPassFailure();
  }
};

} // namespace
