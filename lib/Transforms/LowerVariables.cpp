//===- LowerVariables.cpp - A model's state as static arrays --------------===//

#include "usmp/Transforms/Passes.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/MLProgram/IR/MLProgram.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/SymbolTable.h"

#include "llvm/ADT/TypeSwitch.h"

namespace usmp {
#define GEN_PASS_DEF_LOWERVARIABLESPASS
#include "usmp/Transforms/Passes.h.inc"
} // namespace usmp

using namespace mlir;

namespace {

/// Replaces `op`, a variable or global named `name` of a ranked tensor type
/// of `shape` and `element` (a static shape, elements a buffer holds)
/// holding `value` (none: zeros), by a private `memref.global`. Fails after
/// an error at `op`.
LogicalResult replaceByGlobal(Operation *op, StringRef what, StringRef name,
                              ArrayRef<int64_t> shape, Type element,
                              std::optional<Attribute> value, bool constant) {
  if (!BaseMemRefType::isValidElementType(element))
    return op->emitError() << "a " << what << " of elements of type " << element
                           << " is not supported: a buffer cannot hold them";
  auto type = RankedTensorType::get(shape, element);
  if (!type.hasStaticShape())
    return op->emitError() << "a " << what << " of dynamic shape (" << type
                           << ") is not supported: its static array in the "
                              "generated C needs a size";
  // C zero-initializes a static array without an initializer.
  Attribute initialValue = UnitAttr::get(op->getContext());
  if (value) {
    // The C printer writes dense values (resources are read out of their
    // blobs), not sparse ones.
    auto elements = dyn_cast<ElementsAttr>(*value);
    if (!isa<DenseElementsAttr, DenseResourceElementsAttr>(*value) ||
        elements.getType() != type)
      return op->emitError()
             << "the initial value of a " << what << " of type " << type
             << " must be dense elements of that type, not " << *value;
    initialValue = elements;
  }
  OpBuilder b(op);
  memref::GlobalOp::create(
      b, op->getLoc(), name, b.getStringAttr("private"),
      MemRefType::get(type.getShape(), type.getElementType()), initialValue,
      constant, /*alignment=*/nullptr);
  op->erase();
  return success();
}

LogicalResult lowerVariable(tosa::VariableOp variable) {
  // TOSA writes a dynamic dimension as -1, which is no size in MLIR.
  SmallVector<int64_t> shape;
  for (int64_t dim : variable.getVarShape().getValues<int64_t>())
    shape.push_back(dim < 0 ? ShapedType::kDynamic : dim);
  return replaceByGlobal(variable, "variable", variable.getSymName(), shape,
                         variable.getType(), variable.getInitialValue(),
                         /*constant=*/false);
}

LogicalResult lowerGlobal(ml_program::GlobalOp global) {
  auto tensor = dyn_cast<TensorType>(global.getType());
  if (!tensor)
    return global.emitError()
           << "an 'ml_program.global' of type " << global.getType()
           << " is not supported: only tensors are";
  std::optional<Attribute> value = global.getValue();
  if (value && isa<ml_program::ExternAttr>(*value))
    return global.emitError("an 'ml_program.global' defined elsewhere "
                            "(#ml_program.extern) is not supported");
  // The global's type may leave sizes open that its value gives.
  auto type = dyn_cast<RankedTensorType>(tensor);
  auto elements = value ? dyn_cast<ElementsAttr>(*value) : nullptr;
  if (elements && elements.getElementType() == tensor.getElementType() &&
      succeeded(verifyCompatibleShape(tensor, elements.getType())))
    type = cast<RankedTensorType>(elements.getType());
  if (!type)
    return global.emitError() << "an 'ml_program.global' of type " << tensor
                              << " is not supported: its value gives no shape";
  return replaceByGlobal(global, "global", global.getSymName(), type.getShape(),
                         type.getElementType(), value,
                         /*constant=*/!global.getIsMutable());
}

struct LowerVariablesPass
    : public usmp::impl::LowerVariablesPassBase<LowerVariablesPass> {
  void runOnOperation() override {
    // Every variable first, so each read and write finds its global (the
    // verifiers have checked that they name one of their type).
    SmallVector<Operation *> variables;
    getOperation().walk([&](Operation *op) {
      if (isa<tosa::VariableOp, ml_program::GlobalOp>(op))
        variables.push_back(op);
    });
    for (Operation *op : variables)
      if (failed(TypeSwitch<Operation *, LogicalResult>(op)
                     .Case([](tosa::VariableOp variable) {
                       return lowerVariable(variable);
                     })
                     .Case([](ml_program::GlobalOp global) {
                       return lowerGlobal(global);
                     })))
        return signalPassFailure();

    WalkResult walk = getOperation().walk([](Operation *op) {
      // The global a read or write names, and the value it writes.
      SymbolRefAttr name;
      Value written;
      TypeSwitch<Operation *>(op)
          .Case([&](tosa::VariableReadOp read) {
            name = FlatSymbolRefAttr::get(read.getNameAttr());
          })
          .Case([&](tosa::VariableWriteOp write) {
            name = FlatSymbolRefAttr::get(write.getNameAttr());
            written = write.getInput1();
          })
          .Case<ml_program::GlobalLoadOp, ml_program::GlobalLoadConstOp>(
              [&](auto load) { name = load.getGlobal(); })
          .Case([&](ml_program::GlobalStoreOp store) {
            name = store.getGlobal();
            written = store.getValue();
          });
      if (isa<ml_program::GlobalLoadGraphOp, ml_program::GlobalStoreGraphOp>(
              op)) {
        op->emitError() << "'" << op->getName()
                        << "' is not supported: load and store the global "
                           "with 'ml_program.global_load' and "
                           "'ml_program.global_store'";
        return WalkResult::interrupt();
      }
      if (!name)
        return WalkResult::advance();
      OpBuilder b(op);
      Location loc = op->getLoc();
      auto global =
          SymbolTable::lookupNearestSymbolFrom<memref::GlobalOp>(op, name);
      // Unverified input can name something else; `memref.get_global`
      // names a global of its own symbol table only.
      if (!global || !isa<FlatSymbolRefAttr>(name)) {
        op->emitError() << "names no variable or global of its module (" << name
                        << ")";
        return WalkResult::interrupt();
      }
      Value buffer = memref::GetGlobalOp::create(b, loc, global.getType(),
                                                 global.getSymName());
      auto globalType = global.getType();
      auto tensorType = RankedTensorType::get(globalType.getShape(),
                                              globalType.getElementType());
      // A read or write may give the type with fewer static sizes.
      if (written) {
        if (written.getType() != tensorType)
          written = tensor::CastOp::create(b, loc, tensorType, written);
        bufferization::MaterializeInDestinationOp::create(
            b, loc, /*result=*/Type(), written, buffer,
            /*restrict=*/true, /*writable=*/true);
        op->erase();
        return WalkResult::advance();
      }
      // The value read is a snapshot: a copy no later write changes.
      Value snapshot = memref::AllocOp::create(b, loc, global.getType());
      memref::CopyOp::create(b, loc, buffer, snapshot);
      Value tensor = bufferization::ToTensorOp::create(
          b, loc, tensorType, snapshot, /*restrict=*/true, /*writable=*/true);
      Type readType = op->getResult(0).getType();
      if (tensor.getType() != readType)
        tensor = tensor::CastOp::create(b, loc, readType, tensor);
      op->getResult(0).replaceAllUsesWith(tensor);
      op->erase();
      return WalkResult::advance();
    });
    if (walk.wasInterrupted())
      signalPassFailure();
  }
};

} // namespace
