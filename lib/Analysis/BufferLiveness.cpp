//===- BufferLiveness.cpp - Unified buffer liveness over a call graph -----===//

#include "usmp/Analysis/BufferLiveness.h"
#include "usmp/Dialect/USMP/USMPOps.h"
#include "usmp/Dialect/USMP/USMPUtils.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/DataLayoutInterfaces.h"
#include "mlir/Interfaces/LoopLikeInterface.h"
#include "mlir/Interfaces/ViewLikeInterface.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/JSON.h"

using namespace mlir;
using namespace usmp;

LogicalResult usmp::verifyNoNestedSymbolTables(ModuleOp module) {
  for (auto function : module.getOps<func::FuncOp>()) {
    WalkResult walk = function.getBody().walk([&](Operation *op) {
      if (!op->hasTrait<OpTrait::SymbolTable>())
        return WalkResult::advance();
      emitError(op->getLoc()) << "a symbol table ('" << op->getName()
                              << "') inside @" << function.getName()
                              << " is not supported: usmp resolves pools and "
                                 "functions in the module";
      return WalkResult::interrupt();
    });
    if (walk.wasInterrupted())
      return failure();
  }
  return success();
}

/// Whether an argument, result or operation of `function` marks a model
/// input or output.
static bool hasIOMarkers(func::FuncOp function) {
  StringRef io = USMPDialect::getIOAttrName();
  for (unsigned i = 0, e = function.getNumArguments(); i < e; ++i)
    if (function.getArgAttr(i, io))
      return true;
  for (unsigned i = 0, e = function.getNumResults(); i < e; ++i)
    if (function.getResultAttr(i, io))
      return true;
  return function.getBody()
      .walk([&](Operation *op) {
        return op->hasAttr(io) ? WalkResult::interrupt()
                               : WalkResult::advance();
      })
      .wasInterrupted();
}

FailureOr<func::FuncOp> usmp::findEntryFunction(ModuleOp module,
                                                StringRef name) {
  if (failed(verifyNoNestedSymbolTables(module)))
    return failure();
  if (!name.empty()) {
    // As in every option naming a symbol (`pools`, `internal-pools`).
    if (name.starts_with("@"))
      return emitError(module.getLoc())
             << "option 'entry' names '" << name
             << "': function names are given without '@'";
    auto entry = module.lookupSymbol<func::FuncOp>(name);
    if (!entry || entry.isExternal())
      return emitError(module.getLoc())
             << "entry function @" << name
             << " is not a function with a body in the "
                "module";
    return entry;
  }
  func::FuncOp single;
  unsigned publicCount = 0;
  for (auto function : module.getOps<func::FuncOp>())
    if (function.isPublic() && !function.isExternal()) {
      single = function;
      ++publicCount;
    }
  if (publicCount == 1)
    return single;
  // Markers are what a pass told the entry (usmp-mark-io,
  // usmp-fold-workspace-io, so usmp-pipeline) leaves: after
  // usmp-pipeline{entry=f}, later passes find @f. A function called in the
  // module is no entry, whatever it marks (planning says so).
  // (The symbols used, gathered in one walk: one per function is
  // quadratic in modules of many.)
  llvm::DenseSet<StringAttr> used;
  if (std::optional<SymbolTable::UseRange> uses =
          SymbolTable::getSymbolUses(&module.getBodyRegion()))
    for (const SymbolTable::SymbolUse &use : *uses)
      used.insert(use.getSymbolRef().getRootReference());
  SmallVector<func::FuncOp> marked, calledMarked;
  for (auto function : module.getOps<func::FuncOp>())
    if (!function.isExternal() && hasIOMarkers(function))
      (used.contains(function.getSymNameAttr()) ? calledMarked : marked)
          .push_back(function);
  auto main = module.lookupSymbol<func::FuncOp>("main");
  if (main && main.isExternal())
    main = nullptr;
  if (main && (marked.empty() || llvm::is_contained(marked, main)))
    return main;
  if (!main && marked.size() == 1)
    return marked.front();
  if (llvm::all_of(module.getOps<func::FuncOp>(), [](func::FuncOp function) {
        return function.isExternal();
      })) {
    InFlightDiagnostic diag =
        emitError(module.getLoc())
        << "cannot choose the entry function: no function of the module "
           "has a body";
    // One model per nested module: the passes run in each.
    if (!module.getOps<ModuleOp>().empty())
      diag << "; for the models of its nested modules, nest the passes in "
              "them (--pass-pipeline='builtin.module(builtin.module(...))', "
              "a builtin.module(...) per level)";
    return diag;
  }
  // Either could be meant: @main, or a function another pass was told.
  if (main) {
    InFlightDiagnostic diag =
        emitError(module.getLoc())
        << "cannot choose the entry function: @main, or the function that "
           "marks inputs or outputs; name it with the 'entry' option, the "
           "same in every pass";
    diag.attachNote(main.getLoc()) << "@main";
    for (func::FuncOp function : marked)
      diag.attachNote(function.getLoc())
          << "@" << function.getName() << " marks inputs or outputs";
    return diag;
  }
  InFlightDiagnostic diag =
      emitError(module.getLoc())
      << "cannot choose the entry function: the module has " << publicCount
      << " public functions with a body, none is @main, and "
      << (marked.empty() ? "none" : "more than one")
      << " marks inputs or outputs"
      << (marked.empty() && !calledMarked.empty() ? " without being called"
                                                  : "")
      << "; name it with the 'entry' option, the same in every pass";
  for (auto function : module.getOps<func::FuncOp>())
    if (function.isPublic() && !function.isExternal())
      diag.attachNote(function.getLoc())
          << "public function @" << function.getName();
  // A called function is no entry: say why the marked ones do not count.
  if (marked.empty())
    for (func::FuncOp function : calledMarked)
      diag.attachNote(function.getLoc())
          << "@" << function.getName()
          << " marks inputs or outputs but is called, so it is no entry";
  return diag;
}

std::optional<SmallVector<func::FuncOp>>
usmp::getNamedFunctions(func::FuncOp function, SymbolTableCollection &symbols) {
  std::optional<SymbolTable::UseRange> uses =
      SymbolTable::getSymbolUses(&function.getBody());
  if (!uses)
    return std::nullopt;
  SmallVector<func::FuncOp> named;
  for (const SymbolTable::SymbolUse &use : *uses)
    if (auto callee = symbols.lookupNearestSymbolFrom<func::FuncOp>(
            use.getUser(), use.getSymbolRef()))
      named.push_back(callee);
  return named;
}

LogicalResult usmp::verifyAlignmentOption(ModuleOp module, uint64_t alignment) {
  // Pools keep their alignment in a signed 64-bit attribute.
  if (llvm::isPowerOf2_64(alignment) && alignment <= (uint64_t(1) << 62))
    return success();
  return emitError(module.getLoc())
         << "option 'alignment' must be a power of two up to 2^62, got "
         << alignment;
}

static func::FuncOp getDefinedCallee(func::CallOp call,
                                     SymbolTableCollection &symbols);

/// Whether `op` is an operation with regions of the dialects for threads,
/// devices and asynchronous execution: its regions may run beside the code
/// after it, and still run when it ends (async.execute runs until its
/// await).
static bool mayRunDetached(Operation *op) {
  StringRef dialect = op->getName().getDialectNamespace();
  return op->getNumRegions() != 0 &&
         llvm::is_contained({"omp", "acc", "gpu", "async"}, dialect);
}

/// Whether the regions of `op` may run several times at once, or beside
/// other code: parallel loops and the operations above.
static bool mayRunConcurrently(Operation *op) {
  return isa<scf::ForallOp, scf::ParallelOp, affine::AffineParallelOp>(op) ||
         mayRunDetached(op);
}

namespace {

/// The timeline: every operation instance (an operation inside a particular
/// call of its function) gets a closed span of time steps, nested operations
/// and called function bodies inside their parent's span.
class Timeline {
public:
  Timeline(SymbolTableCollection &symbols) : symbols(symbols) {}

  /// Walks a call of `entry` and everything it runs, with a stack of its own
  /// (calls and regions may nest deeper than the thread's stack allows).
  LogicalResult visitFunction(func::FuncOp entry) {
    SmallVector<Frame> frames;
    enterFunction(entry, frames);
    while (!frames.empty()) {
      Frame &frame = frames.back();
      if (frame.next < frame.nested.size()) {
        Operation *op = frame.nested[frame.next++];
        // `frame` dangles once the operation is pushed.
        if (failed(enterOperation(op, frame.instance, frames)))
          return failure();
        continue;
      }
      // A call's span holds the callee's instance, after its operands.
      if (!frame.isFunction && !frame.calleeEntered) {
        frame.calleeEntered = true;
        if (auto call = dyn_cast<func::CallOp>(frame.op))
          if (func::FuncOp callee = getDefinedCallee(call, symbols)) {
            if (onStack.contains(callee))
              return call.emitError()
                     << "recursive call to @" << callee.getName()
                     << " cannot be planned statically";
            enterFunction(callee, frames);
            continue;
          }
      }
      LiveInterval span{frame.start, now++};
      if (frame.isFunction) {
        instances[frame.op].push_back({frame.instance, span});
        onStack.erase(frame.op);
      } else {
        spans[{frame.op, frame.instance}] = span;
      }
      frames.pop_back();
    }
    return success();
  }

  /// The span of `op` in call instance `instance`.
  LiveInterval span(Operation *op, unsigned instance) const {
    return spans.lookup({op, instance});
  }

  /// The innermost operation whose regions may run concurrently around call
  /// instance `instance`, through the calls leading to it; null if none.
  Operation *getConcurrency(unsigned instance) const {
    return concurrency.lookup(instance);
  }

  /// Every call instance of `function` with its span.
  ArrayRef<std::pair<unsigned, LiveInterval>>
  getInstances(func::FuncOp function) const {
    auto it = instances.find(function);
    if (it == instances.end())
      return {};
    return it->second;
  }

  SmallVector<func::FuncOp> functions;
  int64_t now = 0;

private:
  /// Every call is analysed on its own, so functions calling each other
  /// several times unroll exponentially: past this many operation
  /// instances the analysis gives up rather than run for minutes.
  static constexpr size_t kMaxOperationInstances = size_t(1) << 21;
  /// An operation instance or a call instance of a function being walked:
  /// its nested operations (a function's body) and the next to visit.
  struct Frame {
    Operation *op;
    bool isFunction;
    unsigned instance;
    int64_t start;
    SmallVector<Operation *> nested;
    /// The innermost operation around `nested` whose regions may run
    /// concurrently.
    Operation *concurrency = nullptr;
    unsigned next = 0;
    bool calleeEntered = false;
  };

  static SmallVector<Operation *> nestedOperations(Operation *op) {
    SmallVector<Operation *> nested;
    for (Region &region : op->getRegions())
      for (Block &block : region)
        for (Operation &inner : block)
          nested.push_back(&inner);
    return nested;
  }

  void enterFunction(func::FuncOp function, SmallVectorImpl<Frame> &frames) {
    onStack.insert(function);
    if (visited.insert(function).second)
      functions.push_back(function);
    Operation *around = frames.empty() ? nullptr : frames.back().concurrency;
    if (around)
      concurrency[nextInstance] = around;
    frames.push_back({function, /*isFunction=*/true, nextInstance++, now++,
                      nestedOperations(function), around});
  }

  LogicalResult enterOperation(Operation *op, unsigned instance,
                               SmallVectorImpl<Frame> &frames) {
    if (spans.size() >= kMaxOperationInstances)
      return op->emitError()
             << "the calls unroll into more than " << kMaxOperationInstances
             << " operation instances, each analysed on its own; liveness "
                "stops here";
    // A call through a function value would run its buffers outside the
    // timeline (only direct calls are followed), and the function would take
    // pool arguments the value's type lacks.
    if (auto constant = dyn_cast<func::ConstantOp>(op))
      if (auto callee = symbols.lookupNearestSymbolFrom<func::FuncOp>(
              constant, constant.getValueAttr());
          callee && usesBuffers(callee))
        return constant.emitError()
               << "a function value of @" << callee.getName()
               << " hides the buffers of its calls from the liveness "
                  "analysis; call it directly";
    Operation *around = mayRunConcurrently(op) ? op : frames.back().concurrency;
    frames.push_back({op, /*isFunction=*/false, instance, now++,
                      nestedOperations(op), around});
    return success();
  }

  /// Whether `function`, or a function it calls or names, allocates a
  /// buffer or reads a global: what may put it in a pool.
  bool usesBuffers(func::FuncOp function) {
    auto [cached, inserted] = buffersUsed.try_emplace(function, false);
    if (!inserted)
      return cached->second;
    llvm::SmallPtrSet<Operation *, 8> seen;
    SmallVector<func::FuncOp> worklist = {function};
    bool result = false;
    while (!worklist.empty() && !result) {
      func::FuncOp next = worklist.pop_back_val();
      if (next.isExternal() || !seen.insert(next).second)
        continue;
      result =
          next.walk([&](Operation *nested) {
                if (isa<memref::AllocOp, memref::AllocaOp, memref::GetGlobalOp>(
                        nested))
                  return WalkResult::interrupt();
                return WalkResult::advance();
              })
              .wasInterrupted();
      std::optional<SmallVector<func::FuncOp>> named =
          getNamedFunctions(next, symbols);
      // An unknown operation may hide uses: assume the worst.
      if (!named) {
        result = true;
        break;
      }
      worklist.append(named->begin(), named->end());
    }
    buffersUsed[function] = result;
    return result;
  }

  SymbolTableCollection &symbols;
  /// usesBuffers's answers.
  DenseMap<Operation *, bool> buffersUsed;
  /// The functions of the calls being walked.
  llvm::DenseSet<Operation *> onStack;
  llvm::DenseSet<Operation *> visited;
  unsigned nextInstance = 0;
  DenseMap<unsigned, Operation *> concurrency;
  DenseMap<std::pair<Operation *, unsigned>, LiveInterval> spans;
  DenseMap<Operation *, SmallVector<std::pair<unsigned, LiveInterval>>>
      instances;
};

/// How a buffer is used inside its function, independent of call instances.
struct UseSummary {
  SmallVector<Operation *> users;
  std::string escape;
};

} // namespace

/// Whether `op` may run its regions repeatedly: loops, and any operation
/// that does not describe how its regions run (a linalg.generic runs its
/// body once per element).
static bool isLoop(Operation *op) {
  if (isa<LoopLikeOpInterface>(op))
    return true;
  if (auto branch = dyn_cast<RegionBranchOpInterface>(op))
    return branch.hasLoop();
  return op->getNumRegions() != 0;
}

/// The callee with a body that `call` enters, if any.
static func::FuncOp getDefinedCallee(func::CallOp call,
                                     SymbolTableCollection &symbols) {
  auto callee =
      symbols.lookupNearestSymbolFrom<func::FuncOp>(call, call.getCalleeAttr());
  if (!callee || callee.isExternal())
    return nullptr;
  return callee;
}

/// Follows `root` through views, the regions it enters (a loop's iteration
/// argument) and the functions it is passed to, and records the operations
/// using it in its own function, or why it escapes the planner's view. One
/// worklist for all of it, each value once: call chains may be deeper than
/// the thread's stack, and recursive calls end.
static UseSummary summarizeUses(Value root, SymbolTableCollection &symbols) {
  UseSummary summary;
  // Each value with the call that passed it to its function, by index into
  // `routes`, each naming its callee and the route before it; 0 is the
  // buffer's own function.
  struct Route {
    unsigned previous;
    StringRef callee;
  };
  SmallVector<Route> routes{{0, ""}};
  SmallVector<std::pair<Value, unsigned>> worklist{{root, 0}};
  llvm::DenseSet<Value> values{root};
  auto follow = [&](Value value, unsigned route) {
    if (values.insert(value).second)
      worklist.push_back({value, route});
  };
  llvm::SmallPtrSet<Operation *, 16> seen;
  // Operations with regions the buffer entered: their terminators pass it
  // on to their results and region arguments, which are followed.
  llvm::SmallPtrSet<Operation *, 4> entered;
  SmallVector<std::pair<Operation *, unsigned>> terminators;
  auto escape = [&](unsigned route, const Twine &why) {
    if (!summary.escape.empty())
      return;
    SmallVector<StringRef> callees;
    for (; route != 0; route = routes[route].previous)
      callees.push_back(routes[route].callee);
    for (StringRef callee : llvm::reverse(callees))
      summary.escape += ("it is passed to @" + callee + ", where ").str();
    summary.escape += why.str();
  };
  // The buffer and its views in its own function: the planner erases their
  // deallocations (a free of anything else would free part of a pool).
  llvm::DenseSet<Value> views{root};
  while (!worklist.empty()) {
    auto [value, route] = worklist.pop_back_val();
    Type elementType = cast<BaseMemRefType>(value.getType()).getElementType();
    for (OpOperand &use : value.getUses()) {
      Operation *user = use.getOwner();
      if (isa<memref::DeallocOp>(user)) {
        if (route != 0)
          escape(route, "it is deallocated");
        else if (Operation *definition = value.getDefiningOp();
                 definition && !views.contains(value))
          escape(route, "it is deallocated through '" +
                            definition->getName().getStringRef() + "'");
        else if (!definition)
          escape(route, "it is deallocated inside a region it enters");
        continue;
      }
      if (isa<memref::ReallocOp>(user)) {
        escape(route, "it is reallocated");
        continue;
      }
      if (isa<func::ReturnOp>(user)) {
        escape(route, "it is returned from its function");
        continue;
      }
      if (user->hasTrait<OpTrait::IsTerminator>()) {
        // Decided once every region the buffer enters is known.
        terminators.push_back({user, route});
        continue;
      }
      if (auto store = dyn_cast<memref::StoreOp>(user);
          store && store.getValueToStore() == value) {
        escape(route, "it is stored to memory");
        continue;
      }
      if (isa<memref::ExtractAlignedPointerAsIndexOp>(user)) {
        escape(route, "its address is taken");
        continue;
      }
      if (isa<CallOpInterface>(user)) {
        auto call = dyn_cast<func::CallOp>(user);
        if (!call) {
          escape(route, "it is passed to an indirect call");
          continue;
        }
        func::FuncOp callee = getDefinedCallee(call, symbols);
        if (!callee) {
          escape(route, "it is passed to @" + call.getCallee() +
                            ", which has no body in the module");
          continue;
        }
        if (llvm::any_of(call.getResultTypes(),
                         llvm::IsaPred<BaseMemRefType>)) {
          escape(route, "it is passed to @" + call.getCallee() +
                            ", which returns a memref that may alias it");
          continue;
        }
        // What the callee does with it, it does with the buffer. (Its uses
        // there are the callee's; the call's span holds them.)
        Value parameter = callee.getArgument(use.getOperandNumber());
        if (!values.contains(parameter)) {
          routes.push_back({route, call.getCallee()});
          follow(parameter, routes.size() - 1);
        }
      }
      if (route == 0 && seen.insert(user).second)
        summary.users.push_back(user);
      // A memref an operation with regions takes (a loop's iteration
      // argument) may come in as any of their memref arguments.
      if (user->getNumRegions() != 0) {
        entered.insert(user);
        for (Region &region : user->getRegions())
          if (!region.empty())
            for (BlockArgument argument : region.front().getArguments())
              if (isa<BaseMemRefType>(argument.getType()))
                follow(argument, route);
      }
      // Views and anything else that yields a memref may alias the buffer:
      // their uses are uses of the buffer. Elements, sizes and vectors of
      // elements from known operations are copies; any other value (a tensor
      // of its contents, a cast of its address, what an unregistered
      // operation makes of it) may carry the buffer on to reads no walk of
      // memrefs sees.
      for (Value result : user->getResults()) {
        Type type = result.getType();
        if (isa<BaseMemRefType>(type)) {
          if (route == 0 && views.contains(value) &&
              isa<ViewLikeOpInterface>(user))
            views.insert(result);
          follow(result, route);
        } else if (!user->isRegistered() ||
                   isa<UnrealizedConversionCastOp>(user) ||
                   !(type == elementType || type.isIntOrIndexOrFloat() ||
                     isa<VectorType, ComplexType>(type))) {
          std::string why;
          llvm::raw_string_ostream os(why);
          os << "it becomes a value of type '" << type << "' ('"
             << user->getName() << "')";
          escape(route, why);
        }
      }
    }
  }
  // A terminator of a region the buffer entered yields it to what is
  // followed already (the loop's next iteration, its results); any other
  // one carries it where the walk does not go.
  for (auto [terminator, route] : terminators)
    if (!isa<RegionBranchTerminatorOpInterface>(terminator) ||
        !entered.contains(terminator->getParentOp()))
      escape(route, "it flows through control flow ('" +
                        terminator->getName().getStringRef() + "')");
  return summary;
}

/// The outermost loop around `user` inside `function` that does not also
/// contain `definition` (any, without one): the buffer must stay live for
/// all of it.
static Operation *enclosingLoop(Operation *user, Operation *definition) {
  Operation *outermost = nullptr;
  for (Operation *parent = user->getParentOp(); parent;
       parent = parent->getParentOp()) {
    if (isa<func::FuncOp>(parent) ||
        (definition && parent->isAncestor(definition)))
      break;
    if (isLoop(parent))
      outermost = parent;
  }
  return outermost;
}

static bool hasUnstructuredControlFlow(func::FuncOp function) {
  WalkResult result = function.walk([](Operation *op) {
    for (Region &region : op->getRegions())
      if (!region.empty() && !region.hasOneBlock())
        return WalkResult::interrupt();
    return WalkResult::advance();
  });
  return result.wasInterrupted();
}

FailureOr<BufferLiveness> BufferLiveness::compute(func::FuncOp entry,
                                                  uint64_t defaultAlignment,
                                                  BufferFilter isBuffer) {
  if (!isBuffer)
    isBuffer = [](Operation *op) {
      return isa<memref::AllocOp, memref::AllocaOp>(op);
    };
  SymbolTableCollection symbols;
  Timeline timeline(symbols);
  if (failed(timeline.visitFunction(entry)))
    return failure();

  BufferLiveness result;
  result.functions = timeline.functions;
  result.endOfTime = timeline.now;
  // Functions the entry never calls run never: their buffers get no pool,
  // and say why.
  llvm::SmallPtrSet<Operation *, 16> reached;
  for (func::FuncOp function : timeline.functions)
    reached.insert(function);
  if (auto module = entry->getParentOfType<ModuleOp>())
    for (auto function : module.getOps<func::FuncOp>())
      if (!reached.contains(function))
        function.walk([&](Operation *op) {
          if (isBuffer(op) && op->getNumResults() == 1 &&
              isa<MemRefType>(op->getResult(0).getType()))
            result.unplanned.push_back(
                {op, ("@" + function.getName() +
                      " is not reachable from the entry @" + entry.getName())
                         .str()});
        });
  // A model input or output is the entry's: one in another function, which
  // may run several times or not at all, would be no tensor of the C API.
  // Markers on a called function's arguments or results are what
  // usmp-mark-io leaves when it was told another entry than the passes
  // after it.
  StringRef ioName = USMPDialect::getIOAttrName();
  for (func::FuncOp function : timeline.functions) {
    if (function == entry)
      continue;
    auto refuse = [&](Location loc, StringRef what, unsigned index) {
      return emitError(loc)
             << "'" << ioName << "' on " << what << " " << index << " of @"
             << function.getName() << " marks a model input or output, but @"
             << function.getName() << " is called from the entry function @"
             << entry.getName() << ": give every pass the same 'entry' option";
    };
    for (unsigned i = 0, e = function.getNumArguments(); i < e; ++i)
      if (function.getArgAttr(i, ioName))
        return refuse(function.getArgument(i).getLoc(), "argument", i);
    for (unsigned i = 0, e = function.getNumResults(); i < e; ++i)
      if (function.getResultAttr(i, ioName))
        return refuse(function.getLoc(), "result", i);
    WalkResult io = function.walk([&](Operation *op) {
      if (!op->hasAttr(ioName))
        return WalkResult::advance();
      op->emitError() << "'" << ioName
                      << "' marks a model input or output, which only the "
                         "entry function @"
                      << entry.getName() << " can allocate";
      return WalkResult::interrupt();
    });
    if (io.wasInterrupted())
      return failure();
  }
  llvm::StringSet<> names;
  llvm::StringMap<unsigned> nextSuffix;
  for (func::FuncOp function : timeline.functions) {
    bool conservative = hasUnstructuredControlFlow(function);
    DataLayout layout = DataLayout::closest(function);
    unsigned counter = 0;
    function.walk([&](Operation *op) {
      if (!isBuffer(op) || op->getNumResults() != 1)
        return;
      auto type = dyn_cast<MemRefType>(op->getResult(0).getType());
      if (!type)
        return;
      unsigned index = counter++;
      auto leave = [&](const Twine &why) {
        result.unplanned.push_back({op, why.str()});
      };
      if (!type.hasStaticShape())
        return leave("it has a dynamic shape");
      if (!type.getLayout().isIdentity())
        return leave("its layout is not the identity");
      if (type.getMemorySpace())
        return leave("it is in a non-default memory space");
      FailureOr<uint64_t> size = getBufferSizeInBytes(type, layout);
      if (failed(size))
        return leave("its size in bytes is unknown or does not fit in 63 bits");
      UseSummary uses = summarizeUses(op->getResult(0), symbols);
      if (!uses.escape.empty())
        return leave(uses.escape);
      // One static slot cannot serve iterations running at the same time.
      Operation *concurrent = nullptr;
      for (Operation *parent = op->getParentOp(); parent != function;
           parent = parent->getParentOp())
        if (mayRunConcurrently(parent)) {
          concurrent = parent;
          break;
        }
      for (auto [instance, instanceSpan] : timeline.getInstances(function)) {
        if (concurrent)
          break;
        concurrent = timeline.getConcurrency(instance);
      }
      if (concurrent)
        return leave("it is allocated in '" +
                     concurrent->getName().getStringRef() +
                     "', whose body may run several times at once or beside "
                     "other code, all sharing its one slot in a pool");
      // Its live range would end with such an operation, which may still be
      // running.
      for (Operation *user : uses.users)
        for (Operation *parent = user->getParentOp();
             parent != function && !parent->isAncestor(op);
             parent = parent->getParentOp())
          if (mayRunDetached(parent))
            return leave("it is used in '" + parent->getName().getStringRef() +
                         "', whose body may still run after it ends");

      PlannableBuffer buffer;
      buffer.op = op;
      buffer.type = type;
      buffer.size = *size;
      buffer.alignment = defaultAlignment;
      if (auto alignment = op->getAttrOfType<IntegerAttr>("alignment"))
        buffer.alignment = std::max<uint64_t>(alignment.getInt(), 1);
      // Whatever was asked, the elements need their own alignment.
      buffer.alignment = std::max<uint64_t>(
          buffer.alignment, getElementAlignment(type.getElementType(), layout));
      // A name location names the buffer, unless the planner (and the
      // JSON report) could not take it.
      std::string name;
      if (auto nameLoc = dyn_cast<NameLoc>(op->getLoc());
          nameLoc && !nameLoc.getName().empty() &&
          llvm::json::isUTF8(nameLoc.getName().strref()))
        name = nameLoc.getName().str();
      else
        name = (function.getName() + ".buf" + Twine(index)).str();
      // The next suffix to try for each name, so many buffers of one name
      // do not retry every suffix.
      std::string unique = name;
      unsigned &suffix = nextSuffix[name];
      while (!names.insert(unique).second)
        unique = name + "_" + std::to_string(++suffix);
      buffer.name = unique;

      // A model input is live from the start of the run, an output until
      // its end, whatever their first and last uses.
      auto io = op->getAttrOfType<IOAttr>(USMPDialect::getIOAttrName());
      for (auto [instance, instanceSpan] : timeline.getInstances(function)) {
        if (conservative) {
          buffer.live.push_back(instanceSpan);
          continue;
        }
        LiveInterval live = timeline.span(op, instance);
        live.end = live.start;
        bool first = true;
        for (Operation *user : uses.users) {
          Operation *anchor = user;
          // A model input or output allocated in a loop holds the same
          // tensor in every iteration, not a new one.
          if (Operation *loop = enclosingLoop(user, io ? nullptr : op))
            anchor = loop;
          LiveInterval use = timeline.span(anchor, instance);
          if (first) {
            live = use;
            first = false;
          } else {
            live.start = std::min(live.start, use.start);
            live.end = std::max(live.end, use.end);
          }
        }
        if (io && io.getDirection() == IODirection::Input)
          live.start = std::min(live.start, instanceSpan.start);
        if (io && io.getDirection() == IODirection::Output)
          live.end = std::max(live.end, instanceSpan.end);
        buffer.live.push_back(live);
      }
      llvm::sort(buffer.live, [](const LiveInterval &a, const LiveInterval &b) {
        return std::make_pair(a.start, a.end) < std::make_pair(b.start, b.end);
      });
      result.buffers.push_back(std::move(buffer));
    });
  }
  return result;
}

std::optional<std::string> usmp::getEscapeReason(Value buffer) {
  SymbolTableCollection symbols;
  UseSummary uses = summarizeUses(buffer, symbols);
  if (uses.escape.empty())
    return std::nullopt;
  return uses.escape;
}

bool usmp::isWritten(Value buffer) {
  SymbolTableCollection symbols;
  // Values reaching the buffer, followed once each: views, and the callee
  // arguments it is passed as (so recursive calls end).
  SmallVector<Value> worklist{buffer};
  llvm::DenseSet<Value> seen{buffer};
  auto follow = [&](Value value) {
    if (seen.insert(value).second)
      worklist.push_back(value);
  };
  while (!worklist.empty()) {
    Value value = worklist.pop_back_val();
    for (OpOperand &use : value.getUses()) {
      Operation *user = use.getOwner();
      if (isa<memref::DeallocOp>(user))
        continue;
      if (auto call = dyn_cast<func::CallOp>(user)) {
        func::FuncOp callee = getDefinedCallee(call, symbols);
        if (!callee)
          return true;
        follow(callee.getArgument(use.getOperandNumber()));
        continue;
      }
      if (isa<ViewLikeOpInterface>(user)) {
        for (Value result : user->getResults())
          follow(result);
        continue;
      }
      auto effects = dyn_cast<MemoryEffectOpInterface>(user);
      if (!effects) {
        if (user->hasTrait<OpTrait::IsTerminator>())
          continue;
        return true;
      }
      SmallVector<MemoryEffects::EffectInstance> instances;
      effects.getEffectsOnValue(value, instances);
      if (llvm::any_of(instances, [](const MemoryEffects::EffectInstance &e) {
            return isa<MemoryEffects::Write>(e.getEffect());
          }))
        return true;
      for (Value result : user->getResults())
        if (isa<BaseMemRefType>(result.getType()))
          follow(result);
    }
  }
  return false;
}
