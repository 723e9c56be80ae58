//===- BufferLiveness.h - Unified buffer liveness over a call graph -*- C++
//-*-//
//
// Finds every plannable buffer reachable from an entry function and the time
// steps during which it is live, across operator functions ("unified"): each
// call of an operator function gets its own stretch of the timeline, so its
// scratch buffers are live only during that call and share space with
// anything dead by then.
//
//===----------------------------------------------------------------------===//

#ifndef USMP_ANALYSIS_BUFFERLIVENESS_H
#define USMP_ANALYSIS_BUFFERLIVENESS_H

#include "usmp/Dialect/USMP/USMPUtils.h"
#include "usmp/Planner/Problem.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/DataLayoutInterfaces.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace usmp {

/// A closed interval of time steps, as the planner core takes it.
using LiveInterval = planner::Interval;

/// A buffer the planner may place.
struct PlannableBuffer {
  /// The operation defining the buffer (e.g. memref.alloc).
  mlir::Operation *op = nullptr;
  mlir::MemRefType type;
  uint64_t size = 0;
  uint64_t alignment = 1;
  /// Readable and unique: the op's name location, else `<function>.buf<k>`.
  std::string name;
  /// One interval per call instance of the enclosing function, sorted.
  llvm::SmallVector<LiveInterval, 1> live;

  /// The hull of all instances.
  LiveInterval hull() const { return {live.front().start, live.back().end}; }
};

/// A buffer left alone, and why.
struct UnplannedBuffer {
  mlir::Operation *op = nullptr;
  std::string reason;
};

/// Which operations define the buffers to analyse.
using BufferFilter = std::function<bool(mlir::Operation *)>;

class BufferLiveness {
public:
  /// Analyses everything reachable from `entry`. Buffers are the results of
  /// the operations `isBuffer` accepts (by default memref.alloc and
  /// memref.alloca); `defaultAlignment` applies where an allocation carries
  /// no `alignment` attribute. Fails (after emitting an error) on recursive
  /// calls.
  static mlir::FailureOr<BufferLiveness>
  compute(mlir::func::FuncOp entry, uint64_t defaultAlignment,
          BufferFilter isBuffer = nullptr);

  llvm::ArrayRef<PlannableBuffer> getBuffers() const { return buffers; }
  llvm::ArrayRef<UnplannedBuffer> getUnplanned() const { return unplanned; }
  /// The functions reachable from the entry, entry first, in call order.
  llvm::ArrayRef<mlir::func::FuncOp> getFunctions() const { return functions; }
  /// One past the last time step.
  int64_t getEndOfTime() const { return endOfTime; }

private:
  llvm::SmallVector<PlannableBuffer> buffers;
  llvm::SmallVector<UnplannedBuffer> unplanned;
  llvm::SmallVector<mlir::func::FuncOp> functions;
  int64_t endOfTime = 0;
};

/// Why `buffer` escapes the planner's view (returned, stored, passed to a
/// function without a body, ...), also through the regions and functions it
/// enters, or none when every use is understood.
std::optional<std::string> getEscapeReason(mlir::Value buffer);

/// Whether anything may write to `buffer`, through views and calls.
bool isWritten(mlir::Value buffer);

/// Fails with an error at the first symbol table (a nested module, ...)
/// inside a function of `module`: the passes resolve pools and functions in
/// `module` itself.
mlir::LogicalResult verifyNoNestedSymbolTables(mlir::ModuleOp module);

/// The entry function: the one named `name` when given, else the single
/// public function with a body, else `main` unless another function the
/// module never calls marks inputs or outputs (`usmp.io`), else, without
/// `main`, the single such function. Emits an error and fails otherwise,
/// and when verifyNoNestedSymbolTables does.
mlir::FailureOr<mlir::func::FuncOp> findEntryFunction(mlir::ModuleOp module,
                                                      llvm::StringRef name);

/// The functions `function`'s body names (calls, function values), or
/// nullopt when an operation of an unknown dialect may hide some.
std::optional<llvm::SmallVector<mlir::func::FuncOp>>
getNamedFunctions(mlir::func::FuncOp function,
                  mlir::SymbolTableCollection &symbols);

/// Checks a pass's `alignment` option (the alignment of allocations that
/// carry none): a power of two up to 2^62 (pools keep it in a signed 64-bit
/// attribute). Emits an error at `module` and fails otherwise.
mlir::LogicalResult verifyAlignmentOption(mlir::ModuleOp module,
                                          uint64_t alignment);

} // namespace usmp

#endif // USMP_ANALYSIS_BUFFERLIVENESS_H
