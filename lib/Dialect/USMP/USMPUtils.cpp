//===- USMPUtils.cpp - Helpers shared by the usmp dialect and passes ------===//

#include "usmp/Dialect/USMP/USMPUtils.h"
#include "usmp/Dialect/USMP/USMPOps.h"

#include "mlir/IR/AttrTypeSubElements.h"
#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/FunctionInterfaces.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;

/// Element types the default data layout can size without asserting.
static bool hasKnownSize(Type type) {
  if (type.isIntOrIndexOrFloat() || isa<DataLayoutTypeInterface>(type))
    return true;
  if (auto vector = dyn_cast<VectorType>(type))
    return !vector.isScalable() && hasKnownSize(vector.getElementType());
  if (auto complex = dyn_cast<ComplexType>(type))
    return hasKnownSize(complex.getElementType());
  return false;
}

/// The bytes an element takes. The C lowering spells index `size_t`, at
/// most 8 bytes on every target: a data layout with a narrower index must not
/// shrink the buffers under the C code.
static uint64_t getElementSize(Type element, const DataLayout &layout) {
  uint64_t size = layout.getTypeSize(element).getFixedValue();
  if (isa<IndexType>(element))
    size = std::max<uint64_t>(size, 8);
  return size;
}

uint64_t usmp::getElementAlignment(Type element, const DataLayout &layout) {
  uint64_t alignment = layout.getTypeABIAlignment(element);
  if (element.isIntOrIndexOrFloat())
    alignment =
        std::max<uint64_t>(alignment, llvm::PowerOf2Ceil(std::max<uint64_t>(
                                          getElementSize(element, layout), 1)));
  return alignment;
}

FailureOr<uint64_t> usmp::getBufferSizeInBytes(MemRefType type,
                                               const DataLayout &layout) {
  if (!type.hasStaticShape())
    return failure();
  if (!hasKnownSize(type.getElementType()))
    return failure();
  uint64_t elementSize = getElementSize(type.getElementType(), layout);
  if (llvm::is_contained(type.getShape(), 0))
    return uint64_t(0);

  bool overflow = false;
  uint64_t span = 1;
  if (type.getLayout().isIdentity()) {
    for (int64_t dim : type.getShape())
      span =
          llvm::SaturatingMultiply(span, static_cast<uint64_t>(dim), &overflow);
  } else {
    // The highest linear element index the layout reaches, plus one.
    SmallVector<int64_t> strides;
    int64_t offset;
    if (failed(type.getStridesAndOffset(strides, offset)) ||
        ShapedType::isDynamic(offset) || offset < 0)
      return failure();
    span = static_cast<uint64_t>(offset);
    for (auto [dim, stride] : llvm::zip(type.getShape(), strides)) {
      if (ShapedType::isDynamic(stride) || stride < 0)
        return failure();
      uint64_t reach =
          llvm::SaturatingMultiply(static_cast<uint64_t>(dim - 1),
                                   static_cast<uint64_t>(stride), &overflow);
      span = llvm::SaturatingAdd(span, reach, &overflow);
    }
    span = llvm::SaturatingAdd(span, uint64_t(1), &overflow);
  }
  uint64_t bytes = llvm::SaturatingMultiply(span, elementSize, &overflow);
  if (overflow || bytes > static_cast<uint64_t>(INT64_MAX))
    return failure();
  return bytes;
}

InFlightDiagnostic usmp::emitErrorAt(Operation *op) {
  if (op->getNumRegions() == 0)
    return op->emitError();
  return emitError(op->getLoc());
}

std::string usmp::sanitizeIdentifier(StringRef name) {
  std::string result;
  if (name.empty() || llvm::isDigit(name.front()))
    result.push_back('_');
  for (char c : name)
    result.push_back(llvm::isAlnum(c) ? c : '_');
  return result;
}

MemRefType usmp::getAllocationType(MemRefType type) {
  return MemRefType::get(type.getShape(), type.getElementType(),
                         MemRefLayoutAttrInterface(), type.getMemorySpace());
}

bool usmp::isAllocationCastable(Type type) {
  auto memref = dyn_cast<MemRefType>(type);
  return memref && memref.hasStaticShape() &&
         memref::CastOp::areCastCompatible(getAllocationType(memref), memref);
}

std::optional<uint64_t> usmp::getOwnAlignment(Operation *op) {
  if (auto alloc = dyn_cast<memref::AllocOp>(op))
    return alloc.getAlignment();
  if (auto alloca = dyn_cast<memref::AllocaOp>(op))
    return alloca.getAlignment();
  if (auto global = dyn_cast<memref::GlobalOp>(op))
    return global.getAlignment();
  return std::nullopt;
}

uint64_t usmp::getRequiredAlignment(Operation *op, MemRefType type,
                                    const DataLayout &layout) {
  uint64_t required = getElementAlignment(type.getElementType(), layout);
  if (std::optional<uint64_t> alignment = getOwnAlignment(op))
    required = std::max(required, *alignment);
  return required;
}

FlatSymbolRefAttr usmp::getPoolOfArgument(Value value) {
  auto argument = dyn_cast<BlockArgument>(value);
  if (!argument)
    return nullptr;
  auto function =
      dyn_cast<FunctionOpInterface>(argument.getOwner()->getParentOp());
  if (!function || argument.getOwner() != &function.getFunctionBody().front())
    return nullptr;
  return function.getArgAttrOfType<FlatSymbolRefAttr>(
      argument.getArgNumber(), USMPDialect::getPoolArgAttrName());
}

LogicalResult usmp::verifyViewPlacement(memref::ViewOp view) {
  auto placement =
      view->getAttrOfType<PlacementAttr>(USMPDialect::getPlacementAttrName());
  if (!placement)
    return success();
  FlatSymbolRefAttr pool = getPoolOfArgument(view.getSource());
  APInt offset;
  if (pool != placement.getPool() ||
      !matchPattern(view.getByteShift(), m_ConstantInt(&offset)) ||
      offset.getSExtValue() != placement.getOffset())
    return view.emitError()
           << "view carries " << placement
           << " but does not view that pool at that constant offset";
  return success();
}

LogicalResult usmp::verifyNotPlanned(ModuleOp module, StringRef pass) {
  for (PoolOp pool : module.getOps<PoolOp>())
    if (pool.getPlannedSizeAttr())
      return emitError(pool.getLoc())
             << "pool @" << pool.getSymName() << " is planned already; " << pass
             << " runs before planning, and a module is planned once";
  return success();
}

LogicalResult usmp::verifyDisjointConstants(ModuleOp module) {
  struct Bytes {
    StringRef pool;
    uint64_t begin, end;
    memref::GlobalOp global;
  };
  SmallVector<Bytes> placed;
  DataLayout layout = DataLayout::closest(module);
  for (auto global : module.getOps<memref::GlobalOp>()) {
    auto placement = global->getAttrOfType<PlacementAttr>(
        USMPDialect::getPlacementAttrName());
    // The dialect has checked the size of every placed global.
    if (!placement)
      continue;
    uint64_t begin = placement.getOffset();
    placed.push_back({placement.getPool().getValue(), begin,
                      begin + *getBufferSizeInBytes(global.getType(), layout),
                      global});
  }
  llvm::sort(placed, [](const Bytes &a, const Bytes &b) {
    return std::make_pair(a.pool, a.begin) < std::make_pair(b.pool, b.begin);
  });
  // Sorted by start, a constant overlaps an earlier one if it starts before
  // the furthest end seen in its pool.
  for (size_t i = 1, furthest = 0; i < placed.size(); ++i) {
    if (placed[i].pool != placed[furthest].pool) {
      furthest = i;
      continue;
    }
    if (placed[i].begin < placed[furthest].end &&
        placed[i].end > placed[i].begin) {
      InFlightDiagnostic diag = placed[i].global.emitError()
                                << "constant @" << placed[i].global.getSymName()
                                << " shares bytes of pool @" << placed[i].pool
                                << " with constant @"
                                << placed[furthest].global.getSymName();
      diag.attachNote(placed[furthest].global.getLoc()) << "placed here";
      return diag;
    }
    if (placed[i].end > placed[furthest].end)
      furthest = i;
  }
  return success();
}

void usmp::replaceSymbolReferences(
    Operation *root, const DenseMap<StringAttr, StringAttr> &renames) {
  AttrTypeReplacer replacer;
  replacer.addReplacement([&](SymbolRefAttr ref) -> std::optional<Attribute> {
    StringAttr name = renames.lookup(ref.getRootReference());
    if (!name)
      return std::nullopt;
    return SymbolRefAttr::get(name, ref.getNestedReferences());
  });
  replacer.recursivelyReplaceElementsIn(root, /*replaceAttrs=*/true,
                                        /*replaceLocs=*/false,
                                        /*replaceTypes=*/false);
}

/// The dense attribute of `resource`'s bytes, or an error at `op`.
static FailureOr<DenseElementsAttr>
readResource(Operation *op, DenseResourceElementsAttr resource) {
  DenseResourceElementsHandle handle = resource.getRawHandle();
  const AsmResourceBlob *blob = handle.getBlob();
  if (!blob)
    return op->emitError() << "the data of resource '" << handle.getKey()
                           << "' is missing (was it elided when the model was "
                              "printed?)";
  ArrayRef<char> data = blob->getData();
  ShapedType type = resource.getType();
  // Resources hold a byte per boolean, dense attributes a bit.
  if (type.getElementType().isInteger(1)) {
    if (static_cast<int64_t>(data.size()) == type.getNumElements())
      return DenseElementsAttr::get(
          type, llvm::map_to_vector(data, [](char c) { return c != 0; }));
  } else if (bool splat = false;
             DenseElementsAttr::isValidRawBuffer(type, data, splat) &&
             // One element's bytes are a splat to dense attributes, but too
             // short a resource here.
             (!splat || type.getNumElements() == 1)) {
    return DenseElementsAttr::getFromRawBuffer(type, data);
  }
  return op->emitError() << "resource '" << handle.getKey() << "' holds "
                         << data.size()
                         << (data.size() == 1 ? " byte" : " bytes")
                         << ", not the elements of " << type;
}

LogicalResult usmp::inlineResourceElements(Operation *root) {
  WalkResult walk = root->walk([](Operation *op) {
    for (NamedAttribute attr : op->getAttrs()) {
      auto resource = dyn_cast<DenseResourceElementsAttr>(attr.getValue());
      if (!resource)
        continue;
      FailureOr<DenseElementsAttr> value = readResource(op, resource);
      if (failed(value))
        return WalkResult::interrupt();
      op->setAttr(attr.getName(), *value);
    }
    return WalkResult::advance();
  });
  return failure(walk.wasInterrupted());
}
