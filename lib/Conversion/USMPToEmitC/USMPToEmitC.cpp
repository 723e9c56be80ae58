//===- USMPToEmitC.cpp - Lower a planned model and its C API to EmitC -----===//
//
// The C API follows the one TVM's code generator ships (see docs/CAPI.md):
// a header with size macros, the inputs/outputs/pools structs and the
// prototypes, and a source with the model's code, map_inputs/map_outputs and
// run. Everything is built from EmitC ops; struct declarations and macros,
// which EmitC has no ops for, are emitc.verbatim lines.
//
//===----------------------------------------------------------------------===//

#include "CNames.h"

#include "usmp/Analysis/BufferLiveness.h"
#include "usmp/Conversion/Passes.h"
#include "usmp/Dialect/USMP/USMPOps.h"
#include "usmp/Dialect/USMP/USMPUtils.h"

#include "mlir/Conversion/ArithToEmitC/ArithToEmitC.h"
#include "mlir/Conversion/FuncToEmitC/FuncToEmitC.h"
#include "mlir/Conversion/MemRefToEmitC/MemRefToEmitC.h"
#include "mlir/Conversion/Passes.h"
#include "mlir/Conversion/SCFToEmitC/SCFToEmitC.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/Dialect/EmitC/IR/EmitC.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Index/IR/IndexDialect.h"
#include "mlir/Dialect/Index/IR/IndexOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/Format.h"

namespace usmp {
#define GEN_PASS_DEF_CONVERTUSMPTOEMITCPASS
#include "usmp/Conversion/Passes.h.inc"
} // namespace usmp

using namespace mlir;
using namespace usmp;

namespace {

/// The largest constant pool whose data the C API writes out, as text of
/// six characters a byte.
constexpr int64_t kMaxConstantPoolBytes = int64_t(1) << 28;
/// The largest alignment of an internal pool's static array.
constexpr int64_t kMaxInternalPoolAlignment = int64_t(1) << 28;

/// A pool as the C API sees it.
struct PoolInfo {
  StringRef symbol;
  std::string name;  // C identifier
  std::string macro; // its part of the pool's macros
  std::string array; // the static array of an internal pool
  LocationAttr loc;
  bool constant = false;
  bool internal = false;
  bool usedByModel = false;
  int64_t size = 0;
  int64_t alignment = 1;
  std::vector<uint8_t> data;
};

/// An input or output of the model.
struct TensorInfo {
  IOAttr io;
  std::string name;  // C identifier
  std::string macro; // its part of the size macro
  LocationAttr loc;
  uint64_t size = 0;
  /// In a pool: its index and offset; else the entry argument it is.
  int pool = -1;
  int64_t offset = 0;
  int argument = -1;
};

/// Typedefs of array rows, declared once each. Their names begin with the
/// model's prefix, so that two models' sources can be compiled as one (C99
/// refuses a typedef repeated), and avoid every other name at file scope.
struct RowTypedefs {
  std::string prefix; // tvmgen_<model>_row
  llvm::StringSet<> taken;
  /// The name given to each row, by its natural name.
  llvm::StringMap<std::string> names;
  SmallVector<std::string> declarations;
};

/// A function whose pool views become parameters of `impl`.
struct SplitFunction {
  std::string name;
  std::string impl;
  /// Per view: the pool argument it views, its offset and type.
  SmallVector<std::tuple<unsigned, int64_t, MemRefType>> views;
  /// Parameters of `impl` it does not use, which are removed; a wrapper
  /// passes no argument for them.
  llvm::BitVector unusedImplParameters;
};

/// What one run of the pass learns about its module. A pass instance runs
/// on every module a pipeline nests it in, one after the other, so each run
/// starts from a fresh one.
struct ModuleState {
  std::string prefix;         // tvmgen_<model>
  std::string macroPrefix;    // TVMGEN_<MODEL>
  std::string tvmMacroPrefix; // TVM_<MODEL>
  std::string entryName;
  SmallVector<PoolInfo> pools;
  llvm::StringMap<unsigned> poolIndex;
  SmallVector<TensorInfo> inputs, outputs;
  /// Per entry argument: a pool index, or -1 for an I/O tensor.
  SmallVector<int> entryArgumentPools;
  SmallVector<Type> entryArgumentTypes;
  SmallVector<SplitFunction> splits;
  /// The constants flattenGlobal made one-dimensional: their C names, to
  /// their symbols.
  llvm::StringMap<std::string> flattenedGlobals;
  /// The alignment globals defined here carry beyond their elements', by C
  /// name.
  llvm::StringMap<int64_t> globalAlignments;
  /// Row typedefs pointers into pools are cast to, in first-use order.
  RowTypedefs rowTypedefs;
  /// The model's state (globals defined here that are not constant), by C
  /// name: the C name of a constant copy of its initial value (empty when
  /// it has none, or zero bytes), which holds one element when all are the
  /// same.
  struct StateInfo {
    std::string initial;
    bool splat = false;
  };
  llvm::StringMap<StateInfo> stateGlobals;
  /// Whether the model has state, so the C API has reset_state (even when
  /// lowering leaves none of it: the API does not change with dead code).
  bool hasState = false;
  /// The bytes an index element of an input or output counts in its size
  /// macro, when one has index elements: the C code holds them in size_t,
  /// so the source checks that it is as wide.
  std::optional<uint64_t> indexBytes;
};

struct ConvertUSMPToEmitCPass
    : public usmp::impl::ConvertUSMPToEmitCPassBase<ConvertUSMPToEmitCPass>,
      private ModuleState {
  using Base::Base;
  void runOnOperation() override;

  /// Upstream's convert-to-emitc lowers only the dialects whose conversion
  /// interface is registered: a compiler registering the dialects alone got
  /// "no EmitC conversion handles it" for every arith.constant.
  void getDependentDialects(DialectRegistry &registry) const override {
    Base::getDependentDialects(registry);
    registerConvertArithToEmitCInterface(registry);
    registerConvertFuncToEmitCInterface(registry);
    registerConvertMemRefToEmitCInterface(registry);
    registerConvertSCFToEmitCInterface(registry);
  }

private:
  LogicalResult collect(ModuleOp module, func::FuncOp entry);
  LogicalResult checkSpellings();
  LogicalResult checkMacros();
  std::string poolMacro(const PoolInfo &pool, StringRef suffix) const {
    return macroPrefix + "_" + pool.macro + "_" + suffix.str();
  }
  std::string sizeMacro(const TensorInfo &tensor) const {
    return macroPrefix + "_" + tensor.macro + "_SIZE";
  }
  /// A model symbol's C name at file scope, `<prefix>_<name>` with the
  /// name's runs of `_` made one and none at its ends (C++ reserves names
  /// with two in a row anywhere).
  std::string fileScopeName(StringRef symbol) const;
  LogicalResult prepareModelCode(ModuleOp module);
  LogicalResult lowerModelCode(ModuleOp module);
  void removeUnusedParameters(ModuleOp module);
  void buildWrappers(ModuleOp module);
  void buildFiles(ModuleOp module);
};

} // namespace

/// The C spelling of an element type as the EmitC printer writes it.
static std::string cTypeName(Type type) {
  if (type.isF16())
    return "_Float16";
  if (type.isBF16())
    return "__bf16";
  if (type.isF32())
    return "float";
  if (type.isF64())
    return "double";
  if (type.isIndex())
    return "size_t";
  if (auto integer = dyn_cast<IntegerType>(type)) {
    if (integer.getWidth() == 1)
      return "bool";
    return (integer.isUnsigned() ? "uint" : "int") +
           std::to_string(integer.getWidth()) + "_t";
  }
  return "";
}

static std::string upper(StringRef text) { return text.upper(); }

/// `name` sanitized with its runs of `_` made one: C++ reserves names with
/// two in a row.
static std::string sanitizedWithoutRuns(StringRef name) {
  std::string result;
  for (char c : sanitizeIdentifier(name))
    if (c != '_' || result.empty() || result.back() != '_')
      result += c;
  return result;
}

/// The same with no `_` at either end: the model name, a tensor's or pool's
/// part of a macro (`_x` would make `__` after `TVMGEN_M_`) and a symbol's
/// part of a file-scope name.
static std::string collapsedIdentifier(StringRef name) {
  return StringRef(sanitizedWithoutRuns(name)).trim('_').str();
}

std::string ConvertUSMPToEmitCPass::fileScopeName(StringRef symbol) const {
  // (A name without a letter or digit, which would be empty here, is an
  // error before any is written.)
  return prefix + "_" + collapsedIdentifier(symbol);
}

/// The struct field of a tensor or pool: its sanitized name with its runs of
/// `_` made one (C++ reserves names with two in a row), with a `_` appended
/// when that is a keyword or macro of C, and a `v` in front when it begins
/// with `_` and a capital, as C's reserved names (`_Bool` and the other
/// keywords of that form among them) do.
static std::string fieldName(StringRef name) {
  std::string field = sanitizedWithoutRuns(name);
  if (isReservedInC(field))
    field += "_";
  if (field.size() > 1 && field[0] == '_' && llvm::isUpper(field[1]))
    field = "v" + field;
  return field;
}

/// How a tensor is named in diagnostics.
static std::string describe(const TensorInfo &tensor) {
  return (tensor.io.getDirection() == IODirection::Input ? "input '"
                                                         : "output '") +
         tensor.io.getName().str() + "'";
}

LogicalResult ConvertUSMPToEmitCPass::collect(ModuleOp module,
                                              func::FuncOp entry) {
  // Pools, in module order.
  for (PoolOp pool : module.getOps<PoolOp>()) {
    if (!pool.getPlannedSizeAttr())
      return pool.emitError() << "pool @" << pool.getSymName()
                              << " has no planned size; run usmp-pipeline "
                                 "first";
    PoolInfo info;
    info.symbol = pool.getSymName();
    info.name = fieldName(pool.getSymName());
    info.macro = upper(collapsedIdentifier(pool.getSymName()));
    info.array = fileScopeName(pool.getSymName());
    info.loc = pool.getLoc();
    info.constant = pool.getKind() == PoolKind::Constant;
    info.size = pool.getPlannedSizeAttr().getInt();
    info.alignment = pool.getAlignmentAttr().getInt();
    info.internal = pool.getInternal() ||
                    llvm::is_contained(internalPools, pool.getSymName().str());
    // GCC refuses larger alignments on ELF targets ("exceeds object file
    // maximum").
    if (info.internal && info.alignment > kMaxInternalPoolAlignment)
      return emitError(pool.getLoc())
             << "internal pool @" << pool.getSymName() << " needs "
             << info.alignment << "-byte alignment; C compilers accept up to "
             << kMaxInternalPoolAlignment << " for a static array ("
             << (pool.getInternal()
                     ? "drop its 'internal' so that the application "
                       "provides it; the default pool: declare one with the "
                       "'pools' option"
                     : "leave it out of 'internal-pools' so that the "
                       "application provides it")
             << ")";
    if (info.constant && info.size > kMaxConstantPoolBytes)
      return pool.emitError()
             << "constant pool @" << pool.getSymName() << " has " << info.size
             << " bytes; the C API writes its data out as text, "
             << "for pools of up to " << kMaxConstantPoolBytes << " bytes";
    if (info.constant)
      info.data.assign(info.size, 0);
    poolIndex[pool.getSymName()] = pools.size();
    pools.push_back(std::move(info));
  }
  llvm::StringSet<> internal;
  for (const std::string &name : internalPools) {
    // As in every option naming a symbol (`pools`, `entry`).
    if (StringRef(name).starts_with("@"))
      return emitError(module.getLoc())
             << "option 'internal-pools' names '" << name
             << "': pool names are given without '@'";
    if (!poolIndex.count(name)) {
      InFlightDiagnostic diag = emitError(module.getLoc())
                                << "option 'internal-pools' names @" << name
                                << ", which is not a pool of the module (";
      if (pools.empty())
        diag << "it has none";
      else
        llvm::interleaveComma(pools, diag, [&](const PoolInfo &pool) {
          diag << "@" << pool.symbol;
        });
      return diag << ")";
    }
    // A pool given twice is most likely a typo for another.
    if (!internal.insert(name).second)
      return emitError(module.getLoc())
             << "option 'internal-pools' names @" << name << " twice";
  }
  llvm::StringMap<StringRef> poolNames;
  for (const PoolInfo &pool : pools) {
    auto [it, inserted] = poolNames.try_emplace(pool.name, pool.symbol);
    if (!inserted)
      return emitError(pool.loc)
             << "pool names '" << it->second << "' and '" << pool.symbol
             << "' are both '" << it->first() << "' as C identifiers";
  }

  // Constant pool contents, from the globals placed in them.
  if (failed(verifyDisjointConstants(module)))
    return failure();
  for (auto global : module.getOps<memref::GlobalOp>()) {
    auto placement = global->getAttrOfType<PlacementAttr>(
        USMPDialect::getPlacementAttrName());
    if (!placement)
      continue;
    PoolInfo &pool = pools[poolIndex.lookup(placement.getPool().getValue())];
    auto value =
        dyn_cast_or_null<DenseElementsAttr>(global.getInitialValueAttr());
    Type element = global.getType().getElementType();
    bool isBool = element.isInteger(1);
    auto refuse = [&](StringRef why) {
      return emitError(global.getLoc())
             << "cannot place constant @" << global.getSymName() << " in pool "
             << placement.getPool() << ": " << why;
    };
    if (!value)
      return refuse("it has no dense initial value");
    if (isa<IndexType>(element))
      return refuse("its elements are index, whose width is the target's; "
                    "use i64 elements");
    if (!element.isIntOrFloat())
      return refuse("its elements are no integers or floats");
    if (!isBool && element.getIntOrFloatBitWidth() % 8 != 0)
      return refuse("its elements do not fill whole bytes");
    // The C code reads a bool, a byte of 0 or 1, where the attribute has a
    // bit.
    if (isBool) {
      for (auto [i, bit] : llvm::enumerate(value.getValues<bool>()))
        pool.data[placement.getOffset() + i] = bit;
      continue;
    }
    uint64_t width = element.getIntOrFloatBitWidth() / 8;
    ArrayRef<char> raw = value.getRawData();
    int64_t count = global.getType().getNumElements();
    for (int64_t i = 0; i < count; ++i)
      for (uint64_t b = 0; b < width; ++b) {
        uint64_t source = value.isSplat() ? b : i * width + b;
        pool.data[placement.getOffset() + i * width + b] =
            static_cast<uint8_t>(raw[source]);
      }
  }

  // The entry's arguments: I/O tensors outside pools, then pools.
  DataLayout layout = DataLayout::closest(module);
  // Bufferization makes tensor results out-parameters; other values stay.
  for (Type result : entry.getResultTypes())
    if (!isa<ShapedType>(result))
      return emitError(entry.getLoc())
             << "the entry function returns " << result
             << "; the C API's outputs are buffers (return a tensor)";
  if (entry.getNumResults() != 0)
    return emitError(entry.getLoc())
           << "the entry function returns values; the C API needs its "
              "outputs as arguments (run usmp-from-tosa or "
              "buffer-results-to-out-params)";
  for (unsigned i = 0, e = entry.getNumArguments(); i < e; ++i) {
    Type type = entry.getArgumentTypes()[i];
    entryArgumentTypes.push_back(type);
    if (auto pool = entry.getArgAttrOfType<FlatSymbolRefAttr>(
            i, USMPDialect::getPoolArgAttrName())) {
      int index = poolIndex.lookup(pool.getValue());
      pools[index].usedByModel = true;
      entryArgumentPools.push_back(index);
      continue;
    }
    auto io = entry.getArgAttrOfType<IOAttr>(i, USMPDialect::getIOAttrName());
    auto memref = dyn_cast<MemRefType>(type);
    Location loc = entry.getArgument(i).getLoc();
    if (auto shaped = dyn_cast<BaseMemRefType>(type);
        shaped && !shaped.hasStaticShape())
      return emitError(loc)
             << "argument " << i << " of @" << entry.getName()
             << (shaped.hasRank() ? " has a dynamic shape (" : " is unranked (")
             << type << "); the C API passes inputs and outputs of static size";
    // usmp-pipeline marks every statically shaped memref argument it leaves:
    // only for an unmarked one is running it the remedy.
    if (!memref) {
      InFlightDiagnostic diag = emitError(loc)
                                << "argument " << i << " of @"
                                << entry.getName() << " is " << type
                                << "; the C API passes only statically shaped "
                                   "memrefs as inputs and outputs";
      if (isa<TensorType>(type))
        diag << " (bufferize the model first, as usmp-from-tosa does)";
      return diag;
    }
    if (!io) {
      // Planned for another entry: that one takes the pools or the
      // inputs and outputs, and this one none (the functions an entry calls
      // take its pools too).
      auto planned = [](func::FuncOp function) {
        return llvm::any_of(
            llvm::seq(function.getNumArguments()), [&](unsigned j) {
              return function.getArgAttr(j,
                                         USMPDialect::getPoolArgAttrName()) ||
                     function.getArgAttr(j, USMPDialect::getIOAttrName());
            });
      };
      for (auto other : module.getOps<func::FuncOp>())
        if (other != entry && !planned(entry) && planned(other))
          return emitError(loc)
                 << "argument " << i << " of @" << entry.getName()
                 << " is neither a pool nor a marked input or output, but @"
                 << other.getName()
                 << "'s arguments are: give every pass the same 'entry' "
                    "option (entry="
                 << other.getName() << ")";
      return emitError(loc)
             << "argument " << i << " of @" << entry.getName()
             << " is neither a pool nor a marked input or output; run "
                "usmp-pipeline first";
    }
    FailureOr<uint64_t> size = getBufferSizeInBytes(memref, layout);
    if (failed(size))
      return emitError(loc)
             << "argument " << i << " of @" << entry.getName() << " (" << type
             << ") has no size in bytes that fits in 63 bits";
    TensorInfo tensor;
    tensor.io = io;
    tensor.name = fieldName(io.getName());
    tensor.macro = upper(collapsedIdentifier(io.getName()));
    tensor.loc = loc;
    tensor.size = *size;
    tensor.argument = i;
    (io.getDirection() == IODirection::Input ? inputs : outputs)
        .push_back(tensor);
    entryArgumentPools.push_back(-1);
  }
  // The size macros count index elements at least 8 bytes wide (as the
  // pools do, so that their slots hold them on every target), while the
  // application reads and writes size_t's.
  auto holdsIndex = [](Type type) {
    auto memref = dyn_cast<MemRefType>(type);
    return memref && isa<IndexType>(memref.getElementType());
  };
  if (llvm::any_of(entry.getArgumentTypes(), holdsIndex) ||
      entry
          .walk([&](memref::ViewOp view) {
            return view->hasAttr(USMPDialect::getIOAttrName()) &&
                           holdsIndex(view.getType())
                       ? WalkResult::interrupt()
                       : WalkResult::advance();
          })
          .wasInterrupted())
    indexBytes = *getBufferSizeInBytes(
        MemRefType::get({1}, IndexType::get(module.getContext())), layout);
  // I/O tensors in pools.
  WalkResult ioWalk = entry.walk([&](memref::ViewOp view) {
    auto io = view->getAttrOfType<IOAttr>(USMPDialect::getIOAttrName());
    auto placement =
        view->getAttrOfType<PlacementAttr>(USMPDialect::getPlacementAttrName());
    if (!io || !placement)
      return WalkResult::advance();
    if (failed(verifyViewPlacement(view)))
      return WalkResult::interrupt();
    // As for an argument; the checks of views come after the I/O is taken
    // apart.
    if (llvm::is_contained(view.getType().getShape(), 0)) {
      view.emitError() << "cannot lower "
                       << stringifyIODirection(io.getDirection()) << " '"
                       << io.getName() << "' to C: " << view.getType()
                       << " has no elements, and C has no zero-length arrays";
      return WalkResult::interrupt();
    }
    TensorInfo tensor;
    tensor.io = io;
    tensor.name = fieldName(io.getName());
    tensor.macro = upper(collapsedIdentifier(io.getName()));
    tensor.loc = view.getLoc();
    tensor.size = *getBufferSizeInBytes(view.getType(), layout);
    tensor.pool = poolIndex.lookup(placement.getPool().getValue());
    tensor.offset = placement.getOffset();
    (io.getDirection() == IODirection::Input ? inputs : outputs)
        .push_back(tensor);
    return WalkResult::advance();
  });
  if (ioWalk.wasInterrupted())
    return failure();
  auto byIndex = [](const TensorInfo &a, const TensorInfo &b) {
    return a.io.getIndex() < b.io.getIndex();
  };
  llvm::sort(inputs, byIndex);
  llvm::sort(outputs, byIndex);
  if (failed(checkSpellings()))
    return failure();
  llvm::StringMap<StringRef> names;
  for (const TensorInfo &tensor : llvm::concat<TensorInfo>(inputs, outputs)) {
    auto [it, inserted] = names.try_emplace(tensor.name, tensor.io.getName());
    if (!inserted)
      return emitError(tensor.loc)
             << "I/O names '" << it->second << "' and '" << tensor.io.getName()
             << "' are both '" << tensor.name << "' as C identifiers";
  }
  return checkMacros();
}

/// C has no allocator here: every buffer must be a view of its pool. Runs
/// while placements are still there, to say which step left an allocation:
/// planning never ran (`hasPools` is false: assign-pools creates a pool),
/// the views were not made, or planning left the buffer out.
static LogicalResult checkBuffersInPools(ModuleOp module, bool hasPools) {
  Operation *allocation = nullptr;
  module.walk([&](Operation *op) {
    if (!isa<memref::AllocOp, memref::AllocaOp>(op))
      return WalkResult::advance();
    allocation = op;
    return WalkResult::interrupt();
  });
  if (!allocation)
    return success();
  InFlightDiagnostic diag = allocation->emitError()
                            << "cannot lower '" << allocation->getName()
                            << "' to C: ";
  if (allocation->hasAttr(USMPDialect::getPlacementAttrName()))
    diag << "the buffer is placed in a pool but not yet a view of it; run "
            "usmp-convert-to-pool-views (usmp-pipeline runs it)";
  else if (!hasPools)
    diag << "the module is not planned (it has no pools); run usmp-pipeline "
            "first";
  else
    diag << "the buffer is not in a pool (see the remarks of "
            "usmp-plan-buffers for why it was not planned)";
  return diag;
}

/// Why a name cannot be spelled in C.
static constexpr StringLiteral kNoCSpelling =
    "has no letter or digit (C names are ASCII letters, digits and '_')";

/// The application finds a tensor or pool under its C spelling (fieldName,
/// and upper case in macros): one that differs from the name gets a remark
/// saying it, and one with no letter or digit, only underscores in C, is an
/// error, as such a model name is.
LogicalResult ConvertUSMPToEmitCPass::checkSpellings() {
  auto check = [](const Twine &what, StringRef name, StringRef field,
                  StringRef macro, Location loc) -> LogicalResult {
    if (llvm::none_of(name, llvm::isAlnum))
      return emitError(loc) << what << " " << kNoCSpelling;
    // Macros drop a '_' at either end, which the field keeps.
    bool macroDiffers =
        macro != StringRef(field).upper() && macro != StringRef(name).upper();
    if (field != name || macroDiffers) {
      InFlightDiagnostic remark = emitRemark(loc)
                                  << what << " is '" << field << "' in C";
      if (macroDiffers)
        remark << " ('" << macro << "' in macros)";
    }
    return success();
  };
  for (const PoolInfo &pool : pools)
    if (pool.usedByModel && failed(check("pool @" + pool.symbol, pool.symbol,
                                         pool.name, pool.macro, pool.loc)))
      return failure();
  for (const TensorInfo &tensor : llvm::concat<TensorInfo>(inputs, outputs))
    if (failed(check(describe(tensor), tensor.io.getName(), tensor.name,
                     tensor.macro, tensor.loc)))
      return failure();
  return success();
}

/// Upper-casing for macros can merge names that differ as identifiers, and a
/// name can end like another's macro suffix: no two sources may define one
/// macro, and no field may be spelled like a macro, which would replace it.
LogicalResult ConvertUSMPToEmitCPass::checkMacros() {
  llvm::StringMap<std::string> macros;
  auto define = [&](const std::string &macro, const std::string &what,
                    Location loc) -> LogicalResult {
    auto [it, inserted] = macros.try_emplace(macro, what);
    if (inserted)
      return success();
    return emitError(loc) << it->second << " and " << what << " are both '"
                          << macro << "' as C macros";
  };
  MLIRContext *context = &getContext();
  Location unknown = UnknownLoc::get(context);
  // Pools before tensors: a clash is reported at the tensor, which the user
  // named, rather than at a pool the pipeline may have created.
  if (failed(define(macroPrefix + "_H_", "the include guard", unknown)) ||
      failed(define(macroPrefix + "_WORKSPACE_SIZE",
                    "the size of all workspace pools", unknown)))
    return failure();
  for (const PoolInfo &pool : pools) {
    if (!pool.usedByModel)
      continue;
    SmallVector<std::string, 2> poolMacros;
    if (pool.constant)
      poolMacros = {poolMacro(pool, "CONSTANT_POOL_SIZE"),
                    poolMacro(pool, "CONSTANT_POOL_DATA")};
    else
      poolMacros = {poolMacro(pool, "WORKSPACE_POOL_SIZE"),
                    tvmMacroPrefix + "_" + pool.macro +
                        "_WORKSPACE_BUFFER_SIZE"};
    for (const std::string &macro : poolMacros)
      if (failed(define(macro, "pool @" + pool.symbol.str(), pool.loc)))
        return failure();
  }
  // The total of the provided workspace pools is one macro too.
  uint64_t total = 0;
  for (const PoolInfo &pool : pools) {
    if (!pool.usedByModel || pool.internal || pool.constant)
      continue;
    total += pool.size;
    if (total > static_cast<uint64_t>(INT64_MAX))
      return emitError(pool.loc)
             << "with pool @" << pool.symbol
             << " the workspace pools the application provides take more "
                "than 2^63 - 1 bytes in all, which "
             << macroPrefix << "_WORKSPACE_SIZE cannot hold";
  }
  for (const TensorInfo &tensor : llvm::concat<TensorInfo>(inputs, outputs))
    if (failed(define(sizeMacro(tensor), describe(tensor), tensor.loc)))
      return failure();
  auto fieldIsMacro = [&](StringRef field, const std::string &what,
                          Location loc) -> LogicalResult {
    auto it = macros.find(field);
    if (it == macros.end())
      return success();
    return emitError(loc) << what << " is '" << field
                          << "' as a C identifier, which is the C macro of "
                          << it->second;
  };
  for (const PoolInfo &pool : pools)
    if (pool.usedByModel &&
        failed(fieldIsMacro(pool.name, "pool @" + pool.symbol.str(), pool.loc)))
      return failure();
  for (const TensorInfo &tensor : llvm::concat<TensorInfo>(inputs, outputs))
    if (failed(fieldIsMacro(tensor.name, describe(tensor), tensor.loc)))
      return failure();
  return success();
}

/// The names every symbol reference in `module` starts with, or nullopt when
/// an operation of an unknown dialect may hide some. (One walk, where
/// SymbolTable::symbolKnownUseEmpty walks the module for each symbol.)
static std::optional<DenseSet<StringAttr>>
getReferencedSymbols(ModuleOp module) {
  std::optional<SymbolTable::UseRange> uses =
      SymbolTable::getSymbolUses(&module.getBodyRegion());
  if (!uses)
    return std::nullopt;
  DenseSet<StringAttr> names;
  for (const SymbolTable::SymbolUse &use : *uses)
    names.insert(use.getSymbolRef().getRootReference());
  return names;
}

/// Whether nothing in `module` may refer to `symbol`, by `referenced`.
static bool
isUnreferenced(const std::optional<DenseSet<StringAttr>> &referenced,
               SymbolOpInterface symbol) {
  return referenced && !referenced->contains(symbol.getNameAttr());
}

/// Erases the globals of kind `GlobalOpT` outside the pools that nothing
/// refers to.
template <typename GlobalOpT>
static void eraseUnreferencedGlobals(ModuleOp module) {
  std::optional<DenseSet<StringAttr>> referenced = getReferencedSymbols(module);
  for (auto global : llvm::make_early_inc_range(module.getOps<GlobalOpT>()))
    if (!global->hasAttr(USMPDialect::getPlacementAttrName()) &&
        isUnreferenced(referenced, global))
      global.erase();
}

/// Makes a multi-dimensional constant one-dimensional, read back through
/// expand_shape from its `reads`: C initializers of nested arrays need
/// nested braces, which the EmitC printer does not write. A rank-0 global
/// becomes a one-element array read through collapse_shape, so that it can
/// be passed to a function like a rank-0 buffer (see
/// widenRankZeroParameters; upstream's conversion of an uninitialized or
/// external one crashes, too: an external one is then a one-element array
/// the application defines). Returns whether it did.
static bool flattenGlobal(memref::GlobalOp global,
                          ArrayRef<memref::GetGlobalOp> reads) {
  MemRefType type = global.getType();
  auto value =
      dyn_cast_or_null<DenseElementsAttr>(global.getInitialValueAttr());
  if (type.getRank() == 1 || !type.hasStaticShape() ||
      !type.getLayout().isIdentity() ||
      !(value || (type.getRank() == 0 &&
                  (global.isUninitialized() || global.isExternal()))))
    return false;
  auto flat = MemRefType::get({type.getNumElements()}, type.getElementType());
  global.setType(flat);
  if (value)
    global.setInitialValueAttr(value.reshape(
        RankedTensorType::get(flat.getShape(), type.getElementType())));
  SmallVector<ReassociationIndices> reassociation;
  if (type.getRank() != 0)
    reassociation.push_back(
        llvm::to_vector(llvm::seq<int64_t>(0, type.getRank())));
  for (memref::GetGlobalOp get : reads) {
    OpBuilder builder(get);
    Value read =
        memref::GetGlobalOp::create(builder, get.getLoc(), flat, get.getName());
    Value shaped = type.getRank() == 0
                       ? memref::CollapseShapeOp::create(
                             builder, get.getLoc(), type, read, reassociation)
                             .getResult()
                       : memref::ExpandShapeOp::create(
                             builder, get.getLoc(), type, read, reassociation)
                             .getResult();
    get.getResult().replaceAllUsesWith(shaped);
    get.erase();
  }
  return true;
}

LogicalResult ConvertUSMPToEmitCPass::prepareModelCode(ModuleOp module) {
  MLIRContext *context = &getContext();
  // The constants bufferization made (`__constant_<type>`, see
  // usmp-order-constants) give way to the user's symbols of the same C
  // name: they take a number, so such a clash is no error of the user's.
  llvm::StringSet<> userNames;
  SmallVector<memref::GlobalOp> made;
  for (Operation &op : *module.getBody()) {
    auto symbol = dyn_cast<SymbolOpInterface>(op);
    auto global = dyn_cast<memref::GlobalOp>(op);
    if (global && global.isPrivate() && global.getConstant() &&
        global.getSymName().starts_with("__constant_"))
      made.push_back(global);
    else if (symbol)
      userNames.insert(fileScopeName(symbol.getName()));
  }
  for (memref::GlobalOp global : made) {
    std::string base = global.getSymName().str(), name = base;
    for (unsigned suffix = 1;
         userNames.contains(fileScopeName(name)) ||
         (name != base && SymbolTable::lookupSymbolIn(module, name));
         ++suffix)
      name = base + "_" + std::to_string(suffix);
    if (name == base)
      continue;
    auto newName = StringAttr::get(context, name);
    if (failed(SymbolTable::replaceAllSymbolUses(global, newName, module)))
      return global.emitError("cannot rename the constant to @") << name;
    global.setSymName(name);
  }
  // Constants placed in pools now live in the pool data.
  std::optional<DenseSet<StringAttr>> referenced = getReferencedSymbols(module);
  DenseMap<StringAttr, SmallVector<memref::GetGlobalOp>> reads;
  module.walk([&](memref::GetGlobalOp get) {
    reads[get.getNameAttr().getAttr()].push_back(get);
  });
  for (auto global :
       llvm::make_early_inc_range(module.getOps<memref::GlobalOp>())) {
    if (global->hasAttr(USMPDialect::getPlacementAttrName())) {
      if (!isUnreferenced(referenced, global))
        return global.emitError() << "constant " << global.getSymName()
                                  << " is placed in a pool but still read as "
                                     "a global; run usmp-pipeline first";
      global.erase();
      continue;
    }
    // EmitC has no alignment: the C file gives it with USMP_ALIGNED. Only
    // beyond the elements' own (C refuses a weaker one), and only where the
    // array is defined: the definition of an application's array decides.
    if (std::optional<uint64_t> alignment = global.getAlignment();
        alignment && !global.isExternal()) {
      Type element = global.getType().getElementType();
      int64_t elementBytes =
          element.isIntOrFloat()
              ? llvm::divideCeil(element.getIntOrFloatBitWidth(), 8)
              : 1;
      if (*alignment > static_cast<uint64_t>(kMaxInternalPoolAlignment))
        return global.emitError()
               << "cannot lower @" << global.getSymName() << " to C: its "
               << *alignment << "-byte alignment is above the "
               << kMaxInternalPoolAlignment
               << " C compilers accept for a static array";
      if (static_cast<int64_t>(*alignment) > elementBytes)
        globalAlignments[fileScopeName(global.getSymName())] = *alignment;
    }
    global.removeAlignmentAttr();
    // The model's own arrays are `static` in C, public ones too (upstream
    // would print `extern` with an initializer, which clang warns about);
    // a declaration stays the application's.
    if (!global.isExternal())
      global.setPrivate();
    global->removeAttr(USMPDialect::getPoolsAttrName());
    if (flattenGlobal(global, reads.lookup(global.getSymNameAttr())))
      flattenedGlobals[fileScopeName(global.getSymName())] =
          global.getSymName().str();
  }
  // The C names at file scope, with what each is. Model functions and
  // globals get the API prefix so that models link together, none is called
  // `main`, and none meets the printer's temporaries (v1, i2) or a keyword;
  // they must still differ from each other and from the API's symbols.
  struct FileScopeName {
    std::string what;
    Location loc;
  };
  llvm::StringMap<FileScopeName> fileScope;
  Location loc = module.getLoc();
  // reset_state exists for a model with state.
  hasState = llvm::any_of(
      module.getOps<memref::GlobalOp>(), [](memref::GlobalOp global) {
        return !global.getConstant() && !global.isExternal();
      });
  for (StringRef api : {"run", "map_inputs", "map_outputs", "reset_state"})
    if (api != "reset_state" || hasState)
      fileScope.try_emplace(
          prefix + "_" + api.str(),
          FileScopeName{"the C API's " + api.str() + " function", loc});
  for (StringRef api : {"inputs", "outputs", "workspace_pools"})
    fileScope.try_emplace(
        prefix + "_" + api.str(),
        FileScopeName{"the C API's " + api.str() + " struct type", loc});
  for (const PoolInfo &pool : pools) {
    if (!pool.internal || !pool.usedByModel)
      continue;
    const std::string &name = pool.array;
    auto [it, inserted] = fileScope.try_emplace(
        name, FileScopeName{"internal pool @" + pool.symbol.str(), pool.loc});
    if (!inserted)
      return emitError(pool.loc)
             << "internal pool @" << pool.symbol << " would be '" << name
             << "' in C, which is also " << it->second.what;
  }
  // Functions with a body and globals are renamed all at once, so a new
  // name may only clash with a symbol that keeps its name (or, through
  // `fileScope`, with another new one).
  auto isRenamed = [](Operation &op) {
    auto function = dyn_cast<func::FuncOp>(op);
    return (function && !function.isExternal()) || isa<memref::GlobalOp>(op);
  };
  llvm::StringSet<> taken;
  for (Operation &op : *module.getBody())
    if (auto symbol = dyn_cast<SymbolOpInterface>(op); symbol && !isRenamed(op))
      taken.insert(symbol.getName());
  DenseMap<StringAttr, StringAttr> renames;
  SmallVector<std::pair<SymbolOpInterface, StringAttr>> renamed;
  for (Operation &op : *module.getBody()) {
    if (!isRenamed(op))
      continue;
    auto function = dyn_cast<func::FuncOp>(op);
    auto symbol = cast<SymbolOpInterface>(op);
    std::string what =
        (function ? "function @" : "global @") + symbol.getName().str();
    if (collapsedIdentifier(symbol.getName()).empty())
      return emitError(op.getLoc()) << what << " " << kNoCSpelling;
    std::string name = fileScopeName(symbol.getName());
    auto [it, inserted] =
        fileScope.try_emplace(name, FileScopeName{what, op.getLoc()});
    if (!inserted)
      return emitError(op.getLoc())
             << what << " would be '" << name << "' in C, which is also "
             << it->second.what;
    if (taken.contains(name))
      return emitError(op.getLoc()) << "cannot rename " << what << " to @"
                                    << name << ": the name is taken";
    StringAttr newName = StringAttr::get(context, name);
    renames[symbol.getNameAttr()] = newName;
    renamed.push_back({symbol, newName});
  }
  replaceSymbolReferences(module, renames);
  for (auto [symbol, name] : renamed) {
    if (symbol.getName() == entryName)
      entryName = name.str();
    symbol.setName(name);
  }
  // reset_state copies each initial value back from a constant array of
  // its own, named after the state with `_initial` (and a number when that
  // is taken).
  for (auto global : module.getOps<memref::GlobalOp>()) {
    if (global.getConstant() || global.isExternal())
      continue;
    StateInfo &info = stateGlobals[global.getSymName()];
    std::string &initial = info.initial;
    // No value or zero bytes need no copy: reset_state clears them.
    Attribute value = *global.getInitialValue();
    auto elements = dyn_cast<DenseElementsAttr>(value);
    info.splat = elements && elements.isSplat();
    if (isa<UnitAttr>(value) ||
        (elements && elements.isSplat() &&
         TypeSwitch<Attribute, bool>(elements.getSplatValue<Attribute>())
             .Case([](IntegerAttr value) { return value.getValue().isZero(); })
             .Case([](FloatAttr value) { return value.getValue().isPosZero(); })
             .Default(false)))
      continue;
    for (unsigned suffix = 0;; ++suffix) {
      initial = global.getSymName().str() + "_initial" +
                (suffix ? "_" + std::to_string(suffix) : "");
      if (!taken.contains(initial) &&
          fileScope
              .try_emplace(initial, FileScopeName{"the initial value of @" +
                                                      global.getSymName().str(),
                                                  global.getLoc()})
              .second)
        break;
    }
  }

  // Copies become linalg.copy, which lowers to loops.
  module.walk([](memref::CopyOp copy) {
    OpBuilder builder(copy);
    linalg::CopyOp::create(builder, copy.getLoc(), copy.getSource(),
                           copy.getTarget());
    copy.erase();
  });
  // Planned buffers left no deallocations; those of unplanned buffers cannot
  // be lowered anyway and were refused before.

  // C has no rank-0 arrays: a rank-0 view of a pool (what tosa-to-linalg
  // reduces a vector into) becomes a one-element one, collapsed back for its
  // users; the loops' accesses through the collapse fold into element 0.
  module.walk([](memref::ViewOp view) {
    MemRefType type = view.getType();
    if (type.getRank() != 0)
      return;
    OpBuilder b(view);
    Value wide = memref::ViewOp::create(
        b, view.getLoc(), MemRefType::get({1}, type.getElementType()),
        view.getSource(), view.getByteShift(), ValueRange());
    view.replaceAllUsesWith(
        memref::CollapseShapeOp::create(b, view.getLoc(), type, wide,
                                        ArrayRef<ReassociationIndices>{})
            .getResult());
    view.erase();
  });

  // Split every function that views pools: the body takes the views as
  // parameters, the function itself becomes a wrapper built after lowering.
  for (auto function :
       llvm::make_early_inc_range(module.getOps<func::FuncOp>())) {
    if (function.isExternal())
      continue;
    SmallVector<memref::ViewOp> views;
    function.walk([&](memref::ViewOp view) {
      auto source = dyn_cast<BlockArgument>(view.getSource());
      if (source && source.getOwner()->getParentOp() == function &&
          function.getArgAttr(source.getArgNumber(),
                              USMPDialect::getPoolArgAttrName()))
        views.push_back(view);
    });
    if (views.empty())
      continue;
    SplitFunction split;
    split.name = function.getName().str();
    split.impl = split.name + "_impl";
    std::string implWhat =
        "the body of " + fileScope.find(split.name)->second.what;
    auto [it, inserted] = fileScope.try_emplace(
        split.impl, FileScopeName{implWhat, function.getLoc()});
    if (!inserted)
      return emitError(it->second.loc)
             << it->second.what << " would be '" << split.impl
             << "' in C, which is also " << implWhat;
    SmallVector<Type> implInputs(function.getArgumentTypes());
    for (memref::ViewOp view : views) {
      APInt offset;
      if (!matchPattern(view.getByteShift(), m_ConstantInt(&offset)))
        return view.emitError() << "view of a pool at a non-constant offset";
      // It becomes a parameter, and the sizes would be lost.
      if (!view.getType().hasStaticShape())
        return view.emitError() << "view of a pool with a dynamic shape ("
                                << view.getType() << ")";
      split.views.push_back(
          {cast<BlockArgument>(view.getSource()).getArgNumber(),
           offset.getSExtValue(), view.getType()});
      implInputs.push_back(view.getType());
    }
    OpBuilder builder(function);
    auto impl = func::FuncOp::create(
        builder, function.getLoc(), split.impl,
        FunctionType::get(context, implInputs, function.getResultTypes()));
    impl.setPrivate();
    impl.getBody().takeBody(function.getBody());
    Block &body = impl.getBody().front();
    for (memref::ViewOp view : views) {
      BlockArgument argument = body.addArgument(view.getType(), view.getLoc());
      view.getResult().replaceAllUsesWith(argument);
      view.erase();
    }
    function.setPrivate();
    splits.push_back(std::move(split));
  }

  // Nothing of the plan is needed past this point but what `collect` took.
  for (PoolOp pool : llvm::make_early_inc_range(module.getOps<PoolOp>()))
    pool.erase();
  auto isUSMP = [](NamedAttribute attr) {
    return attr.getName().strref().starts_with("usmp.");
  };
  module.walk([&](Operation *op) {
    for (NamedAttribute attr : llvm::to_vector(op->getDiscardableAttrs()))
      if (isUSMP(attr))
        op->removeDiscardableAttr(attr.getName());
    auto function = dyn_cast<FunctionOpInterface>(op);
    if (!function)
      return;
    // All at once: removing them one by one makes an array of every
    // argument's attributes each time.
    auto strip = [&](SmallVectorImpl<DictionaryAttr> &dicts) {
      for (DictionaryAttr &dict : dicts) {
        NamedAttrList attrs;
        for (NamedAttribute attr : dict)
          if (!isUSMP(attr))
            attrs.push_back(attr);
        dict = attrs.getDictionary(op->getContext());
      }
    };
    SmallVector<DictionaryAttr> argAttrs, resultAttrs;
    function.getAllArgAttrs(argAttrs);
    function.getAllResultAttrs(resultAttrs);
    strip(argAttrs);
    strip(resultAttrs);
    function.setAllArgAttrs(argAttrs);
    function.setAllResultAttrs(resultAttrs);
  });
  return success();
}

/// Why a value of `type` cannot be lowered, naming the pass that widens
/// integers C has no width for.
static std::string noCEquivalent(Type type) {
  if (auto memref = dyn_cast<MemRefType>(type))
    type = memref.getElementType();
  auto integer = dyn_cast<IntegerType>(type);
  if (integer && integer.getWidth() > 1 && integer.getWidth() < 64 &&
      !llvm::is_contained({8u, 16u, 32u}, integer.getWidth()))
    return "has no C equivalent (usmp-widen-integers widens it to a C width)";
  return "has no C equivalent";
}

/// Whether `type` is an array too large for C compilers: clang counts an
/// object's size in bits in 64 bits, so it refuses arrays of 2^61 bytes or
/// more (buffers planned within 63 bits may be that large). Sizes beyond 63
/// bits have errors of their own.
static bool isTooLargeForC(Type type, const DataLayout &layout) {
  auto memref = dyn_cast<MemRefType>(type);
  if (!memref || !memref.hasStaticShape())
    return false;
  FailureOr<uint64_t> size = getBufferSizeInBytes(memref, layout);
  if (succeeded(size))
    return *size >= uint64_t(1) << 61;
  // No size: beyond 64 bits, or elements without one (too large when they
  // are that many, whatever each takes).
  uint64_t elements = 1;
  for (int64_t dim : memref.getShape())
    elements = llvm::SaturatingMultiply(elements, static_cast<uint64_t>(dim));
  return elements >= uint64_t(1) << 61;
}
static constexpr StringLiteral kTooLargeForC =
    "takes 2^61 bytes or more, which clang refuses in one array";

/// Fails with an error at the first value of a type upstream's conversion
/// cannot express in C, which would leave the conversion half done.
static LogicalResult checkCTypes(ModuleOp module, func::FuncOp entry) {
  DataLayout layout = DataLayout::closest(module);
  // Buffers hold elements C has; other values may be anything upstream's
  // conversion takes (EmitC's own types, function values) but for vectors and
  // complex numbers.
  auto isCElement = [](Type type) {
    if (auto integer = dyn_cast<IntegerType>(type))
      return llvm::is_contained({1u, 8u, 16u, 32u, 64u}, integer.getWidth());
    if (auto real = dyn_cast<FloatType>(type))
      return isa<Float16Type, BFloat16Type, Float32Type, Float64Type>(real);
    return isa<IndexType>(type);
  };
  // A rank-0 buffer inside a function is a one-element array, if its uses
  // fold into element accesses (else its operation is not lowered); a
  // parameter would be a pointer to nothing C can index.
  auto hasCType = [&](Type type, bool isParameter = false) {
    if (auto memref = dyn_cast<MemRefType>(type))
      return (memref.getRank() != 0 || !isParameter) &&
             isCElement(memref.getElementType());
    if (isa<IntegerType, FloatType>(type))
      return isCElement(type);
    return !isa<ComplexType, VectorType, NoneType, TupleType>(type);
  };
  // (Placed constants are bytes of their pool.)
  for (auto global : module.getOps<memref::GlobalOp>()) {
    if (global->hasAttr(USMPDialect::getPlacementAttrName()))
      continue;
    if (isTooLargeForC(global.getType(), layout))
      return global.emitError()
             << "cannot lower @" << global.getSymName()
             << " to C: " << global.getType() << " " << kTooLargeForC;
    if (!global.getType().getLayout().isIdentity())
      return emitError(global.getLoc())
             << "cannot lower @" << global.getSymName()
             << " to C: " << global.getType()
             << " is not contiguous in row-major order, as a C array is";
    // Upstream's conversion keeps an index array's initializer as it is,
    // which does not verify.
    if (isa<IndexType>(global.getType().getElementType()))
      return global.emitError()
             << "cannot lower @" << global.getSymName()
             << " to C: upstream's conversion of index arrays does not "
                "verify; use i64 elements";
  }
  llvm::StringSet<> poolsOfEmptyBuffers;
  module.walk([&](memref::ViewOp view) {
    auto placement =
        view->getAttrOfType<PlacementAttr>(USMPDialect::getPlacementAttrName());
    if (placement && llvm::is_contained(view.getType().getShape(), 0))
      poolsOfEmptyBuffers.insert(placement.getPool().getValue());
  });
  for (auto function : module.getOps<func::FuncOp>()) {
    if (function.isExternal() && failed(checkExternalFunction(function)))
      return failure();
    // The parameters of a declaration too, at the declaration: they are
    // its C prototype.
    for (auto [index, type] : llvm::enumerate(function.getArgumentTypes())) {
      auto pool = function.getArgAttrOfType<FlatSymbolRefAttr>(
          index, USMPDialect::getPoolArgAttrName());
      auto fail = [&, index = index,
                   type = type](StringRef why) -> LogicalResult {
        InFlightDiagnostic diag =
            emitError(function.isExternal()
                          ? function.getLoc()
                          : function.getArgument(index).getLoc())
            << "cannot lower ";
        if (pool)
          diag << "pool " << pool << " (";
        diag << "argument " << index << " of @" << function.getName();
        if (pool)
          diag << ")";
        diag << " to C: " << type << " " << why;
        return diag;
      };
      // Parameters are plain pointers to the elements.
      auto memref = dyn_cast<MemRefType>(type);
      // (`collect` says what the entry's tensors should be.)
      if (!hasCType(type, /*isParameter=*/true) ||
          (function != entry && isa<TensorType>(type)))
        return fail(noCEquivalent(type));
      if (isa<UnrankedMemRefType>(type) && function != entry)
        return fail("has no rank, which a C parameter (a pointer to the "
                    "elements) does not carry");
      if (memref && !memref.getLayout().isIdentity())
        return fail("is not contiguous in row-major order");
      // `collect` says what the entry's inputs and outputs need.
      if (memref && !memref.hasStaticShape() && function != entry)
        return fail("has a dynamic shape, which a C parameter (a pointer to "
                    "the elements) does not carry");
      // A pool has no bytes when its buffers have none: the error is
      // theirs, given later (an input or output names itself).
      if (memref && memref.hasStaticShape() &&
          llvm::is_contained(memref.getShape(), 0) &&
          !(pool && poolsOfEmptyBuffers.contains(pool.getValue())))
        return fail("has no elements, and C has no zero-length arrays");
      if (isTooLargeForC(type, layout))
        return fail(kTooLargeForC);
    }
    // A C function returns one value.
    if (function != entry && function.getNumResults() > 1)
      return emitError(function.getLoc())
             << "cannot lower @" << function.getName() << " to C: it returns "
             << function.getNumResults()
             << " values, and a C function returns one";
    // Upstream would make it an emitc.func returning an array. (`collect`
    // says what the entry should do instead.)
    for (Type result :
         function == entry ? TypeRange() : function.getResultTypes()) {
      if (!isa<MemRefType>(result) &&
          (!hasCType(result) || isa<TensorType>(result)))
        return emitError(function.getLoc())
               << "cannot lower @" << function.getName() << " to C: it returns "
               << result << ", which " << noCEquivalent(result);
      if (isa<MemRefType>(result))
        return emitError(function.getLoc())
               << "cannot lower @" << function.getName() << " to C: it returns "
               << result
               << ", and C functions cannot return arrays; pass the buffer "
                  "as an argument (buffer-results-to-out-params does)";
    }
    WalkResult walk = function.walk([&](Operation *op) {
      // No EmitC conversion handles branches; converting the blocks they
      // jump to (index arguments become size_t) would leave them invalid.
      if (op->getNumSuccessors() != 0) {
        emitErrorAt(op) << "cannot lower '" << op->getName()
                        << "' to C: no EmitC conversion handles it";
        return WalkResult::interrupt();
      }
      // Their results become C variables, and C cannot assign arrays.
      if (isa<RegionBranchOpInterface>(op) &&
          llvm::any_of(op->getResultTypes(), llvm::IsaPred<MemRefType>)) {
        InFlightDiagnostic diag = emitErrorAt(op)
                                  << "cannot lower '" << op->getName()
                                  << "' to C: it yields a memref, and C cannot "
                                     "assign arrays";
        if (isa<scf::IfOp, scf::WhileOp, scf::ForOp>(op) &&
            llvm::all_of(op->getResultTypes(), [](Type type) {
              return !isa<MemRefType>(type) || isAllocationCastable(type);
            }))
          diag << "; usmp-copy-yielded-buffers, run before planning (as "
                  "usmp-from-tosa does), makes the buffers copies";
        return WalkResult::interrupt();
      }
      if (auto select = dyn_cast<arith::SelectOp>(op);
          select && isa<MemRefType>(select.getType())) {
        emitErrorAt(op) << "cannot lower 'arith.select' to C: it chooses a "
                           "memref, and C cannot assign arrays; select "
                           "elements, or copy in an 'scf.if'";
        return WalkResult::interrupt();
      }
      // What it counts depends on the width of size_t (and upstream's
      // expansion crashes on it).
      if (op->getName().getStringRef() == "math.ctlz" &&
          isa<IndexType>(op->getResult(0).getType())) {
        emitErrorAt(op) << "cannot lower 'math.ctlz' on index to C: its "
                           "result depends on the width of size_t; count on "
                           "i32 or i64";
        return WalkResult::interrupt();
      }
      // Index values are size_t's in C, whose width the target decides.
      if (isa<index::SizeOfOp>(op)) {
        emitErrorAt(op) << "cannot lower 'index.sizeof' to C: it is the "
                           "width of size_t, which depends on the target";
        return WalkResult::interrupt();
      }
      // Upstream's conversion of while loops assigns index values to size_t
      // variables without a cast, which does not verify.
      if (isa<scf::WhileOp>(op) &&
          llvm::any_of(op->getOperandTypes(), llvm::IsaPred<IndexType>)) {
        emitErrorAt(op) << "cannot lower 'scf.while' to C with index loop "
                           "variables; carry them as i32 or i64";
        return WalkResult::interrupt();
      }
      for (Type type : llvm::concat<const Type>(op->getOperandTypes(),
                                                op->getResultTypes()))
        if (!hasCType(type) || isTooLargeForC(type, layout)) {
          emitErrorAt(op) << "cannot lower '" << op->getName()
                          << "' to C: " << type << " "
                          << (hasCType(type) ? kTooLargeForC.str()
                                             : noCEquivalent(type));
          return WalkResult::interrupt();
        }
      return WalkResult::advance();
    });
    if (walk.wasInterrupted())
      return failure();
  }
  return success();
}

/// The EmitC printer writes a bf16 value with a `bf16` suffix, which no C
/// compiler accepts, and an f16 value with an `f16` suffix, which C++
/// compilers do not: a scalar constant becomes a cast of the same f32 value
/// (both widen to f32 exactly), and so does each element of a global's
/// initializer; any other bf16 attribute is an error.
static LogicalResult spellHalfConstants(ModuleOp module) {
  auto halfType = [](Attribute attr) -> Type {
    Type type;
    if (auto real = dyn_cast<FloatAttr>(attr))
      type = real.getType();
    else if (auto elements = dyn_cast<ElementsAttr>(attr))
      type = elements.getElementType();
    return isa_and_nonnull<BFloat16Type, Float16Type>(type) ? type : Type();
  };
  WalkResult walk = module.walk([&](Operation *op) {
    auto constant = dyn_cast<emitc::ConstantOp>(op);
    if (auto value =
            constant ? dyn_cast<FloatAttr>(constant.getValue()) : nullptr;
        value && halfType(value)) {
      OpBuilder builder(constant);
      bool lost = false;
      APFloat wide = value.getValue();
      wide.convert(APFloat::IEEEsingle(), APFloat::rmNearestTiesToEven, &lost);
      auto f32 = emitc::ConstantOp::create(
          builder, constant.getLoc(), builder.getF32Type(),
          builder.getF32FloatAttr(wide.convertToFloat()));
      auto cast = emitc::CastOp::create(builder, constant.getLoc(),
                                        constant.getType(), f32);
      constant.replaceAllUsesWith(cast.getResult());
      constant.erase();
      return WalkResult::skip();
    }
    // A global's elements are casts in its initializer, constant
    // expressions in C too.
    auto global = dyn_cast<emitc::GlobalOp>(op);
    if (auto elements = global ? dyn_cast_or_null<DenseFPElementsAttr>(
                                     global.getInitialValueAttr())
                               : nullptr;
        elements && halfType(elements)) {
      StringRef cast =
          isa<BFloat16Type>(halfType(elements)) ? "(__bf16)" : "(_Float16)";
      std::string text;
      llvm::raw_string_ostream os(text);
      os << "{";
      llvm::interleaveComma(
          elements.getValues<APFloat>(), os, [&](const APFloat &value) {
            os << cast;
            if (value.isNaN())
              os << "NAN";
            else if (value.isInfinity())
              os << (value.isNegative() ? "-HUGE_VALF" : "HUGE_VALF");
            else
              // Their values are exact floats, which nine significant digits
              // give back.
              os << llvm::format("%.9e", value.convertToDouble()) << "f";
          });
      os << "}";
      global.setInitialValueAttr(
          emitc::OpaqueAttr::get(module.getContext(), text));
      return WalkResult::advance();
    }
    for (NamedAttribute attr : op->getAttrs())
      if (Type type = halfType(attr.getValue());
          type && isa<BFloat16Type>(type)) {
        emitErrorAt(op) << "cannot lower '" << op->getName()
                        << "' to C: its bf16 value would print with a 'bf16' "
                           "suffix C does not have";
        return WalkResult::interrupt();
      }
    return WalkResult::advance();
  });
  return failure(walk.wasInterrupted());
}

/// Replaces `arith.cmpf true` and `arith.cmpf false` by their constant
/// result: upstream's canonicalization crashes on them when an operand is an
/// integer converted to float (MLIR 22).
static void foldConstantComparisons(ModuleOp module) {
  module.walk([](arith::CmpFOp compare) {
    arith::CmpFPredicate predicate = compare.getPredicate();
    if (predicate != arith::CmpFPredicate::AlwaysTrue &&
        predicate != arith::CmpFPredicate::AlwaysFalse)
      return;
    if (!compare.getType().isInteger(1))
      return;
    OpBuilder b(compare);
    Value result = arith::ConstantIntOp::create(
        b, compare.getLoc(), predicate == arith::CmpFPredicate::AlwaysTrue,
        /*width=*/1);
    compare.replaceAllUsesWith(result);
    compare.erase();
  });
}

/// Moves the operations on `index` values that upstream's conversion gets
/// wrong or refuses to i64: it computes signed division and remainder on
/// `size_t`, unsigned in C (-7 / 3 gave 6148914691236517203), and has no
/// unsigned division, remainder or bitwise operations on index. (The
/// expansions have turned ceildivsi and the like into these.)
static void computeIndexOnI64(ModuleOp module) {
  SmallVector<Operation *> indexOps;
  module.walk([&](Operation *op) {
    if (isa<arith::DivSIOp, arith::RemSIOp, arith::DivUIOp, arith::RemUIOp,
            arith::AndIOp, arith::OrIOp, arith::XOrIOp>(op) &&
        isa<IndexType>(op->getOperand(0).getType()))
      indexOps.push_back(op);
  });
  for (Operation *op : indexOps) {
    OpBuilder b(op);
    Location loc = op->getLoc();
    Type i64 = b.getI64Type();
    bool isSigned = isa<arith::DivSIOp, arith::RemSIOp>(op);
    auto cast = [&](Type type, Value value) -> Value {
      if (isSigned)
        return arith::IndexCastOp::create(b, loc, type, value);
      return arith::IndexCastUIOp::create(b, loc, type, value);
    };
    IRMapping mapping;
    for (Value operand : op->getOperands())
      mapping.map(operand, cast(i64, operand));
    Operation *wide = b.clone(*op, mapping);
    wide->getResult(0).setType(i64);
    op->getResult(0).replaceAllUsesWith(
        cast(b.getIndexType(), wide->getResult(0)));
    op->erase();
  }
}

/// Rewrites the signed operations on i1 that upstream's conversion computes
/// on C's `bool`, where true is 1 rather than arith's -1 (sitofp gave 1.0,
/// `slt(true, false)` false): signed order on i1 is unsigned order reversed,
/// the signed maximum is `and`, the minimum `or`, and the extensions select
/// -1 or 0. A product of i1 is their `and`.
static void signBooleanOperations(ModuleOp module) {
  SmallVector<Operation *> booleanOps;
  module.walk([&](Operation *op) {
    if (isa<arith::SIToFPOp, arith::ExtSIOp, arith::CmpIOp, arith::MaxSIOp,
            arith::MinSIOp, arith::MulIOp>(op) &&
        op->getOperand(0).getType().isInteger(1))
      booleanOps.push_back(op);
  });
  for (Operation *op : booleanOps) {
    OpBuilder b(op);
    Location loc = op->getLoc();
    Value result;
    if (auto compare = dyn_cast<arith::CmpIOp>(op)) {
      switch (compare.getPredicate()) {
      case arith::CmpIPredicate::slt:
        compare.setPredicate(arith::CmpIPredicate::ugt);
        break;
      case arith::CmpIPredicate::sle:
        compare.setPredicate(arith::CmpIPredicate::uge);
        break;
      case arith::CmpIPredicate::sgt:
        compare.setPredicate(arith::CmpIPredicate::ult);
        break;
      case arith::CmpIPredicate::sge:
        compare.setPredicate(arith::CmpIPredicate::ule);
        break;
      default:
        break;
      }
      continue;
    }
    Value lhs = op->getOperand(0);
    if (isa<arith::MaxSIOp, arith::MulIOp>(op)) {
      result = arith::AndIOp::create(b, loc, lhs, op->getOperand(1));
    } else if (isa<arith::MinSIOp>(op)) {
      result = arith::OrIOp::create(b, loc, lhs, op->getOperand(1));
    } else {
      Type type = op->getResult(0).getType();
      TypedAttr minusOne, zero;
      if (auto real = dyn_cast<FloatType>(type)) {
        minusOne = b.getFloatAttr(real, -1.0);
        zero = b.getFloatAttr(real, 0.0);
      } else {
        minusOne = b.getIntegerAttr(type, -1);
        zero = b.getIntegerAttr(type, 0);
      }
      result = arith::SelectOp::create(
          b, loc, lhs, arith::ConstantOp::create(b, loc, minusOne),
          arith::ConstantOp::create(b, loc, zero));
    }
    op->getResult(0).replaceAllUsesWith(result);
    op->erase();
  }
}

/// Multiplies i8 and i16 values as uint32_t: upstream's conversion
/// multiplies them as uint8_t or uint16_t, which C promotes to int, and
/// 65535 * 65535 overflows it (undefined behaviour).
static void widenNarrowProducts(ModuleOp module) {
  SmallVector<arith::MulIOp> products;
  module.walk([&](arith::MulIOp product) {
    if (product.getType().isInteger(8) || product.getType().isInteger(16))
      products.push_back(product);
  });
  for (arith::MulIOp product : products) {
    OpBuilder b(product);
    Location loc = product.getLoc();
    Type i32 = b.getI32Type();
    Value wide = arith::MulIOp::create(
        b, loc, arith::ExtUIOp::create(b, loc, i32, product.getLhs()),
        arith::ExtUIOp::create(b, loc, i32, product.getRhs()));
    product.replaceAllUsesWith(
        arith::TruncIOp::create(b, loc, product.getType(), wide).getResult());
    product.erase();
  }
}

/// Converting a float outside the integer type's range (or a NaN) is poison
/// in arith, which a select after it may drop (tosa.cast saturates so), but
/// undefined behaviour in C: each conversion converts zero instead. The
/// operand is in range iff L < x < U for the integer bounds L (-2^(N-1) - 1
/// or -1) and U (2^(N-1) or 2^N), compared with the nearest floats outside
/// them (infinities when they overflow), as no float lies in between.
static void guardFloatToIntConversions(ModuleOp module) {
  SmallVector<Operation *> conversions;
  module.walk([&](Operation *op) {
    if (isa<arith::FPToSIOp, arith::FPToUIOp>(op) &&
        isa<FloatType>(op->getOperand(0).getType()) &&
        !op->getResult(0).getType().isInteger(1))
      conversions.push_back(op);
  });
  for (Operation *op : conversions) {
    bool isSigned = isa<arith::FPToSIOp>(op);
    Value x = op->getOperand(0);
    auto type = cast<FloatType>(x.getType());
    unsigned width = op->getResult(0).getType().getIntOrFloatBitWidth();
    // Both bounds fit in width + 2 bits, signed.
    APInt lower = isSigned ? -APInt::getOneBitSet(width + 2, width - 1) - 1
                           : -APInt(width + 2, 1);
    APInt upper = APInt::getOneBitSet(width + 2, isSigned ? width - 1 : width);
    auto toFloat = [&](const APInt &bound, APFloat::roundingMode rounding) {
      APFloat value(type.getFloatSemantics());
      value.convertFromAPInt(bound, /*IsSigned=*/true, rounding);
      return value;
    };
    OpBuilder b(op);
    Location loc = op->getLoc();
    auto constant = [&](const APFloat &value) {
      return arith::ConstantOp::create(b, loc, type,
                                       b.getFloatAttr(type, value));
    };
    Value above = arith::CmpFOp::create(
        b, loc, arith::CmpFPredicate::OGT, x,
        constant(toFloat(lower, APFloat::rmTowardNegative)));
    Value below = arith::CmpFOp::create(
        b, loc, arith::CmpFPredicate::OLT, x,
        constant(toFloat(upper, APFloat::rmTowardPositive)));
    Value inRange = arith::AndIOp::create(b, loc, above, below);
    Value zero = constant(APFloat::getZero(type.getFloatSemantics()));
    op->setOperand(0, arith::SelectOp::create(b, loc, inRange, x, zero));
  }
}

/// The C99 <math.h> function of math dialect operation `name` (or
/// arith.remf, LLVM's frem), by its double name, or "" when C99 has none.
static StringRef getMathFunction(StringRef name) {
  if (name == "math.absf")
    return "fabs";
  if (name == "arith.remf")
    return "fmod";
  if (name == "math.powf")
    return "pow";
  // C23's roundeven: nearbyint rounds half to even in the default rounding
  // mode, which the generated code assumes for all its arithmetic.
  if (name == "math.roundeven")
    return "nearbyint";
  // The others have the operation's name; the classifications are
  // type-generic macros.
  static constexpr llvm::StringLiteral sameName[] = {
      "ceil", "floor",    "round", "trunc", "sqrt",     "cbrt",    "exp",
      "exp2", "expm1",    "log",   "log2",  "log10",    "log1p",   "sin",
      "cos",  "tan",      "asin",  "acos",  "atan",     "atan2",   "sinh",
      "cosh", "tanh",     "asinh", "acosh", "atanh",    "erf",     "erfc",
      "fma",  "copysign", "isnan", "isinf", "isfinite", "isnormal"};
  StringRef function = name;
  if (!function.consume_front("math.") ||
      !llvm::is_contained(sameName, function))
    return "";
  return function;
}

/// Lowers the math operations on floats to calls of their <math.h>
/// functions (upstream's conversion knows a third of them, and only on f32
/// and f64): f16 and bf16 values are computed in float and rounded back, as
/// C compilers compute them (isnormal compares with their own smallest
/// normal value); rsqrt is one divided by the square root, as upstream's
/// LLVM lowering computes it, except that f16 and bf16 are rounded once
/// (that lowering rounds the square root to the narrow type first, and can
/// be an ulp away).
static void callMathFunctions(ModuleOp module) {
  SmallVector<Operation *> mathOps;
  module.walk([&](Operation *op) {
    StringRef name = op->getName().getStringRef();
    if ((name == "math.rsqrt" || !getMathFunction(name).empty()) &&
        op->getNumResults() == 1 && op->getNumOperands() != 0 &&
        llvm::all_of(op->getOperandTypes(), llvm::IsaPred<FloatType>))
      mathOps.push_back(op);
  });
  for (Operation *op : mathOps) {
    OpBuilder b(op);
    Location loc = op->getLoc();
    auto type = cast<FloatType>(op->getOperand(0).getType());
    bool isDouble = isa<Float64Type>(type);
    FloatType compute = isDouble ? b.getF64Type() : b.getF32Type();
    SmallVector<Value> operands;
    for (Value operand : op->getOperands())
      operands.push_back(
          operand.getType() == compute
              ? operand
              : arith::ExtFOp::create(b, loc, compute, operand).getResult());
    auto call = [&](StringRef function, Type result) {
      return emitc::CallOpaqueOp::create(b, loc, result, function, operands)
          .getResult(0);
    };
    StringRef name = op->getName().getStringRef();
    StringRef suffix = isDouble ? "" : "f";
    Value result;
    if (name == "math.rsqrt") {
      Value one = arith::ConstantOp::create(b, loc, compute,
                                            b.getFloatAttr(compute, 1));
      result = arith::DivFOp::create(b, loc, one,
                                     call(("sqrt" + suffix).str(), compute));
    } else if (name == "math.isnormal" && type != compute) {
      // A subnormal f16 is a normal float: compare with the smallest normal
      // value of the operand's own type.
      Value x = operands.front();
      auto constant = [&](const APFloat &value) {
        bool lost;
        APFloat wide = value;
        wide.convert(compute.getFloatSemantics(), APFloat::rmNearestTiesToEven,
                     &lost);
        return arith::ConstantOp::create(b, loc, compute,
                                         b.getFloatAttr(compute, wide));
      };
      auto compare = [&](arith::CmpFPredicate predicate, Value bound) {
        return arith::CmpFOp::create(b, loc, predicate, x, bound);
      };
      const llvm::fltSemantics &semantics = type.getFloatSemantics();
      Value positive = arith::AndIOp::create(
          b, loc,
          compare(arith::CmpFPredicate::OGE,
                  constant(APFloat::getSmallestNormalized(semantics))),
          compare(arith::CmpFPredicate::OLT,
                  constant(APFloat::getInf(semantics))));
      Value negative = arith::AndIOp::create(
          b, loc,
          compare(arith::CmpFPredicate::OLE,
                  constant(APFloat::getSmallestNormalized(semantics, true))),
          compare(arith::CmpFPredicate::OGT,
                  constant(APFloat::getInf(semantics, true))));
      result = arith::OrIOp::create(b, loc, positive, negative);
    } else if (isa<FloatType>(op->getResult(0).getType())) {
      result = call((getMathFunction(name) + suffix).str(), compute);
    } else {
      result = call(getMathFunction(name), op->getResult(0).getType());
    }
    if (isa<FloatType>(result.getType()) && result.getType() != type)
      result = arith::TruncFOp::create(b, loc, type, result);
    op->getResult(0).replaceAllUsesWith(result);
    op->erase();
  }
}

/// Rewrites each call of a function named in `changed`, whose type changed,
/// with `rewriteCall`; a function value of one is an error saying `why` its
/// calls need the rewrite.
static LogicalResult
updateCallsOfChangedFunctions(ModuleOp module, const llvm::StringSet<> &changed,
                              StringRef why,
                              function_ref<void(func::CallOp)> rewriteCall) {
  if (changed.empty())
    return success();
  WalkResult walk = module.walk([&](Operation *op) {
    if (auto value = dyn_cast<func::ConstantOp>(op)) {
      if (!changed.contains(value.getValue()))
        return WalkResult::advance();
      value.emitError() << "cannot lower a function value of @"
                        << value.getValue() << " to C: " << why
                        << "; call it directly";
      return WalkResult::interrupt();
    }
    if (auto call = dyn_cast<func::CallOp>(op);
        call && changed.contains(call.getCallee()))
      rewriteCall(call);
    return WalkResult::advance();
  });
  return failure(walk.wasInterrupted());
}

/// Makes the functions returning index values return i64: upstream's
/// conversion gives the function a `size_t` result but leaves its calls
/// returning index, which does not verify. Their calls cast back. Runs
/// before the split, so wrappers and bodies get the new type. A declaration
/// or a function value returning index is an error.
static LogicalResult returnIndexAsI64(ModuleOp module, func::FuncOp entry) {
  llvm::StringSet<> changed;
  for (auto function : module.getOps<func::FuncOp>()) {
    if (function == entry ||
        !llvm::any_of(function.getResultTypes(), llvm::IsaPred<IndexType>))
      continue;
    if (function.isExternal())
      return emitError(function.getLoc())
             << "cannot lower @" << function.getName()
             << " to C: upstream's conversion of calls returning index does "
                "not verify; declare it returning i64";
    OpBuilder b(module.getContext());
    Type i64 = b.getI64Type();
    auto widen = [&](Type type) { return isa<IndexType>(type) ? i64 : type; };
    function.walk([&](func::ReturnOp ret) {
      b.setInsertionPoint(ret);
      for (OpOperand &operand : ret->getOpOperands())
        if (isa<IndexType>(operand.get().getType()))
          operand.set(
              arith::IndexCastOp::create(b, ret.getLoc(), i64, operand.get()));
    });
    function.setType(FunctionType::get(
        module.getContext(), function.getArgumentTypes(),
        llvm::map_to_vector(function.getResultTypes(), widen)));
    changed.insert(function.getName());
  }
  return updateCallsOfChangedFunctions(
      module, changed, "it returns index, which its calls must cast",
      [](func::CallOp call) {
        OpBuilder b(call);
        b.setInsertionPointAfter(call);
        for (OpResult result : call->getResults()) {
          if (!isa<IndexType>(result.getType()))
            continue;
          result.setType(b.getI64Type());
          auto back = arith::IndexCastOp::create(b, call.getLoc(),
                                                 b.getIndexType(), result);
          result.replaceAllUsesExcept(back, back);
        }
      });
}

/// `ArithOp` of the two operands of `op`.
template <typename ArithOp>
static Value createBinary(OpBuilder &b, Operation *op) {
  return ArithOp::create(b, op->getLoc(), op->getOperand(0), op->getOperand(1));
}

/// The index dialect (TOSA's FFT lowerings compute indices with it) has no
/// EmitC conversion: its operations become arith's on index, which the
/// rewrites here and upstream's conversion take (`index.sizeof` is refused
/// before).
static void convertIndexDialect(ModuleOp module) {
  SmallVector<Operation *> ops;
  module.walk([&](Operation *op) {
    if (isa_and_nonnull<index::IndexDialect>(op->getDialect()))
      ops.push_back(op);
  });
  for (Operation *op : ops) {
    OpBuilder b(op);
    Location loc = op->getLoc();
    Value result =
        TypeSwitch<Operation *, Value>(op)
            .Case([&](index::ConstantOp constant) {
              return arith::ConstantOp::create(b, loc, constant.getValueAttr());
            })
            .Case([&](index::BoolConstantOp constant) {
              return arith::ConstantOp::create(b, loc, constant.getValueAttr());
            })
            .Case([&](index::CastSOp cast) {
              return arith::IndexCastOp::create(b, loc, cast.getType(),
                                                cast.getInput());
            })
            .Case([&](index::CastUOp cast) {
              return arith::IndexCastUIOp::create(b, loc, cast.getType(),
                                                  cast.getInput());
            })
            .Case([&](index::CmpOp compare) {
              // The predicates have the same names.
              return arith::CmpIOp::create(
                  b, loc,
                  *arith::symbolizeCmpIPredicate(
                      index::stringifyIndexCmpPredicate(compare.getPred())),
                  compare.getLhs(), compare.getRhs());
            })
            .Case([&](index::AddOp) {
              return createBinary<arith::AddIOp>(b, op);
            })
            .Case([&](index::SubOp) {
              return createBinary<arith::SubIOp>(b, op);
            })
            .Case([&](index::MulOp) {
              return createBinary<arith::MulIOp>(b, op);
            })
            .Case([&](index::DivSOp) {
              return createBinary<arith::DivSIOp>(b, op);
            })
            .Case([&](index::DivUOp) {
              return createBinary<arith::DivUIOp>(b, op);
            })
            .Case([&](index::RemSOp) {
              return createBinary<arith::RemSIOp>(b, op);
            })
            .Case([&](index::RemUOp) {
              return createBinary<arith::RemUIOp>(b, op);
            })
            .Case([&](index::CeilDivSOp) {
              return createBinary<arith::CeilDivSIOp>(b, op);
            })
            .Case([&](index::CeilDivUOp) {
              return createBinary<arith::CeilDivUIOp>(b, op);
            })
            .Case([&](index::FloorDivSOp) {
              return createBinary<arith::FloorDivSIOp>(b, op);
            })
            .Case([&](index::MaxSOp) {
              return createBinary<arith::MaxSIOp>(b, op);
            })
            .Case([&](index::MaxUOp) {
              return createBinary<arith::MaxUIOp>(b, op);
            })
            .Case([&](index::MinSOp) {
              return createBinary<arith::MinSIOp>(b, op);
            })
            .Case([&](index::MinUOp) {
              return createBinary<arith::MinUIOp>(b, op);
            })
            .Case([&](index::ShlOp) {
              return createBinary<arith::ShLIOp>(b, op);
            })
            .Case([&](index::ShrSOp) {
              return createBinary<arith::ShRSIOp>(b, op);
            })
            .Case([&](index::ShrUOp) {
              return createBinary<arith::ShRUIOp>(b, op);
            })
            .Case([&](index::AndOp) {
              return createBinary<arith::AndIOp>(b, op);
            })
            .Case(
                [&](index::OrOp) { return createBinary<arith::OrIOp>(b, op); })
            .Case([&](index::XOrOp) {
              return createBinary<arith::XOrIOp>(b, op);
            })
            .Default([](Operation *) { return Value(); });
    if (!result)
      continue;
    op->getResult(0).replaceAllUsesWith(result);
    op->erase();
  }
}

/// Upstream's expansion of arith.minimumf and arith.maximumf (a compare and
/// a select) takes either zero when they compare equal, but -0.0 is below
/// +0.0 for them. This one returns a NaN operand as it is, keeps the
/// ordered cases and, for equal operands that are zeros, adds them: (-0) + (+0)
/// is +0, the maximum, and the minimum is the same on the negated operands,
/// negated.
static void expandMinimumMaximum(ModuleOp module) {
  module.walk([](Operation *op) {
    bool isMin = isa<arith::MinimumFOp>(op);
    if (!isMin && !isa<arith::MaximumFOp>(op))
      return;
    auto type = dyn_cast<FloatType>(op->getResult(0).getType());
    if (!type)
      return;
    OpBuilder b(op);
    Location loc = op->getLoc();
    Value lhs = op->getOperand(0), rhs = op->getOperand(1);
    auto cmp = [&](arith::CmpFPredicate predicate, Value x, Value y) {
      return arith::CmpFOp::create(b, loc, predicate, x, y).getResult();
    };
    auto select = [&](Value condition, Value x, Value y) {
      return arith::SelectOp::create(b, loc, condition, x, y).getResult();
    };
    auto constant = [&](const APFloat &value) {
      return arith::ConstantOp::create(b, loc, type,
                                       b.getFloatAttr(type, value))
          .getResult();
    };
    // The larger of two equal zeros: their sum.
    Value sumOfZeros;
    if (isMin) {
      Value negLhs = arith::NegFOp::create(b, loc, lhs);
      Value negRhs = arith::NegFOp::create(b, loc, rhs);
      sumOfZeros = arith::NegFOp::create(
          b, loc, arith::AddFOp::create(b, loc, negLhs, negRhs));
    } else {
      sumOfZeros = arith::AddFOp::create(b, loc, lhs, rhs);
    }
    Value isZero = cmp(arith::CmpFPredicate::OEQ, lhs,
                       constant(APFloat::getZero(type.getFloatSemantics())));
    Value equal = select(isZero, sumOfZeros, lhs);
    Value first =
        cmp(isMin ? arith::CmpFPredicate::OLT : arith::CmpFPredicate::OGT, lhs,
            rhs);
    Value second =
        cmp(isMin ? arith::CmpFPredicate::OLT : arith::CmpFPredicate::OGT, rhs,
            lhs);
    Value ordered = select(first, lhs, select(second, rhs, equal));
    // A NaN operand is the result, payload and all.
    Value result =
        select(cmp(arith::CmpFPredicate::UNO, lhs, lhs), lhs,
               select(cmp(arith::CmpFPredicate::UNO, rhs, rhs), rhs, ordered));
    op->getResult(0).replaceAllUsesWith(result);
    op->erase();
  });
}

/// The EmitC printer writes INT64_MIN as -9223372036854775808, a negated
/// literal too large for int64_t that compilers warn about (an error under
/// -Werror): constants and the initializers of constant arrays spell it
/// INT64_MIN (<stdint.h>) instead, also for index values (converted to
/// `size_t`, it is the same value).
static void spellInt64Min(ModuleOp module) {
  auto isMin = [](const APInt &value) {
    return value.getBitWidth() == 64 && value.isMinSignedValue();
  };
  auto isSignedOrSignless = [](Type type) {
    auto integer = dyn_cast<IntegerType>(type);
    return isa<IndexType>(type) || (integer && !integer.isUnsigned());
  };
  MLIRContext *context = module.getContext();
  module.walk([&](Operation *op) {
    if (auto constant = dyn_cast<emitc::ConstantOp>(op)) {
      auto value = dyn_cast<IntegerAttr>(constant.getValue());
      if (value && isSignedOrSignless(value.getType()) &&
          isMin(value.getValue()))
        constant.setValueAttr(emitc::OpaqueAttr::get(context, "INT64_MIN"));
      return;
    }
    auto global = dyn_cast<emitc::GlobalOp>(op);
    auto elements = global ? dyn_cast_or_null<DenseIntElementsAttr>(
                                 global.getInitialValueAttr())
                           : nullptr;
    if (!elements || !isSignedOrSignless(elements.getElementType()) ||
        llvm::none_of(elements.getValues<APInt>(), isMin))
      return;
    std::string text;
    llvm::raw_string_ostream os(text);
    os << "{";
    llvm::interleaveComma(elements.getValues<APInt>(), os,
                          [&](const APInt &value) {
                            if (isMin(value))
                              os << "INT64_MIN";
                            else
                              os << value.getSExtValue();
                          });
    os << "}";
    global.setInitialValueAttr(emitc::OpaqueAttr::get(context, text));
  });
}

/// A constant global outside the pools is a `const` C array, which C
/// cannot pass for a function's (non-const) array parameter: one passed to
/// a call loses its `const` (it then takes RAM rather than read-only
/// memory).
static void dropConstOfGlobalsPassedToCalls(ModuleOp module) {
  // Cached tables: a lookup each scans the module otherwise.
  SymbolTableCollection symbols;
  module.walk([&](emitc::GetGlobalOp get) {
    bool passed = llvm::any_of(get->getUsers(), [](Operation *user) {
      return isa<emitc::CallOp, emitc::CallOpaqueOp>(user);
    });
    if (!passed)
      return;
    if (auto global = symbols.lookupNearestSymbolFrom<emitc::GlobalOp>(
            get, get.getNameAttr()))
      global.setConstSpecifier(false);
  });
}

/// C has no zero-length arrays. (Before the functions are split, which
/// cannot pass such a view either.)
static LogicalResult checkNoEmptyBuffers(ModuleOp module) {
  // The op making such a buffer, else the first using one (a call passing
  // a pool of no bytes comes before the buffer in the callee).
  Operation *empty = nullptr, *user = nullptr;
  module.walk([&](Operation *op) {
    auto isEmpty = [](Type type) {
      auto memref = dyn_cast<MemRefType>(type);
      // (Not getNumElements, whose product may wrap to 0.)
      return memref && memref.hasStaticShape() &&
             llvm::is_contained(memref.getShape(), 0);
    };
    if (llvm::any_of(op->getResultTypes(), isEmpty)) {
      empty = op;
      return WalkResult::interrupt();
    }
    if (!user && llvm::any_of(op->getOperandTypes(), isEmpty))
      user = op;
    return WalkResult::advance();
  });
  if (!empty)
    empty = user;
  // A planned buffer is a view of its pool by now, which its source never
  // named: the error says what it is.
  if (auto view = dyn_cast_or_null<memref::ViewOp>(empty);
      view && view->hasAttr(USMPDialect::getPlacementAttrName()))
    return emitError(view.getLoc())
           << "cannot lower the buffer to C: " << view.getType()
           << " has no elements, and C has no zero-length arrays";
  if (empty)
    return emitErrorAt(empty) << "cannot lower '" << empty->getName()
                              << "' to C: it uses a buffer with no elements, "
                                 "and C has no zero-length arrays";
  return success();
}

LogicalResult ConvertUSMPToEmitCPass::lowerModelCode(ModuleOp module) {
  convertIndexDialect(module);
  expandMinimumMaximum(module);
  OpPassManager expand(ModuleOp::getOperationName());
  expand.addNestedPass<func::FuncOp>(createConvertLinalgToLoopsPass());
  expand.addPass(memref::createFoldMemRefAliasOpsPass());
  expand.addPass(createLowerAffinePass());
  expand.addPass(arith::createArithExpandOpsPass());
  // Counting leading zeros (tosa.clz) has no C99 function: shifts and
  // compares.
  math::MathExpandOpsPassOptions mathExpansions;
  mathExpansions.opMnemonics = {"ctlz"};
  expand.addPass(math::createMathExpandOpsPass(mathExpansions));
  if (failed(runPipeline(expand, module)))
    return failure();
  // After the expansions, which make products and divisions of their own
  // (floordivsi multiplies), and before canonicalization.
  foldConstantComparisons(module);
  computeIndexOnI64(module);
  signBooleanOperations(module);
  widenNarrowProducts(module);
  guardFloatToIntConversions(module);
  callMathFunctions(module);
  OpPassManager canonicalize(ModuleOp::getOperationName());
  canonicalize.addPass(createCanonicalizerPass());
  if (failed(runPipeline(canonicalize, module)))
    return failure();
  // A function value that did not fold into a direct call (one chosen by a
  // select, say) has no conversion: its reference would dangle once the
  // function is an emitc.func.
  func::ConstantOp value;
  module.walk([&](func::ConstantOp op) {
    value = op;
    return WalkResult::interrupt();
  });
  if (value)
    return value.emitError()
           << "cannot lower 'func.constant' to C: a function value has a C "
              "form only where it folds into a direct call; call the "
              "function directly";
  OpPassManager pm(ModuleOp::getOperationName());
  pm.addPass(createConvertToEmitC());
  if (failed(runPipeline(pm, module)))
    return failure();

  // Whatever upstream could not lower is an error naming the operation.
  Operation *unlowered = nullptr;
  module.walk([&](Operation *op) {
    if (isa<ModuleOp>(op) ||
        isa_and_nonnull<emitc::EmitCDialect>(op->getDialect()))
      return WalkResult::advance();
    // Declarations of the functions split above are lowered to emitc.func.
    unlowered = op;
    return WalkResult::interrupt();
  });
  if (unlowered) {
    // A cast left by a partial conversion stands for the operation that
    // produced or consumes the unconverted value: name that one.
    if (auto cast = dyn_cast<UnrealizedConversionCastOp>(unlowered)) {
      for (Value input : cast.getInputs())
        if (Operation *producer = input.getDefiningOp();
            producer &&
            !isa_and_nonnull<emitc::EmitCDialect>(producer->getDialect()))
          unlowered = producer;
      for (Operation *user : cast->getUsers())
        if (!isa_and_nonnull<emitc::EmitCDialect>(user->getDialect()) &&
            !isa<UnrealizedConversionCastOp>(user))
          unlowered = user;
    }
    // flattenGlobal's reshape stays only where the array goes whole.
    auto globalName = [](Value source) -> std::optional<StringRef> {
      Operation *producer = source.getDefiningOp();
      if (auto cast = dyn_cast_or_null<UnrealizedConversionCastOp>(producer))
        producer = cast.getNumOperands() == 1
                       ? cast.getInputs().front().getDefiningOp()
                       : nullptr;
      if (auto get = dyn_cast_or_null<memref::GetGlobalOp>(producer))
        return get.getName();
      if (auto get = dyn_cast_or_null<emitc::GetGlobalOp>(producer))
        return get.getName();
      return std::nullopt;
    };
    if (auto expand = dyn_cast<memref::ExpandShapeOp>(unlowered))
      if (std::optional<StringRef> name = globalName(expand.getSrc());
          name && flattenedGlobals.count(*name))
        return expand.emitError()
               << "cannot lower this use of the multi-dimensional constant @"
               << flattenedGlobals.lookup(*name)
               << " to C: outside the pools it is a flat C array, whose "
                  "elements can be read but which cannot be passed whole; "
                  "place it in a constant pool";
    // Any other reshape left is used whole: name the use (through casts
    // and further reshapes), with the remedy for a call.
    if (isa<memref::CollapseShapeOp, memref::ExpandShapeOp>(unlowered)) {
      Operation *wholeUse = nullptr;
      SmallVector<Operation *> worklist = {unlowered};
      while (!worklist.empty() && !wholeUse)
        for (Operation *user : worklist.pop_back_val()->getUsers()) {
          if (isa<UnrealizedConversionCastOp, memref::CollapseShapeOp,
                  memref::ExpandShapeOp>(user)) {
            worklist.push_back(user);
            continue;
          }
          if (!isa<emitc::LoadOp, emitc::SubscriptOp, emitc::AssignOp,
                   memref::LoadOp, memref::StoreOp>(user)) {
            wholeUse = user;
            break;
          }
        }
      InFlightDiagnostic diag =
          emitErrorAt(unlowered)
          << "cannot lower '" << unlowered->getName()
          << "' to C: a reshaped buffer can only be read and written "
             "element by element";
      if (!wholeUse)
        return diag;
      if (isa<func::CallOp, emitc::CallOp>(wholeUse))
        diag << " (usmp-copy-reshaped-arguments gives a call a copy)";
      else
        diag << ", and '" << wholeUse->getName() << "' takes it whole";
      diag.attachNote(wholeUse->getLoc()) << "used whole here";
      return diag;
    }
    return emitErrorAt(unlowered) << "cannot lower '" << unlowered->getName()
                                  << "' to C: no EmitC conversion handles it";
  }
  dropConstOfGlobalsPassedToCalls(module);
  spellInt64Min(module);
  return spellHalfConstants(module);
}

/// The pointer type a view of `type` is passed as: a pointer to its element
/// for one dimension, else a pointer to a typedef of its rows.
static Type getViewPointerType(MemRefType type, StringRef element,
                               RowTypedefs &rows, Type convertedElement) {
  MLIRContext *context = type.getContext();
  if (type.getRank() <= 1)
    return emitc::PointerType::get(convertedElement);
  std::string natural = rows.prefix;
  std::string dims;
  for (int64_t dim : type.getShape().drop_front()) {
    natural += "_" + std::to_string(dim);
    dims += "[" + std::to_string(dim) + "]";
  }
  // `_Float16` and `__bf16` would put a double underscore in the name,
  // which C++ reserves, and POSIX reserves names ending in `_t` (int8_t).
  StringRef elementPart = element.ltrim('_');
  elementPart.consume_back("_t");
  natural += "_" + sanitizeIdentifier(elementPart);
  auto [it, inserted] = rows.names.try_emplace(natural, natural);
  if (inserted) {
    // A model symbol can have the natural name (@row_2_float); no natural
    // name ends in `_<digits>` after the element type.
    for (unsigned k = 1; rows.taken.contains(it->second); ++k)
      it->second = natural + "_" + std::to_string(k);
    rows.taken.insert(it->second);
    rows.declarations.push_back("typedef " + element.str() + " " + it->second +
                                dims + ";");
  }
  return emitc::PointerType::get(emitc::OpaqueType::get(context, it->second));
}

/// Erases values the conversions left unread (the result of an scf.while
/// nobody uses, ...), which would draw -Wunused-variable or
/// -Wunused-but-set-variable.
static void eraseUnreadValues(ModuleOp module) {
  auto onlyAssigned = [](emitc::VariableOp variable) {
    return llvm::all_of(variable->getUses(), [](OpOperand &use) {
      auto assign = dyn_cast<emitc::AssignOp>(use.getOwner());
      return assign && use.get() == assign.getVar();
    });
  };
  SmallVector<Operation *> dead;
  do {
    dead.clear();
    module.walk([&](emitc::FuncOp function) {
      function.getBody().walk([&](Operation *op) {
        if (isOpTriviallyDead(op)) {
          dead.push_back(op);
        } else if (auto variable = dyn_cast<emitc::VariableOp>(op);
                   variable && onlyAssigned(variable)) {
          llvm::append_range(dead, variable->getUsers());
          dead.push_back(variable);
        }
      });
    });
    for (Operation *op : dead)
      op->erase();
  } while (!dead.empty());
}

/// Casts to void the parameters nobody reads: those of the entry and of the
/// API functions keep their place in the signatures.
static void castUnusedParametersToVoid(ModuleOp module) {
  module.walk([](emitc::FuncOp function) {
    if (function.isExternal())
      return;
    OpBuilder builder = OpBuilder::atBlockBegin(&function.front());
    for (BlockArgument argument : function.getArguments())
      if (argument.use_empty())
        emitc::VerbatimOp::create(builder, argument.getLoc(), "(void){};",
                                  argument);
  });
}

void ConvertUSMPToEmitCPass::removeUnusedParameters(ModuleOp module) {
  // Constants whose reads were folded away would be unused statics.
  eraseUnreferencedGlobals<emitc::GlobalOp>(module);
  DenseMap<StringAttr, SmallVector<emitc::CallOp>> callsTo;
  module.walk([&](emitc::CallOp call) {
    callsTo[call.getCalleeAttr().getRootReference()].push_back(call);
  });
  llvm::StringMap<SplitFunction *> splitOfImpl;
  for (SplitFunction &split : splits)
    splitOfImpl[split.impl] = &split;
  // The model's functions are internal: a parameter nobody reads (a pool
  // only its callees' views used, a buffer only its shape was read from)
  // would draw -Wunused-parameter.
  for (auto function : module.getOps<emitc::FuncOp>()) {
    // run calls the entry with every argument it had.
    if (function.isExternal() || function.getName() == entryName)
      continue;
    llvm::BitVector unused(function.getNumArguments());
    for (BlockArgument argument : function.getArguments())
      if (argument.use_empty())
        unused.set(argument.getArgNumber());
    if (unused.none())
      continue;
    if (SplitFunction *split = splitOfImpl.lookup(function.getName()))
      split->unusedImplParameters = unused;
    if (failed(function.eraseArguments(unused)))
      continue;
    for (emitc::CallOp call : callsTo.lookup(function.getNameAttr())) {
      SmallVector<Value> operands;
      for (auto [index, operand] : llvm::enumerate(call.getOperands()))
        if (!unused.test(index))
          operands.push_back(operand);
      call->setOperands(operands);
    }
  }
}

void ConvertUSMPToEmitCPass::buildWrappers(ModuleOp module) {
  MLIRContext *context = &getContext();
  // The wrappers name the rows they cast pools to; the API's own names do
  // not begin like them.
  rowTypedefs.prefix = prefix + "_row";
  for (Operation &op : *module.getBody())
    if (auto symbol = dyn_cast<SymbolOpInterface>(op))
      rowTypedefs.taken.insert(symbol.getName());
  for (const PoolInfo &pool : pools)
    rowTypedefs.taken.insert(pool.array);
  SymbolTable symbols(module);
  for (const SplitFunction &split : splits) {
    auto wrapper = symbols.lookup<emitc::FuncOp>(split.name);
    wrapper.removeSpecifiersAttr();
    Block *block = wrapper.addEntryBlock();
    OpBuilder builder = OpBuilder::atBlockBegin(block);
    Location loc = wrapper.getLoc();
    auto isUsed = [&](unsigned parameter) {
      return split.unusedImplParameters.empty() ||
             !split.unusedImplParameters.test(parameter);
    };
    SmallVector<Value> operands;
    for (BlockArgument argument : block->getArguments())
      if (isUsed(argument.getArgNumber()))
        operands.push_back(argument);
    unsigned parameter = block->getNumArguments();
    for (auto [poolArgument, offset, type] : split.views) {
      if (!isUsed(parameter++))
        continue;
      Value pool = block->getArgument(poolArgument);
      Value index = emitc::ConstantOp::create(
          builder, loc, emitc::SizeTType::get(context),
          builder.getIntegerAttr(builder.getIndexType(), offset));
      auto poolType = cast<emitc::ArrayType>(pool.getType());
      Value byte = emitc::SubscriptOp::create(
          builder, loc, emitc::LValueType::get(poolType.getElementType()), pool,
          ValueRange{index});
      Value address = emitc::AddressOfOp::create(
          builder, loc, emitc::PointerType::get(poolType.getElementType()),
          byte);
      Type element = type.getElementType();
      Type pointerType =
          getViewPointerType(type, cTypeName(element), rowTypedefs, element);
      operands.push_back(
          emitc::CastOp::create(builder, loc, pointerType, address));
    }
    auto call = emitc::CallOpaqueOp::create(
        builder, loc, wrapper.getResultTypes(), split.impl, operands);
    emitc::ReturnOp::create(builder, loc,
                            call.getNumResults() ? call.getResult(0) : Value());
  }
}

/// Makes `global`, whose initializer's elements are all the same, an array
/// of one of them. Returns false, leaving it as it was, when it has one
/// already or its initializer is neither dense elements nor the text of
/// such (bf16 and INT64_MIN values are written out as text).
static bool shrinkToOneElement(emitc::GlobalOp global) {
  auto type = dyn_cast<emitc::ArrayType>(global.getType());
  if (!type || type.getNumElements() == 1)
    return false;
  Attribute value = global.getInitialValueAttr();
  Attribute one;
  if (auto elements = dyn_cast_or_null<DenseElementsAttr>(value)) {
    one = DenseElementsAttr::get(
        RankedTensorType::get({1}, elements.getElementType()),
        elements.getSplatValue<Attribute>());
  } else if (auto text = dyn_cast_or_null<emitc::OpaqueAttr>(value)) {
    // "{x, x, ...}": no element's text has a comma.
    StringRef all = text.getValue();
    if (!all.starts_with("{") || !all.ends_with("}"))
      return false;
    one = emitc::OpaqueAttr::get(
        global.getContext(),
        (all.take_until([](char c) { return c == ',' || c == '}'; }) + "}")
            .str());
  } else {
    return false;
  }
  global.setType(emitc::ArrayType::get({1}, type.getElementType()));
  global.setInitialValueAttr(one);
  return true;
}

void ConvertUSMPToEmitCPass::buildFiles(ModuleOp module) {
  MLIRContext *context = &getContext();
  Location loc = module.getLoc();
  SmallVector<Operation *> modelCode;
  for (Operation &op : *module.getBody())
    modelCode.push_back(&op);

  OpBuilder builder = OpBuilder::atBlockEnd(module.getBody());
  auto header = emitc::FileOp::create(builder, loc, prefix + ".h");
  auto source = emitc::FileOp::create(builder, loc, prefix + ".c");
  OpBuilder h = OpBuilder::atBlockEnd(&header.getBodyRegion().front());
  OpBuilder s = OpBuilder::atBlockEnd(&source.getBodyRegion().front());
  auto line = [&](OpBuilder &b, const Twine &text) {
    emitc::VerbatimOp::create(b, loc, b.getStringAttr(text));
  };

  // Pools the application provides, sorted by name.
  SmallVector<unsigned> provided;
  for (auto [index, pool] : llvm::enumerate(pools))
    if (!pool.internal && pool.usedByModel)
      provided.push_back(index);
  llvm::sort(provided, [&](unsigned a, unsigned b) {
    return pools[a].name < pools[b].name;
  });
  auto all = llvm::concat<TensorInfo>(inputs, outputs);

  // Header: guard, sizes of the tensors, the structs.
  std::string guard = macroPrefix + "_H_";
  line(h, "#ifndef " + guard + "\n#define " + guard);
  emitc::IncludeOp::create(h, loc, "stdint.h", /*is_standard_include=*/true);
  line(h, "#ifdef __cplusplus\nextern \"C\" {\n#endif");
  for (const TensorInfo &tensor : all)
    line(h,
         "/* " +
             Twine(tensor.io.getDirection() == IODirection::Input ? "Input"
                                                                  : "Output") +
             " tensor " + commentText(tensor.io.getName()) +
             " size (in bytes) */\n" + "#define " + sizeMacro(tensor) + " " +
             Twine(tensor.size));
  auto structDecl = [&](StringRef kind, StringRef doc,
                        ArrayRef<std::string> fields) {
    std::string text =
        "/* " + doc.str() + " */\nstruct " + prefix + "_" + kind.str() + " {\n";
    for (const std::string &field : fields)
      text += "  void* " + field + ";\n";
    // The RFC's applications name the structs without `struct`.
    std::string name = prefix + "_" + kind.str();
    line(h, text + "};\ntypedef struct " + name + " " + name + ";");
  };
  SmallVector<std::string> inputFields, outputFields, poolFields;
  for (const TensorInfo &tensor : inputs)
    inputFields.push_back(tensor.name);
  for (const TensorInfo &tensor : outputs)
    outputFields.push_back(tensor.name);
  for (unsigned index : provided)
    poolFields.push_back(pools[index].name);
  if (!inputs.empty())
    structDecl("inputs", "Input tensor pointers", inputFields);
  if (!outputs.empty())
    structDecl("outputs", "Output tensor pointers", outputFields);
  if (!provided.empty())
    structDecl("workspace_pools",
               "Pools the application provides, each of at least its "
               "..._POOL_SIZE bytes",
               poolFields);

  // Source: includes, internal pools, typedefs, then the model's code.
  emitc::IncludeOp::create(s, loc, prefix + ".h",
                           /*is_standard_include=*/false);
  // The state left after lowering (that found unread is gone), with a
  // constant copy of each initial value beside it, for reset_state.
  struct State {
    StringRef array, initial;
    bool single;
  };
  SmallVector<State> state;
  for (size_t i = 0; i < modelCode.size(); ++i) {
    auto global = dyn_cast<emitc::GlobalOp>(modelCode[i]);
    auto it =
        global ? stateGlobals.find(global.getSymName()) : stateGlobals.end();
    if (it == stateGlobals.end())
      continue;
    const StateInfo &info = it->second;
    if (info.initial.empty()) {
      state.push_back({it->first(), "", false});
      continue;
    }
    auto initial = cast<emitc::GlobalOp>(global->clone());
    // A value whose elements are all the same keeps one, which reset_state
    // repeats (a quantized model's state starts at its zero point).
    bool single = info.splat && shrinkToOneElement(initial);
    state.push_back({it->first(), info.initial, single});
    initial.setSymName(info.initial);
    initial.setConstSpecifier(true);
    global->getBlock()->getOperations().insertAfter(global->getIterator(),
                                                    initial);
    modelCode.insert(modelCode.begin() + ++i, initial);
  }
  for (StringRef include : {"stdbool.h", "stddef.h", "math.h", "string.h"})
    if (include != "string.h" || !state.empty())
      emitc::IncludeOp::create(s, loc, include, /*is_standard_include=*/true);
  // A compiler for a target of another width stops here (C99 has no
  // static assertions; a negative array size is an error everywhere).
  if (indexBytes)
    line(s, "/* The size macros count index elements of inputs and outputs " +
                Twine(*indexBytes) +
                " bytes wide, and the code holds them in size_t (for a "
                "target of another width, make them i64) */\ntypedef char " +
                prefix + "_size_t_is_" + Twine(*indexBytes) +
                "_bytes[sizeof(size_t) == " + Twine(*indexBytes) +
                " ? 1 : -1];");
  // Every access is within its view and every view within its pool (the
  // plan is verified), but GCC 12 at -O2 reports some accesses through
  // views of a pool as out of bounds once `run` is inlined: a false
  // positive an application building with -Werror would stop at. (Popped
  // at the end, for a build that includes the source in its own.)
  line(s, "#if defined(__GNUC__) && !defined(__clang__)\n"
          "#pragma GCC diagnostic push\n"
          "#pragma GCC diagnostic ignored \"-Warray-bounds\"\n"
          "#endif");
  if (llvm::any_of(pools,
                   [](const PoolInfo &pool) {
                     return pool.internal && pool.usedByModel;
                   }) ||
      !globalAlignments.empty())
    // Placed first in the declaration, where every spelling is valid. A
    // compiler none of these fits stops rather than misalign the arrays,
    // unless the build defines its own spelling.
    line(s, "#ifndef USMP_ALIGNED\n"
            "#if defined(__GNUC__)\n"
            "#define USMP_ALIGNED(n) __attribute__((aligned(n)))\n"
            "#elif defined(_MSC_VER)\n"
            "#define USMP_ALIGNED(n) __declspec(align(n))\n"
            "#elif defined(__cplusplus) && __cplusplus >= 201103L\n"
            "#define USMP_ALIGNED(n) alignas(n)\n"
            "#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L\n"
            "#define USMP_ALIGNED(n) _Alignas(n)\n"
            "#else\n"
            "#error \"no known way to align the static arrays with this "
            "compiler; define USMP_ALIGNED(n)\"\n"
            "#endif\n"
            "#endif");
  for (const PoolInfo &pool : pools) {
    if (!pool.internal || !pool.usedByModel)
      continue;
    std::string size = std::to_string(std::max<int64_t>(pool.size, 1));
    if (pool.constant)
      line(s, "USMP_ALIGNED(" + Twine(pool.alignment) +
                  ") static const uint8_t " + pool.array + "[" + size +
                  "] = {" + poolMacro(pool, "CONSTANT_POOL_DATA") + "};");
    else
      line(s, "USMP_ALIGNED(" + Twine(pool.alignment) + ") static uint8_t " +
                  pool.array + "[" + size + "];");
  }
  // Row typedefs go here once every pointer type is known.
  Operation *typedefAnchor =
      emitc::VerbatimOp::create(s, loc, s.getStringAttr("/* Model code */"));
  // Prototypes first: a function may call one defined after it. A function
  // without a body is the application's (an operator library, libm): its
  // declaration is the prototype, with external linkage, and C linkage
  // when the source is built as C++.
  auto isExternal = [](Operation *op) {
    auto function = dyn_cast<emitc::FuncOp>(op);
    return function && function.isExternal();
  };
  if (llvm::any_of(modelCode, isExternal)) {
    line(s, "#ifdef __cplusplus\nextern \"C\" {\n#endif");
    for (Operation *op : modelCode)
      if (isExternal(op))
        op->moveBefore(s.getInsertionBlock(), s.getInsertionPoint());
    line(s, "#ifdef __cplusplus\n}\n#endif");
  }
  for (Operation *op : modelCode)
    if (auto function = dyn_cast<emitc::FuncOp>(op);
        function && !function.isExternal()) {
      function.setSpecifiersAttr(s.getStrArrayAttr({"static"}));
      emitc::DeclareFuncOp::create(s, loc, function.getName());
    }
  // The globals before every function: a function may use a global the
  // module defines after it, which C must have declared first.
  for (bool globals : {true, false})
    for (Operation *op : modelCode) {
      auto global = dyn_cast<emitc::GlobalOp>(op);
      if (isExternal(op) || bool(global) != globals)
        continue;
      if (global)
        if (int64_t alignment = globalAlignments.lookup(global.getSymName()))
          line(s, "USMP_ALIGNED(" + Twine(alignment) + ")");
      op->moveBefore(s.getInsertionBlock(), s.getInsertionPoint());
    }

  // The API's types and helpers.
  auto structType = [&](StringRef kind) -> Type {
    return emitc::OpaqueType::get(context,
                                  ("struct " + prefix + "_" + kind).str());
  };
  auto structPointer = [&](StringRef kind) -> Type {
    return emitc::PointerType::get(structType(kind));
  };
  Type voidPointer =
      emitc::PointerType::get(emitc::OpaqueType::get(context, "void"));
  Type bytePointer = emitc::PointerType::get(
      IntegerType::get(context, 8, IntegerType::Unsigned));
  auto noInit = emitc::OpaqueAttr::get(context, "");
  // An lvalue holding `value`, for member access.
  auto lvalueOf = [&](OpBuilder &b, Value value) -> Value {
    Value variable = emitc::VariableOp::create(
        b, loc, emitc::LValueType::get(value.getType()), noInit);
    emitc::AssignOp::create(b, loc, variable, value);
    return variable;
  };
  auto fieldOf = [&](OpBuilder &b, Value pointerLValue, StringRef field) {
    Value member = emitc::MemberOfPtrOp::create(
        b, loc, emitc::LValueType::get(voidPointer), field, pointerLValue);
    return emitc::LoadOp::create(b, loc, voidPointer, member).getResult();
  };
  // The bytes of pool `index`, reading provided pools from `poolsLValue`.
  auto poolBytes = [&](OpBuilder &b, Value poolsLValue,
                       unsigned index) -> Value {
    const PoolInfo &pool = pools[index];
    if (pool.internal)
      return emitc::CastOp::create(
          b, loc, bytePointer,
          emitc::LiteralOp::create(b, loc, bytePointer, pool.array));
    return emitc::CastOp::create(b, loc, bytePointer,
                                 fieldOf(b, poolsLValue, pool.name));
  };
  auto declareAndDefine = [&](StringRef name, StringRef doc, FunctionType type,
                              function_ref<void(OpBuilder &, Block *)> build) {
    line(h, "/* " + doc + " */");
    auto declaration = emitc::FuncOp::create(h, loc, name, type);
    declaration.setPrivate();
    declaration.setSpecifiersAttr(h.getStrArrayAttr({"extern"}));
    auto definition = emitc::FuncOp::create(s, loc, name, type);
    Block *block = definition.addEntryBlock();
    OpBuilder body = OpBuilder::atBlockEnd(block);
    build(body, block);
  };

  // map_inputs / map_outputs: pointers into the pools.
  auto defineMap = [&](StringRef kind, ArrayRef<TensorInfo> tensors,
                       StringRef what) {
    if (llvm::none_of(
            tensors, [](const TensorInfo &tensor) { return tensor.pool >= 0; }))
      return;
    SmallVector<Type> params;
    if (!provided.empty())
      params.push_back(structPointer("workspace_pools"));
    auto type = FunctionType::get(context, params, {structType(kind)});
    declareAndDefine(
        prefix + "_map_" + kind.str(),
        ("Points every " + what + " that lives in a pool into it; " + what +
         "s outside pools are NULL")
            .str(),
        type, [&](OpBuilder &b, Block *block) {
          // Only tensors in provided pools read the pools argument.
          Value poolsLValue;
          Value result = emitc::VariableOp::create(
              b, loc, emitc::LValueType::get(structType(kind)), noInit);
          for (const TensorInfo &tensor : tensors) {
            Value pointer;
            if (tensor.pool >= 0) {
              if (!pools[tensor.pool].internal && !poolsLValue)
                poolsLValue = lvalueOf(b, block->getArgument(0));
              Value bytes = poolBytes(b, poolsLValue, tensor.pool);
              Value offset = emitc::ConstantOp::create(
                  b, loc, b.getI64Type(), b.getI64IntegerAttr(tensor.offset));
              Value address =
                  emitc::AddOp::create(b, loc, bytePointer, bytes, offset);
              pointer = emitc::CastOp::create(b, loc, voidPointer, address);
            } else {
              pointer = emitc::LiteralOp::create(b, loc, voidPointer, "NULL");
            }
            Value field = emitc::MemberOp::create(
                b, loc, emitc::LValueType::get(voidPointer), tensor.name,
                result);
            emitc::AssignOp::create(b, loc, field, pointer);
          }
          Value value = emitc::LoadOp::create(b, loc, structType(kind), result);
          emitc::ReturnOp::create(b, loc, value);
        });
  };
  defineMap("inputs", inputs, "input");
  defineMap("outputs", outputs, "output");

  // reset_state: every state's initial value back (zeros without one).
  if (hasState)
    declareAndDefine(
        prefix + "_reset_state",
        "Sets the model's state, which it keeps from one run to the next, "
        "back to its initial value",
        FunctionType::get(context, {}, {}), [&](OpBuilder &b, Block *) {
          for (const State &each : state) {
            StringRef array = each.array, initial = each.initial;
            std::string size = ("sizeof(" + array + ")").str();
            if (initial.empty())
              line(b, "memset(" + array + ", 0, " + size + ");");
            else if (each.single)
              line(b, "for (size_t i = 0; i < " + size + "; i += sizeof(" +
                          initial + "))\n  memcpy((unsigned char *)" + array +
                          " + i, " + initial + ", sizeof(" + initial + "));");
            else
              line(b, "memcpy(" + array + ", " + initial + ", " + size + ");");
          }
          emitc::ReturnOp::create(b, loc, Value());
        });

  // run: unpack the structs and call the model.
  SmallVector<Type> runParams;
  // A struct is passed when some of its tensors are outside the pools.
  auto outside = [](const TensorInfo &tensor) { return tensor.pool < 0; };
  bool takesInputs = llvm::any_of(inputs, outside);
  bool takesOutputs = llvm::any_of(outputs, outside);
  if (takesInputs)
    runParams.push_back(structPointer("inputs"));
  if (takesOutputs)
    runParams.push_back(structPointer("outputs"));
  if (!provided.empty())
    runParams.push_back(structPointer("workspace_pools"));
  Type i32 = IntegerType::get(context, 32);
  std::string runDoc = "Runs the model; returns 0 on success";
  SmallVector<StringRef> pooledInputs;
  for (const TensorInfo &tensor : inputs)
    if (!outside(tensor))
      pooledInputs.push_back(tensor.name);
  if (!pooledInputs.empty())
    runDoc += ". Inputs in pools (" + llvm::join(pooledInputs, ", ") +
              ") may be overwritten by a run: write them before each one "
              "(the plan report's \"clobbered\" says which are)";
  declareAndDefine(
      prefix + "_run", runDoc, FunctionType::get(context, runParams, {i32}),
      [&](OpBuilder &b, Block *block) {
        unsigned next = 0;
        Value inputsLValue =
            takesInputs ? lvalueOf(b, block->getArgument(next++)) : Value();
        Value outputsLValue =
            takesOutputs ? lvalueOf(b, block->getArgument(next++)) : Value();
        Value poolsLValue = provided.empty()
                                ? Value()
                                : lvalueOf(b, block->getArgument(next++));
        SmallVector<Value> operands;
        for (auto [argument, pool] : llvm::enumerate(entryArgumentPools)) {
          if (pool >= 0) {
            Value bytes = poolBytes(b, poolsLValue, pool);
            operands.push_back(emitc::CastOp::create(
                b, loc, emitc::PointerType::get(IntegerType::get(context, 8)),
                bytes));
            continue;
          }
          const TensorInfo *tensor = nullptr;
          for (const TensorInfo &candidate : all)
            if (candidate.argument == static_cast<int>(argument))
              tensor = &candidate;
          bool isInput = tensor->io.getDirection() == IODirection::Input;
          Value pointer =
              fieldOf(b, isInput ? inputsLValue : outputsLValue, tensor->name);
          auto type = cast<MemRefType>(entryArgumentTypes[argument]);
          Type element = type.getElementType();
          operands.push_back(
              emitc::CastOp::create(b, loc,
                                    getViewPointerType(type, cTypeName(element),
                                                       rowTypedefs, element),
                                    pointer));
        }
        emitc::CallOpaqueOp::create(b, loc, TypeRange(), entryName, operands);
        Value zero =
            emitc::ConstantOp::create(b, loc, i32, b.getI32IntegerAttr(0));
        emitc::ReturnOp::create(b, loc, zero);
      });

  line(s, "#if defined(__GNUC__) && !defined(__clang__)\n"
          "#pragma GCC diagnostic pop\n"
          "#endif");

  // Pool sizes and constant data.
  uint64_t total = 0;
  for (unsigned index : provided)
    if (!pools[index].constant)
      total += pools[index].size;
  line(h, "/* Bytes of every workspace pool the application provides */\n"
          "#define " +
              macroPrefix + "_WORKSPACE_SIZE " + Twine(total));
  for (const PoolInfo &pool : pools) {
    // An application written for the declared pools would fill a field
    // that is not there.
    if (!pool.usedByModel && !pool.internal)
      emitRemark(pool.loc) << "pool @" << pool.symbol
                           << " holds nothing of the model: the C API leaves "
                              "it out";
    if (!pool.usedByModel)
      continue;
    // The application's pools need the alignment the planner assumed.
    std::string what =
        (pool.internal ? "internal " : "") +
        std::string(pool.constant ? "constant pool " : "pool ") + pool.name +
        (pool.internal ? " (a static array of the source)"
                       : ", whose base must be aligned to " +
                             std::to_string(pool.alignment) +
                             (pool.alignment == 1 ? " byte" : " bytes"));
    if (!pool.constant) {
      std::string size = poolMacro(pool, "WORKSPACE_POOL_SIZE");
      line(h, "/* Bytes of " + what + " */\n#define " + size + " " +
                  Twine(pool.size) +
                  "\n/* The same, by the name TVM's USMP RFC gives it */"
                  "\n#define " +
                  tvmMacroPrefix + "_" + pool.macro +
                  "_WORKSPACE_BUFFER_SIZE " + size);
      continue;
    }
    std::string data = "/* Bytes and contents of " + what + " */\n#define " +
                       poolMacro(pool, "CONSTANT_POOL_SIZE") + " " +
                       std::to_string(pool.size) + "\n#define " +
                       poolMacro(pool, "CONSTANT_POOL_DATA");
    for (auto [i, byte] : llvm::enumerate(pool.data)) {
      if (i % 16 == 0)
        data += " \\\n   ";
      data += " 0x" + llvm::utohexstr(byte, /*LowerCase=*/true, 2) + ",";
    }
    line(h, data);
  }
  line(h, "#ifdef __cplusplus\n}\n#endif\n#endif /* " + guard + " */");

  OpBuilder rows(typedefAnchor);
  for (const std::string &row : rowTypedefs.declarations)
    line(rows, row);
}

/// C has no rank-0 arrays, and a pointer parameter needs something to index:
/// a rank-0 buffer parameter (a scalar model output, a reduction's result
/// passed to a helper) becomes a one-element one, collapsed back to rank 0
/// in the body (whose loads and stores fold into element 0) and expanded at
/// each call (folding away when the argument was collapsed the same way).
static LogicalResult widenRankZeroParameters(ModuleOp module) {
  auto isRankZero = [](Type type) {
    auto memref = dyn_cast<MemRefType>(type);
    return memref && memref.getRank() == 0 && memref.getLayout().isIdentity();
  };
  auto widen = [&](Type type) -> Type {
    if (!isRankZero(type))
      return type;
    return MemRefType::get({1}, cast<MemRefType>(type).getElementType(),
                           MemRefLayoutAttrInterface(),
                           cast<MemRefType>(type).getMemorySpace());
  };
  llvm::StringSet<> changed;
  for (auto function : module.getOps<func::FuncOp>()) {
    if (!llvm::any_of(function.getArgumentTypes(), isRankZero))
      continue;
    changed.insert(function.getName());
    if (!function.isExternal()) {
      Block &entryBlock = function.getBody().front();
      OpBuilder b = OpBuilder::atBlockBegin(&entryBlock);
      for (BlockArgument argument : entryBlock.getArguments()) {
        Type type = argument.getType();
        if (!isRankZero(type))
          continue;
        argument.setType(widen(type));
        auto scalar = memref::CollapseShapeOp::create(
            b, argument.getLoc(), cast<MemRefType>(type), argument,
            ArrayRef<ReassociationIndices>{});
        argument.replaceAllUsesExcept(scalar, scalar);
      }
    }
    function.setType(FunctionType::get(
        module.getContext(),
        llvm::map_to_vector(function.getArgumentTypes(), widen),
        function.getResultTypes()));
  }
  return updateCallsOfChangedFunctions(
      module, changed,
      "it takes a rank-0 buffer, which C passes as a one-element array",
      [&](func::CallOp call) {
        OpBuilder b(call);
        for (OpOperand &operand : call->getOpOperands()) {
          auto type = dyn_cast<MemRefType>(operand.get().getType());
          if (!type || !isRankZero(type))
            continue;
          operand.set(memref::ExpandShapeOp::create(
              b, call.getLoc(), cast<MemRefType>(widen(type)), operand.get(),
              ArrayRef<ReassociationIndices>{}));
        }
      });
}

/// Erases the functions the entry does not call or name, directly or not,
/// with a remark at each one with a body: the C makes every model function
/// `static`, so nothing could call them there (and compilers warn about unused
/// ones). Then erases the globals outside the pools that nothing reads any more
/// (those in a constant pool keep their bytes there).
static void eraseUnreachableCode(ModuleOp module, func::FuncOp entry) {
  SymbolTableCollection symbols;
  llvm::SmallPtrSet<Operation *, 16> reachable = {entry};
  SmallVector<func::FuncOp> worklist = {entry};
  // Every function a reachable one names (a call, or a function value) is
  // reachable.
  while (!worklist.empty()) {
    std::optional<SmallVector<func::FuncOp>> named =
        getNamedFunctions(worklist.pop_back_val(), symbols);
    // An unknown operation may hide uses: then nothing is erased (it is an
    // error later anyway).
    if (!named)
      return;
    for (func::FuncOp callee : *named)
      if (reachable.insert(callee).second)
        worklist.push_back(callee);
  }
  for (auto function :
       llvm::make_early_inc_range(module.getOps<func::FuncOp>()))
    if (!reachable.contains(function)) {
      if (!function.isExternal())
        emitRemark(function.getLoc())
            << "@" << function.getName() << " is not called from the entry @"
            << entry.getName() << "; it is left out of the C";
      function.erase();
    }
  eraseUnreferencedGlobals<memref::GlobalOp>(module);
}

void ConvertUSMPToEmitCPass::runOnOperation() {
  static_cast<ModuleState &>(*this) = ModuleState();
  ModuleOp module = getOperation();
  FailureOr<func::FuncOp> entryFunc = findEntryFunction(module, entry);
  if (failed(entryFunc))
    return signalPassFailure();
  entryName = entryFunc->getName().str();

  std::string name = modelName;
  if (name.empty())
    if (auto attr = module->getAttrOfType<StringAttr>("usmp.model_name"))
      name = attr.getValue().str();
  if (name.empty())
    name = "default";
  // The name follows `tvmgen_` and precedes `_run` and the like: a '_' at
  // either end, or two in a row, would make names C++ reserves.
  std::string model = collapsedIdentifier(name);
  if (model.empty()) {
    emitError(module.getLoc())
        << "model name '" << name << "' " << kNoCSpelling;
    return signalPassFailure();
  }
  prefix = "tvmgen_" + StringRef(model).lower();
  // As for tensors and pools (checkSpellings); structs and functions take
  // it in lower case and macros in upper case, whatever its case.
  if (model != name)
    emitRemark(module.getLoc()) << "model name '" << name << "' is '" << model
                                << "' in C (" << prefix << ")";
  macroPrefix = "TVMGEN_" + upper(model);
  tvmMacroPrefix = "TVM_" + upper(model);

  eraseUnreachableCode(module, *entryFunc);
  if (failed(inlineResourceElements(module)) ||
      failed(widenRankZeroParameters(module)) ||
      failed(checkCTypes(module, *entryFunc)) ||
      failed(collect(module, *entryFunc)) ||
      failed(returnIndexAsI64(module, *entryFunc)) ||
      failed(checkBuffersInPools(module, !pools.empty())) ||
      failed(checkNoEmptyBuffers(module)) || failed(prepareModelCode(module)) ||
      failed(lowerModelCode(module)))
    return signalPassFailure();
  eraseUnreadValues(module);
  removeUnusedParameters(module);
  buildWrappers(module);
  module->removeAttr("usmp.model_name");
  buildFiles(module);
  castUnusedParametersToVoid(module);
}
