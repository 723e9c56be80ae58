//===- USMPDialect.cpp - The usmp dialect ---------------------------------===//

#include "usmp/Dialect/USMP/USMPDialect.h"
#include "usmp/Dialect/USMP/USMPAttributes.h"
#include "usmp/Dialect/USMP/USMPOps.h"
#include "usmp/Dialect/USMP/USMPUtils.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/Interfaces/DataLayoutInterfaces.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace usmp;

#include "usmp/Dialect/USMP/USMPOpsDialect.cpp.inc"

void USMPDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "usmp/Dialect/USMP/USMPOps.cpp.inc"
      >();
  registerAttributes();
}

/// The pool `name` names from `op`, in the nearest symbol table, scanned from
/// both ends: every annotated operation looks its pools up when verified,
/// and pools come first or last in a module, so a lookup takes a few steps
/// rather than a walk past every function (quadratic in the module's size).
static PoolOp lookupPool(Operation *op, FlatSymbolRefAttr name) {
  Operation *table = SymbolTable::getNearestSymbolTable(op);
  if (!table || table->getNumRegions() == 0 || table->getRegion(0).empty())
    return {};
  auto match = [&](Operation &candidate) {
    auto pool = dyn_cast<PoolOp>(candidate);
    return pool && pool.getSymNameAttr() == name.getAttr() ? pool : PoolOp();
  };
  Block &block = table->getRegion(0).front();
  Block::iterator front = block.begin(), back = block.end();
  while (front != back) {
    if (PoolOp pool = match(*front++))
      return pool;
    if (front == back)
      break;
    if (PoolOp pool = match(*--back))
      return pool;
  }
  return {};
}

/// The single memref result of `op`, with the checks every buffer attribute
/// needs: a statically shaped memref whose size is known.
static FailureOr<std::pair<MemRefType, uint64_t>>
getPlannableBuffer(Operation *op, StringRef attrName) {
  // What the passes create, rewrite and read buffers from.
  MemRefType type;
  if (auto global = dyn_cast<memref::GlobalOp>(op))
    type = global.getType();
  else if (isa<memref::AllocOp, memref::AllocaOp, memref::ViewOp>(op))
    type = cast<MemRefType>(op->getResult(0).getType());
  else
    return op->emitOpError() << "'" << attrName
                             << "' is only valid on memref.alloc, "
                                "memref.alloca, memref.view or memref.global";
  if (!type.hasStaticShape())
    return op->emitOpError()
           << "'" << attrName << "' requires a statically shaped memref, got "
           << type;
  FailureOr<uint64_t> size =
      getBufferSizeInBytes(type, DataLayout::closest(op));
  if (failed(size))
    return op->emitOpError() << "'" << attrName
                             << "' requires a memref whose size in bytes is "
                                "known and fits in 63 bits, got "
                             << type;
  return std::make_pair(type, *size);
}

static LogicalResult verifyPlacement(Operation *op, PlacementAttr placement) {
  StringRef name = USMPDialect::getPlacementAttrName();
  FailureOr<std::pair<MemRefType, uint64_t>> buffer =
      getPlannableBuffer(op, name);
  if (failed(buffer))
    return failure();
  // The buffer becomes a view of the pool's bytes.
  MemRefType type = buffer->first;
  if (!type.getLayout().isIdentity() || type.getMemorySpace())
    return op->emitOpError()
           << "'" << name << "' requires an identity layout and the default "
           << "memory space (the buffer becomes a view of the pool), got "
           << type;
  PoolOp pool = lookupPool(op, placement.getPool());
  if (!pool)
    return op->emitOpError()
           << "'" << name << "' refers to unknown pool " << placement.getPool();
  // Constant pools hold the data of constants; nothing would copy a
  // constant's data into a workspace pool.
  auto global = dyn_cast<memref::GlobalOp>(op);
  if (global && !global.getConstant())
    return op->emitOpError() << "'" << name
                             << "' on a global that is not constant; only "
                                "constants are placed, in constant pools";
  bool isConstant = global != nullptr;
  if (isConstant != (pool.getKind() == PoolKind::Constant))
    return op->emitOpError()
           << (isConstant ? "a constant" : "a buffer") << " placed in "
           << stringifyPoolKind(pool.getKind()) << " pool "
           << placement.getPool() << "; constants go to constant pools, "
           << "everything else to workspace pools";
  int64_t offset = placement.getOffset();
  int64_t poolAlignment = pool.getAlignment();
  if (poolAlignment > 0 && offset % poolAlignment != 0)
    return op->emitOpError()
           << "offset " << offset << " in pool " << placement.getPool()
           << " is not a multiple of the pool's alignment " << poolAlignment;
  if (std::optional<uint64_t> alignment = getOwnAlignment(op)) {
    int64_t bufferAlignment = *alignment;
    if (bufferAlignment > 0 && offset % bufferAlignment != 0)
      return op->emitOpError()
             << "offset " << offset << " in pool " << placement.getPool()
             << " is not a multiple of the allocation's alignment "
             << bufferAlignment;
    // Offsets count from the pool's base, aligned only as the pool says.
    if (bufferAlignment > poolAlignment)
      return op->emitOpError()
             << "needs " << bufferAlignment << "-byte alignment, more than "
             << "pool " << placement.getPool() << " guarantees ("
             << poolAlignment << ")";
  }
  uint64_t elementAlignment =
      getElementAlignment(type.getElementType(), DataLayout::closest(op));
  if (elementAlignment > static_cast<uint64_t>(poolAlignment))
    return op->emitOpError()
           << "holds " << type.getElementType() << " elements, which "
           << "need " << elementAlignment << "-byte alignment, more than pool "
           << placement.getPool() << " guarantees (" << poolAlignment << ")";
  uint64_t end = static_cast<uint64_t>(offset) + buffer->second;
  if (end < buffer->second || end > static_cast<uint64_t>(INT64_MAX))
    return op->emitOpError()
           << "buffer of " << buffer->second << " bytes at offset " << offset
           << " overflows 63-bit offsets";
  if (std::optional<int64_t> capacity = pool.getCapacity())
    if (end > static_cast<uint64_t>(*capacity))
      return op->emitOpError()
             << "buffer of " << buffer->second << " bytes at offset " << offset
             << " ends at byte " << end << ", outside pool "
             << placement.getPool() << " of " << *capacity << " bytes";
  return success();
}

static LogicalResult verifyIO(Operation *op, IOAttr io) {
  StringRef name = USMPDialect::getIOAttrName();
  // A global's contents are the model's own, no input or output.
  if (isa<memref::GlobalOp>(op))
    return op->emitOpError() << "'" << name
                             << "' is only valid on memref.alloc, "
                                "memref.alloca or memref.view";
  if (failed(getPlannableBuffer(op, name)))
    return failure();
  // Names and (direction, index) pairs are unique in the enclosing isolated
  // region. The region's first marked operation checks them all in one walk
  // (each checking its own would be quadratic), reporting a duplicate where
  // it occurs and pointing at the first.
  Operation *scope = op->getParentWithTrait<OpTrait::IsIsolatedFromAbove>();
  if (!scope)
    return success();
  Operation *firstMarked = nullptr;
  scope->walk([&](Operation *other) {
    if (!other->hasAttr(name))
      return WalkResult::advance();
    firstMarked = other;
    return WalkResult::interrupt();
  });
  if (firstMarked != op)
    return success();
  llvm::StringMap<Location> byName;
  DenseMap<std::pair<unsigned, int64_t>, Location> byIndex;
  auto key = [](IOAttr io) {
    return std::make_pair(static_cast<unsigned>(io.getDirection()),
                          io.getIndex());
  };
  // The function's own markers come first: an argument or result claiming
  // a name is as much the model's input or output as an allocation.
  if (auto function = dyn_cast<FunctionOpInterface>(scope)) {
    auto claim = [&](DictionaryAttr attrs, Location loc) {
      if (auto marker = attrs ? attrs.getAs<IOAttr>(name) : IOAttr()) {
        byName.try_emplace(marker.getName(), loc);
        byIndex.try_emplace(key(marker), loc);
      }
    };
    for (unsigned i = 0, e = function.getNumArguments(); i < e; ++i)
      claim(function.getArgAttrDict(i), function.getArgument(i).getLoc());
    for (unsigned i = 0, e = function.getNumResults(); i < e; ++i)
      claim(function.getResultAttrDict(i), function->getLoc());
  }
  WalkResult walk = scope->walk([&](Operation *other) {
    auto otherIO = other->getAttrOfType<IOAttr>(name);
    if (!otherIO)
      return WalkResult::advance();
    auto [sameName, newName] =
        byName.try_emplace(otherIO.getName(), other->getLoc());
    if (!newName) {
      InFlightDiagnostic diag = other->emitOpError()
                                << "duplicate I/O name '" << otherIO.getName()
                                << "'";
      diag.attachNote(sameName->second) << "first used here";
      return WalkResult::interrupt();
    }
    auto [sameIndex, newIndex] =
        byIndex.try_emplace(key(otherIO), other->getLoc());
    if (!newIndex) {
      InFlightDiagnostic diag = other->emitOpError()
                                << "duplicate "
                                << stringifyIODirection(otherIO.getDirection())
                                << " index " << otherIO.getIndex();
      diag.attachNote(sameIndex->second) << "first used here";
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return failure(walk.wasInterrupted());
}

static LogicalResult verifyCandidatePools(Operation *op, Attribute value) {
  StringRef name = USMPDialect::getPoolsAttrName();
  auto pools = dyn_cast<ArrayAttr>(value);
  if (!pools || !llvm::all_of(pools, llvm::IsaPred<FlatSymbolRefAttr>))
    return op->emitOpError()
           << "'" << name << "' must be an array of pool symbols";
  // Candidates are for buffers still to plan; a view is planned already.
  if (isa<memref::ViewOp>(op))
    return op->emitOpError() << "'" << name
                             << "' is only valid on memref.alloc, "
                                "memref.alloca or memref.global";
  if (failed(getPlannableBuffer(op, name)))
    return failure();
  llvm::SmallDenseSet<Attribute> seen;
  for (auto pool : pools.getAsRange<FlatSymbolRefAttr>()) {
    if (!lookupPool(op, pool))
      return op->emitOpError()
             << "'" << name << "' refers to unknown pool " << pool;
    if (!seen.insert(pool).second)
      return op->emitOpError()
             << "'" << name << "' lists pool " << pool << " twice";
  }
  return success();
}

/// Checks an I/O marker on argument or result `index` of `op`: it is an
/// #usmp.io (an output, on a result) on a statically shaped memref or tensor,
/// and no other argument or result of the function carries the same name or
/// (direction, index).
static LogicalResult verifyIOMarker(Operation *op, StringRef what,
                                    unsigned index, Type type,
                                    Attribute value) {
  StringRef name = USMPDialect::getIOAttrName();
  auto io = dyn_cast<IOAttr>(value);
  if (!io)
    return op->emitOpError() << "'" << name << "' of " << what << " " << index
                             << " must be a #usmp.io attribute";
  // What a function returns is what the model produces; an input there would
  // leave the C API without that output.
  if (what == "result" && io.getDirection() == IODirection::Input)
    return op->emitOpError()
           << "'" << name << "' of result " << index << " marks input '"
           << io.getName() << "'; a result is always an output";
  if (!isa_and_nonnull<BaseMemRefType, TensorType>(type))
    return op->emitOpError()
           << "'" << name << "' of " << what << " " << index
           << " is only valid on a memref or tensor, got " << type;
  if (!cast<ShapedType>(type).hasStaticShape())
    return op->emitOpError() << "'" << name << "' of " << what << " " << index
                             << " requires a static shape, got " << type;
  auto function = dyn_cast<FunctionOpInterface>(op);
  if (!function)
    return success();
  // The function's first marker checks every argument and result at once
  // (each checking the earlier ones would be quadratic), reporting a clash
  // at the later of the two.
  bool isArgument = what == "argument";
  auto markerOf = [&](DictionaryAttr attrs) {
    return attrs ? attrs.getAs<IOAttr>(name) : IOAttr();
  };
  for (unsigned i = 0, e = function.getNumArguments();
       i < (isArgument ? index : e); ++i)
    if (markerOf(function.getArgAttrDict(i)))
      return success();
  if (!isArgument)
    for (unsigned i = 0; i < index; ++i)
      if (markerOf(function.getResultAttrDict(i)))
        return success();
  using Position = std::pair<StringRef, unsigned>;
  llvm::StringMap<Position> byName;
  DenseMap<std::pair<unsigned, int64_t>, Position> byIndex;
  auto check = [&](DictionaryAttr attrs, Position position) -> LogicalResult {
    IOAttr marker = markerOf(attrs);
    if (!marker)
      return success();
    auto [sameName, newName] = byName.try_emplace(marker.getName(), position);
    if (!newName)
      return op->emitOpError()
             << "I/O name '" << marker.getName() << "' of " << position.first
             << " " << position.second << " is also used by "
             << sameName->second.first << " " << sameName->second.second;
    auto [sameIndex, newIndex] = byIndex.try_emplace(
        {static_cast<unsigned>(marker.getDirection()), marker.getIndex()},
        position);
    if (!newIndex)
      return op->emitOpError()
             << stringifyIODirection(marker.getDirection()) << " index "
             << marker.getIndex() << " of " << position.first << " "
             << position.second << " is also used by "
             << sameIndex->second.first << " " << sameIndex->second.second;
    return success();
  };
  for (unsigned i = 0, e = function.getNumArguments(); i < e; ++i)
    if (failed(check(function.getArgAttrDict(i), {"argument", i})))
      return failure();
  for (unsigned i = 0, e = function.getNumResults(); i < e; ++i)
    if (failed(check(function.getResultAttrDict(i), {"result", i})))
      return failure();
  return success();
}

LogicalResult USMPDialect::verifyRegionArgAttribute(Operation *op,
                                                    unsigned regionIndex,
                                                    unsigned argIndex,
                                                    NamedAttribute attribute) {
  StringRef name = attribute.getName().strref();
  // A function's type is the truth: its entry block is verified after the
  // attributes, and may not match it yet.
  Region &region = op->getRegion(regionIndex);
  Type type;
  if (auto function = dyn_cast<FunctionOpInterface>(op))
    type = function.getArgumentTypes()[argIndex];
  else if (!region.empty() && argIndex < region.getNumArguments())
    type = region.getArgument(argIndex).getType();
  if (name == getIOAttrName())
    return verifyIOMarker(op, "argument", argIndex, type, attribute.getValue());
  if (name == getWorkspaceIOAttrName()) {
    if (!isa<UnitAttr>(attribute.getValue()))
      return op->emitOpError() << "'" << name << "' of argument " << argIndex
                               << " must be a unit attribute";
    if (!isa_and_nonnull<BaseMemRefType, TensorType>(type))
      return op->emitOpError()
             << "'" << name << "' of argument " << argIndex
             << " is only valid on a memref or tensor, got " << type;
    return success();
  }
  if (name != getPoolArgAttrName())
    return op->emitOpError()
           << "unknown usmp argument attribute '" << name << "'";
  auto pool = dyn_cast<FlatSymbolRefAttr>(attribute.getValue());
  if (!pool)
    return op->emitOpError() << "'" << name << "' of argument " << argIndex
                             << " must be a pool symbol";
  PoolOp poolOp = lookupPool(op, pool);
  if (!poolOp)
    return op->emitOpError() << "'" << name << "' of argument " << argIndex
                             << " refers to unknown pool " << pool;
  auto memref = dyn_cast_or_null<MemRefType>(type);
  if (!memref || memref.getRank() != 1 || !memref.hasStaticShape() ||
      !memref.getElementType().isSignlessInteger(8) ||
      !memref.getLayout().isIdentity() || memref.getMemorySpace())
    return op->emitOpError() << "pool argument " << argIndex
                             << " must be a static memref<Nxi8>, got " << type;
  if (std::optional<int64_t> capacity = poolOp.getCapacity();
      capacity && memref.getDimSize(0) > *capacity)
    return op->emitOpError()
           << "pool argument " << argIndex << " has " << memref.getDimSize(0)
           << " bytes, more than pool " << pool << " holds (" << *capacity
           << ")";
  // A pool is the application's memory, not a tensor of the model.
  if (auto function = dyn_cast<FunctionOpInterface>(op))
    for (StringRef io : {getIOAttrName(), getWorkspaceIOAttrName()})
      if (function.getArgAttr(argIndex, io))
        return op->emitOpError()
               << "pool argument " << argIndex << " cannot also carry '" << io
               << "': a pool is no model input or output";
  return success();
}

LogicalResult
USMPDialect::verifyRegionResultAttribute(Operation *op, unsigned regionIndex,
                                         unsigned resultIndex,
                                         NamedAttribute attribute) {
  StringRef name = attribute.getName().strref();
  if (name != getIOAttrName())
    return op->emitOpError()
           << "unknown usmp result attribute '" << name << "'";
  auto function = dyn_cast<FunctionOpInterface>(op);
  if (!function)
    return op->emitOpError()
           << "'" << name << "' is only valid on function results";
  return verifyIOMarker(op, "result", resultIndex,
                        function.getResultTypes()[resultIndex],
                        attribute.getValue());
}

LogicalResult USMPDialect::verifyOperationAttribute(Operation *op,
                                                    NamedAttribute attribute) {
  StringRef name = attribute.getName().strref();
  if (name == getPoolsAttrName())
    return verifyCandidatePools(op, attribute.getValue());
  if (name == getPlacementAttrName()) {
    auto placement = dyn_cast<PlacementAttr>(attribute.getValue());
    if (!placement)
      return op->emitOpError()
             << "'" << name << "' must be a #usmp.placement attribute";
    return verifyPlacement(op, placement);
  }
  if (name == getIOAttrName()) {
    auto io = dyn_cast<IOAttr>(attribute.getValue());
    if (!io)
      return op->emitOpError()
             << "'" << name << "' must be a #usmp.io attribute";
    return verifyIO(op, io);
  }
  if (name == "usmp.model_name") {
    auto model = dyn_cast<StringAttr>(attribute.getValue());
    if (!isa<ModuleOp>(op) || !model || model.getValue().empty())
      return op->emitOpError()
             << "'usmp.model_name' must be a non-empty string on a module";
    return success();
  }
  return op->emitOpError() << "unknown usmp attribute '" << name << "'";
}
