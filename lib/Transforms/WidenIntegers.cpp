//===- WidenIntegers.cpp - Integers C has no type for, widened ------------===//

#include "usmp/Dialect/USMP/USMPUtils.h"
#include "usmp/Transforms/Passes.h"

#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/PatternMatch.h"

namespace usmp {
#define GEN_PASS_DEF_WIDENINTEGERSPASS
#include "usmp/Transforms/Passes.h.inc"
} // namespace usmp

using namespace mlir;

namespace {

/// The width C gives an integer of `width` bits, or `width` when C has it.
static unsigned widenedWidth(unsigned width) {
  if (width <= 1 || width > 64)
    return width;
  for (unsigned c : {8u, 16u, 32u, 64u})
    if (width <= c)
      return c;
  return width;
}

/// The narrow integer type in `type` (itself, or a memref's elements).
static IntegerType getNarrow(Type type) {
  if (auto memref = dyn_cast<MemRefType>(type))
    type = memref.getElementType();
  auto integer = dyn_cast<IntegerType>(type);
  if (!integer || widenedWidth(integer.getWidth()) == integer.getWidth())
    return {};
  return integer;
}

static Type widen(Type type) {
  IntegerType narrow = getNarrow(type);
  if (!narrow)
    return type;
  auto wide =
      IntegerType::get(type.getContext(), widenedWidth(narrow.getWidth()),
                       narrow.getSignedness());
  if (auto memref = dyn_cast<MemRefType>(type))
    return MemRefType::get(memref.getShape(), wide, memref.getLayout(),
                           memref.getMemorySpace());
  return wide;
}

/// The narrow width of `type`'s integers, or 0.
static unsigned narrowWidthOf(Type type) {
  IntegerType narrow = getNarrow(type);
  return narrow ? narrow.getWidth() : 0;
}

static bool involvesNarrow(Operation *op) {
  auto narrow = [](Type type) { return static_cast<bool>(getNarrow(type)); };
  return llvm::any_of(op->getOperandTypes(), narrow) ||
         llvm::any_of(op->getResultTypes(), narrow);
}

/// `wide`'s low `narrowWidth` bits, sign-extended within its type: what
/// every widened value holds.
static Value signExtendLow(OpBuilder &b, Location loc, Value wide,
                           unsigned narrowWidth) {
  unsigned width = wide.getType().getIntOrFloatBitWidth();
  Value shift = arith::ConstantOp::create(
      b, loc, b.getIntegerAttr(wide.getType(), width - narrowWidth));
  return arith::ShRSIOp::create(
      b, loc, arith::ShLIOp::create(b, loc, wide, shift), shift);
}

/// The low `narrowWidth` bits of `wide`, zero-extended.
static Value lowBits(OpBuilder &b, Location loc, Value wide,
                     unsigned narrowWidth) {
  unsigned width = wide.getType().getIntOrFloatBitWidth();
  Value mask = arith::ConstantOp::create(
      b, loc,
      b.getIntegerAttr(wide.getType(),
                       APInt::getLowBitsSet(width, narrowWidth)));
  return arith::AndIOp::create(b, loc, wide, mask);
}

/// Makes the uses of `result` see it wrapped to `narrowWidth` bits.
static void wrapResult(Value result, unsigned narrowWidth) {
  OpBuilder b(result.getContext());
  b.setInsertionPointAfterValue(result);
  Value wrapped = signExtendLow(b, result.getLoc(), result, narrowWidth);
  Operation *shift = wrapped.getDefiningOp()->getOperand(0).getDefiningOp();
  result.replaceAllUsesExcept(wrapped, shift);
}

/// An operation whose meaning depends on the narrow widths of its operands
/// and result (0 where they are not narrow), taken before widening.
struct Fix {
  Operation *op;
  SmallVector<unsigned> operandWidths;
  unsigned resultWidth;
};

struct WidenIntegersPass
    : public usmp::impl::WidenIntegersPassBase<WidenIntegersPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    // Globals' values are rewritten element by element.
    if (failed(usmp::inlineResourceElements(module)))
      return signalPassFailure();
    // Named operations compute in their output's type implicitly.
    SmallVector<linalg::LinalgOp> named;
    module.walk([&](linalg::LinalgOp op) {
      if (!isa<linalg::GenericOp>(op) && involvesNarrow(op))
        named.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    for (linalg::LinalgOp op : named) {
      rewriter.setInsertionPoint(op);
      if (failed(linalg::generalizeNamedOp(rewriter, op))) {
        usmp::emitErrorAt(op) << "cannot widen the integers of '"
                              << op->getName() << "': it has no generic form";
        return signalPassFailure();
      }
    }

    // Operations whose meaning depends on the narrow widths, found before
    // any type changes.
    SmallVector<Fix> fixes;
    WalkResult walk = module.walk([&](Operation *op) {
      // Globals and function values hold the narrow type in an attribute.
      bool narrow = involvesNarrow(op);
      if (auto global = dyn_cast<memref::GlobalOp>(op))
        narrow = narrowWidthOf(global.getType()) != 0;
      if (auto constant = dyn_cast<func::ConstantOp>(op))
        if (auto type = dyn_cast<FunctionType>(constant.getType()))
          narrow = llvm::any_of(type.getInputs(), getNarrow) ||
                   llvm::any_of(type.getResults(), getNarrow);
      // Only builtin function types are rebuilt with wider integers.
      if (auto function = dyn_cast<FunctionOpInterface>(op);
          function && !isa<FunctionType>(function.getFunctionType()) &&
          (llvm::any_of(function.getArgumentTypes(), getNarrow) ||
           llvm::any_of(function.getResultTypes(), getNarrow))) {
        usmp::emitErrorAt(op)
            << "cannot widen the integers C has no type for in '"
            << op->getName() << "'";
        return WalkResult::interrupt();
      }
      if (!narrow)
        return WalkResult::advance();
      // Function values would keep the narrow type; atomic updates and
      // loop counters compute at the wide width.
      bool narrowCounter = false;
      if (auto loop = dyn_cast<scf::ForOp>(op))
        narrowCounter =
            static_cast<bool>(getNarrow(loop.getInductionVar().getType()));
      if (isa<func::ConstantOp, func::CallIndirectOp, memref::AtomicRMWOp,
              memref::GenericAtomicRMWOp>(op) ||
          narrowCounter) {
        usmp::emitErrorAt(op)
            << "cannot widen the integers C has no type for in '"
            << op->getName() << "'";
        return WalkResult::interrupt();
      }
      // Values and buffers only move, or are compared in an order the
      // sign-extended form keeps (unsigned order included), or are fixed
      // below.
      if (isa<arith::SelectOp, arith::CmpIOp, arith::AndIOp, arith::OrIOp,
              arith::XOrIOp, arith::MaxSIOp, arith::MinSIOp, arith::MaxUIOp,
              arith::MinUIOp, arith::ShRSIOp, arith::DivSIOp, arith::RemSIOp,
              arith::CeilDivSIOp, arith::FloorDivSIOp, arith::CeilDivUIOp,
              arith::SIToFPOp, arith::ExtSIOp, arith::ExtUIOp, arith::TruncIOp,
              arith::ConstantOp, arith::AddIOp, arith::SubIOp, arith::MulIOp,
              arith::ShLIOp, arith::DivUIOp, arith::RemUIOp, arith::ShRUIOp,
              arith::UIToFPOp, arith::FPToSIOp, arith::FPToUIOp,
              arith::IndexCastOp, arith::IndexCastUIOp, linalg::GenericOp,
              func::FuncOp, CallOpInterface>(op) ||
          op->hasTrait<OpTrait::ReturnLike>() ||
          isa_and_nonnull<memref::MemRefDialect, scf::SCFDialect>(
              op->getDialect())) {
        Fix fix{op, {}, 0};
        for (Type type : op->getOperandTypes())
          fix.operandWidths.push_back(narrowWidthOf(type));
        fix.resultWidth = op->getNumResults() == 1
                              ? narrowWidthOf(op->getResult(0).getType())
                              : 0;
        fixes.push_back(std::move(fix));
        return WalkResult::advance();
      }
      usmp::emitErrorAt(op)
          << "cannot widen the integers C has no type for in '" << op->getName()
          << "': its meaning at a wider width is not known";
      return WalkResult::interrupt();
    });
    if (walk.wasInterrupted())
      return signalPassFailure();

    // Every type, then what the types alone do not carry.
    module.walk([&](Operation *op) {
      for (Region &region : op->getRegions())
        for (Block &block : region)
          for (BlockArgument argument : block.getArguments())
            argument.setType(widen(argument.getType()));
      for (OpResult result : op->getResults())
        result.setType(widen(result.getType()));
      if (auto function = dyn_cast<FunctionOpInterface>(op);
          function && isa<FunctionType>(function.getFunctionType()))
        function.setType(FunctionType::get(
            &getContext(),
            llvm::map_to_vector(function.getArgumentTypes(), widen),
            llvm::map_to_vector(function.getResultTypes(), widen)));
    });
    for (const Fix &f : fixes)
      fix(f);
  }

  void fix(const Fix &f) {
    Operation *op = f.op;
    OpBuilder b(op);
    Location loc = op->getLoc();
    auto replaceWith = [&](Value value) {
      op->getResult(0).replaceAllUsesWith(value);
      op->erase();
    };
    if (auto constant = dyn_cast<arith::ConstantOp>(op)) {
      if (auto value = dyn_cast<IntegerAttr>(constant.getValue());
          value && value.getType() != constant.getType())
        constant.setValueAttr(IntegerAttr::get(
            constant.getType(),
            value.getValue().sext(constant.getType().getIntOrFloatBitWidth())));
      return;
    }
    if (auto global = dyn_cast<memref::GlobalOp>(op)) {
      auto type = cast<MemRefType>(widen(global.getType()));
      global.setType(type);
      if (auto value = dyn_cast_or_null<DenseIntElementsAttr>(
              global.getInitialValueAttr()))
        global.setInitialValueAttr(
            value.mapValues(type.getElementType(), [&](const APInt &element) {
              return element.sext(type.getElementTypeBitWidth());
            }));
      return;
    }
    if (auto extend = dyn_cast<arith::ExtSIOp>(op)) {
      // The operand already is its sign extension within its wide type (a
      // wider target still extends it).
      if (f.operandWidths[0] && extend.getIn().getType() == extend.getType())
        replaceWith(extend.getIn());
      return;
    }
    if (auto extend = dyn_cast<arith::ExtUIOp>(op)) {
      // Its low bits, zero-extended.
      if (unsigned width = f.operandWidths[0]) {
        Value low = lowBits(b, loc, extend.getIn(), width);
        if (low.getType() == extend.getType())
          replaceWith(low);
        else
          extend.getInMutable().assign(low);
      }
      return;
    }
    if (auto truncate = dyn_cast<arith::TruncIOp>(op)) {
      // To a narrow width: its bits, sign-extended.
      if (unsigned width = f.resultWidth) {
        Value in = truncate.getIn();
        if (in.getType() != truncate.getType())
          in = arith::TruncIOp::create(b, loc, truncate.getType(), in);
        replaceWith(signExtendLow(b, loc, in, width));
      }
      return;
    }
    if (isa<arith::DivUIOp, arith::RemUIOp, arith::CeilDivUIOp, arith::ShRUIOp,
            arith::UIToFPOp, arith::IndexCastUIOp>(op))
      // Unsigned: the narrow bits alone.
      for (auto [operand, width] :
           llvm::zip_equal(op->getOpOperands(), f.operandWidths))
        if (width)
          operand.set(lowBits(b, loc, operand.get(), width));
    if (isa<arith::AddIOp, arith::SubIOp, arith::MulIOp, arith::ShLIOp,
            arith::DivUIOp, arith::RemUIOp, arith::CeilDivUIOp, arith::ShRUIOp,
            arith::IndexCastOp, arith::IndexCastUIOp, arith::FPToSIOp,
            arith::FPToUIOp>(op) &&
        f.resultWidth) {
      // Wrap as the narrow type would (overflow flags no longer hold).
      if (isa<arith::ArithIntegerOverflowFlagsInterface>(op))
        op->setAttr("overflowFlags",
                    arith::IntegerOverflowFlagsAttr::get(
                        op->getContext(), arith::IntegerOverflowFlags::none));
      wrapResult(op->getResult(0), f.resultWidth);
    }
  }
};

} // namespace
