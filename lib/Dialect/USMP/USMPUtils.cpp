//===- USMPUtils.cpp - Helpers shared by the usmp dialect and passes ------===//

#include "usmp/Dialect/USMP/USMPUtils.h"

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

uint64_t usmp::getElementAlignment(Type element, const DataLayout &layout) {
  uint64_t alignment = layout.getTypeABIAlignment(element);
  if (element.isIntOrIndexOrFloat())
    alignment = std::max<uint64_t>(
        alignment, llvm::PowerOf2Ceil(std::max<uint64_t>(
                       layout.getTypeSize(element).getFixedValue(), 1)));
  return alignment;
}

FailureOr<uint64_t> usmp::getBufferSizeInBytes(MemRefType type,
                                               const DataLayout &layout) {
  if (!type.hasStaticShape())
    return failure();
  if (!hasKnownSize(type.getElementType()))
    return failure();
  uint64_t elementSize =
      layout.getTypeSize(type.getElementType()).getFixedValue();
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

std::string usmp::sanitizeIdentifier(StringRef name) {
  std::string result;
  if (name.empty() || llvm::isDigit(name.front()))
    result.push_back('_');
  for (char c : name)
    result.push_back(llvm::isAlnum(c) ? c : '_');
  return result;
}
