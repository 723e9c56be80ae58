//===- PlanBuffers.cpp - Plan every buffer into a pool --------------------===//

#include "usmp/Analysis/BufferLiveness.h"
#include "usmp/Dialect/USMP/USMPOps.h"
#include "usmp/Dialect/USMP/USMPUtils.h"
#include "usmp/Planner/Algorithm.h"
#include "usmp/Planner/LowerBound.h"
#include "usmp/Planner/Verifier.h"
#include "usmp/Transforms/Passes.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <limits>

namespace usmp {
#define GEN_PASS_DEF_PLANBUFFERSPASS
#include "usmp/Transforms/Passes.h.inc"
} // namespace usmp

using namespace mlir;
using namespace usmp;
namespace planner = usmp::planner;

/// Where the pools of usmp-assign-pools and usmp-pipeline get their
/// alignment: the `pools` entry's own, else the `alignment` option.
static constexpr const char *kAlignmentAdvice =
    " (for a pool the `pools` option of usmp-assign-pools or usmp-pipeline "
    "declares, NAME:alignment=N there; for the others they declare, their "
    "`alignment` option)";

namespace {

/// A buffer handed to the planner, with where it came from.
struct Candidate {
  Operation *op;
  MemRefType type;
  std::string name;
  uint64_t size;
  uint64_t alignment;
  SmallVector<LiveInterval, 1> live;
};

std::string formatLocation(Location loc) {
  if (auto fileLoc = dyn_cast<FileLineColLoc>(loc))
    return (fileLoc.getFilename().strref() + ":" + Twine(fileLoc.getLine()) +
            ":" + Twine(fileLoc.getColumn()))
        .str();
  if (auto nameLoc = dyn_cast<NameLoc>(loc))
    return formatLocation(nameLoc.getChildLoc());
  if (auto fused = dyn_cast<FusedLoc>(loc))
    if (!fused.getLocations().empty())
      return formatLocation(fused.getLocations().front());
  std::string text;
  llvm::raw_string_ostream os(text);
  loc.print(os);
  return text;
}

struct PlanBuffersPass
    : public usmp::impl::PlanBuffersPassBase<PlanBuffersPass> {
  using Base::Base;

  void runOnOperation() override;

private:
  LogicalResult writeReport(MutableArrayRef<PoolOp> pools,
                            ArrayRef<Candidate> buffers,
                            const planner::Plan &plan,
                            const planner::LowerBounds &bounds,
                            double milliseconds);
};

} // namespace

void PlanBuffersPass::runOnOperation() {
  ModuleOp module = getOperation();
  FailureOr<func::FuncOp> entryFunc = findEntryFunction(module, entry);
  if (failed(entryFunc))
    return signalPassFailure();
  if (failed(verifyAlignmentOption(module, alignment)))
    return signalPassFailure();
  FailureOr<BufferLiveness> liveness =
      BufferLiveness::compute(*entryFunc, alignment);
  if (failed(liveness))
    return signalPassFailure();
  for (const UnplannedBuffer &buffer : liveness->getUnplanned())
    buffer.op->emitRemark() << "buffer not planned: " << buffer.reason;

  // Pools in module order, which is the order of preference.
  SmallVector<PoolOp> pools(module.getOps<PoolOp>());
  if (pools.empty()) {
    if (liveness->getBuffers().empty())
      return;
    emitError(module.getLoc()) << "there is no usmp.pool to plan into; run "
                                  "usmp-assign-pools first";
    return signalPassFailure();
  }
  // A second plan would ignore the views of the first and overlap them.
  for (PoolOp pool : pools)
    if (pool.getPlannedSizeAttr()) {
      pool.emitError() << "pool @" << pool.getSymName()
                       << " is planned already; a module is planned once";
      return signalPassFailure();
    }
  // Planning places every buffer itself: a placement written by hand would
  // be replaced without a word.
  Operation *placed = nullptr;
  module.walk([&](Operation *op) {
    if (!op->hasAttr(USMPDialect::getPlacementAttrName()))
      return WalkResult::advance();
    placed = op;
    return WalkResult::interrupt();
  });
  if (placed) {
    emitError(placed->getLoc())
        << "'" << USMPDialect::getPlacementAttrName()
        << "' is given already; usmp-plan-buffers places every buffer "
           "itself (fixed placements are not supported): remove it";
    return signalPassFailure();
  }
  llvm::StringMap<unsigned> poolIndex;
  planner::Problem problem;
  for (auto [index, pool] : llvm::enumerate(pools)) {
    poolIndex[pool.getSymName()] = index;
    planner::Pool entry;
    entry.name = pool.getSymName().str();
    // Planned sizes and offsets are i64 attributes: no pool grows past
    // 2^63 - 1 bytes, hint or not.
    entry.sizeHint = std::numeric_limits<int64_t>::max();
    if (IntegerAttr hint = pool.getSizeHintAttr())
      entry.sizeHint = std::min<uint64_t>(hint.getInt(), *entry.sizeHint);
    entry.alignment = pool.getAlignmentAttr().getInt();
    problem.pools.push_back(std::move(entry));
  }

  // Gather buffers: allocations from the liveness analysis, then constants,
  // which live for the whole run.
  SmallVector<Candidate> buffers;
  for (const PlannableBuffer &buffer : liveness->getBuffers())
    buffers.push_back({buffer.op, buffer.type, buffer.name, buffer.size,
                       buffer.alignment, buffer.live});
  DataLayout layout = DataLayout::closest(module);
  for (auto global : module.getOps<memref::GlobalOp>()) {
    if (!global->hasAttr(USMPDialect::getPoolsAttrName()))
      continue;
    // The model may write a mutable global: it is no constant pool data,
    // and a workspace pool holds no initial values.
    if (!global.getConstant()) {
      global.emitError() << "global '" << global.getSymName()
                         << "' is not constant; only constants are placed, "
                            "in constant pools";
      return signalPassFailure();
    }
    // A constant pool holds the constants' data: one without any (a
    // declaration, or `uninitialized`) has none to put there.
    if (global.isExternal() || global.isUninitialized()) {
      global.emitError() << "constant '" << global.getSymName()
                         << "' has no initial value to place in a constant "
                            "pool; drop its usmp.pools";
      return signalPassFailure();
    }
    // A pool's view of its bytes has the identity layout in the default
    // memory space: other constants stay where they are, like such
    // allocations.
    MemRefType type = global.getType();
    if (!type.getLayout().isIdentity() || type.getMemorySpace()) {
      global.emitRemark() << "constant not placed: "
                          << (type.getMemorySpace()
                                  ? "it is in a non-default memory space"
                                  : "its layout is not the identity");
      continue;
    }
    FailureOr<uint64_t> size = getBufferSizeInBytes(global.getType(), layout);
    if (failed(size)) {
      global.emitError() << "cannot size constant " << global.getType();
      return signalPassFailure();
    }
    uint64_t globalAlignment = alignment;
    if (std::optional<uint64_t> own = global.getAlignment())
      globalAlignment = std::max<uint64_t>(*own, 1);
    // Whatever was asked, the elements need their own alignment.
    globalAlignment = std::max<uint64_t>(
        globalAlignment,
        getElementAlignment(global.getType().getElementType(), layout));
    buffers.push_back({global,
                       global.getType(),
                       global.getSymName().str(),
                       *size,
                       globalAlignment,
                       {LiveInterval{0, liveness->getEndOfTime()}}});
  }
  // An allocation named by its location may have a constant's name: the
  // constant keeps its symbol, the allocation takes the next free suffix.
  llvm::StringSet<> taken, constants;
  for (const Candidate &buffer : buffers) {
    taken.insert(buffer.name);
    if (isa<memref::GlobalOp>(buffer.op))
      constants.insert(buffer.name);
  }
  for (Candidate &buffer : buffers) {
    if (isa<memref::GlobalOp>(buffer.op) || !constants.contains(buffer.name))
      continue;
    std::string unique;
    unsigned suffix = 0;
    do
      unique = buffer.name + "_" + std::to_string(++suffix);
    while (!taken.insert(unique).second);
    buffer.name = unique;
  }

  for (const Candidate &buffer : buffers) {
    planner::Buffer entry;
    entry.name = buffer.name;
    entry.size = buffer.size;
    entry.alignment = buffer.alignment;
    bool isConstant = isa<memref::GlobalOp>(buffer.op);
    // Offsets count from the pool's base, which is only as aligned as the
    // application was told.
    uint64_t required = getRequiredAlignment(buffer.op, buffer.type, layout);
    auto alignedEnough = [&](unsigned index) {
      return static_cast<uint64_t>(pools[index].getAlignment()) >= required;
    };
    if (auto candidates = buffer.op->getAttrOfType<ArrayAttr>(
            USMPDialect::getPoolsAttrName())) {
      for (auto symbol : candidates.getAsRange<FlatSymbolRefAttr>()) {
        unsigned index = poolIndex.lookup(symbol.getValue());
        if (!isConstant && pools[index].getKind() == PoolKind::Constant) {
          buffer.op->emitError()
              << "buffer '" << buffer.name << "' lists constant pool " << symbol
              << " as a candidate; only constants go there";
          return signalPassFailure();
        }
        // Nothing would copy a constant's data into a workspace pool.
        if (isConstant && pools[index].getKind() == PoolKind::Workspace) {
          buffer.op->emitError()
              << "constant '" << buffer.name << "' lists workspace pool "
              << symbol << " as a candidate; constants go to constant pools";
          return signalPassFailure();
        }
        if (!alignedEnough(index)) {
          InFlightDiagnostic error = buffer.op->emitError();
          error << (isConstant ? "constant '" : "buffer '") << buffer.name
                << "' needs " << required
                << "-byte alignment, more than its candidate pool " << symbol
                << " guarantees (" << pools[index].getAlignment()
                << "); give the pool alignment(" << required << ") or more"
                << kAlignmentAdvice;
          error.attachNote(pools[index].getLoc()) << "pool declared here";
          return signalPassFailure();
        }
        entry.pools.push_back(index);
      }
    } else {
      // Every workspace pool aligned enough.
      bool anyWorkspace = false;
      for (auto [index, pool] : llvm::enumerate(pools)) {
        if (pool.getKind() != PoolKind::Workspace)
          continue;
        anyWorkspace = true;
        if (alignedEnough(index))
          entry.pools.push_back(index);
      }
      if (anyWorkspace && entry.pools.empty()) {
        buffer.op->emitError()
            << "buffer '" << buffer.name << "' needs " << required
            << "-byte alignment, more than any workspace pool guarantees; "
               "give one alignment("
            << required << ") or more" << kAlignmentAdvice;
        return signalPassFailure();
      }
    }
    if (entry.pools.empty()) {
      buffer.op->emitError()
          << "buffer '" << buffer.name << "' has no candidate pool";
      return signalPassFailure();
    }
    if (buffer.live.size() == 1)
      entry.live =
          planner::Interval{buffer.live.front().start, buffer.live.front().end};
    problem.buffers.push_back(std::move(entry));
  }
  // A buffer of a function called several times is live in several disjoint
  // intervals: give it explicit conflicts with everything overlapping any of
  // them (the planner makes them symmetric). One sweep over every interval
  // in start order finds each overlapping pair once, where pairing every
  // interval with every active one repeats a pair per call (quadratic in
  // calls times buffers live across them): a buffer live once pairs with the
  // intervals active when it starts; an interval of a buffer live several
  // times pairs with the buffers live once that started after its previous
  // interval ended (any earlier one overlapped that interval, so is paired
  // already) and with the active intervals of the other buffers live several
  // times, whose repeated pairs are kept once.
  auto isMulti = [&](unsigned index) { return buffers[index].live.size() > 1; };
  struct Instance {
    LiveInterval live;
    unsigned buffer;
  };
  if (llvm::any_of(llvm::seq<unsigned>(0, buffers.size()), isMulti)) {
    SmallVector<Instance> instances;
    for (auto [index, buffer] : llvm::enumerate(buffers))
      for (const LiveInterval &live : buffer.live)
        instances.push_back({live, static_cast<unsigned>(index)});
    llvm::sort(instances, [](const Instance &a, const Instance &b) {
      return std::make_pair(a.live.start, a.buffer) <
             std::make_pair(b.live.start, b.buffer);
    });
    // The buffers live once in start order, those ended dropped whenever
    // the list has doubled; the active intervals of the others.
    SmallVector<Instance> once, activeMulti;
    size_t onceKept = 0;
    std::vector<std::optional<int64_t>> previousEnd(buffers.size());
    DenseSet<std::pair<unsigned, unsigned>> multiPairs;
    for (const Instance &instance : instances) {
      int64_t start = instance.live.start;
      auto ended = [&](const Instance &other) {
        return other.live.end < start;
      };
      llvm::erase_if(activeMulti, ended);
      unsigned buffer = instance.buffer;
      if (!isMulti(buffer)) {
        for (const Instance &other : activeMulti)
          problem.buffers[other.buffer].conflicts.push_back(buffer);
        once.push_back(instance);
        if (once.size() >= 2 * onceKept + 64) {
          llvm::erase_if(once, ended);
          onceKept = once.size();
        }
        continue;
      }
      const Instance *first = once.begin();
      if (std::optional<int64_t> previous = previousEnd[buffer])
        first = std::partition_point(once.begin(), once.end(),
                                     [&](const Instance &other) {
                                       return other.live.start <= *previous;
                                     });
      for (const Instance *other = first; other != once.end(); ++other)
        if (!ended(*other))
          problem.buffers[buffer].conflicts.push_back(other->buffer);
      for (const Instance &other : activeMulti)
        if (other.buffer != buffer)
          multiPairs.insert(
              {std::min(other.buffer, buffer), std::max(other.buffer, buffer)});
      previousEnd[buffer] = instance.live.end;
      activeMulti.push_back(instance);
    }
    // In a fixed order, so the problem is the same on every run.
    SmallVector<std::pair<unsigned, unsigned>> pairs(multiPairs.begin(),
                                                     multiPairs.end());
    llvm::sort(pairs);
    for (auto [a, b] : pairs)
      problem.buffers[a].conflicts.push_back(b);
  }

  if (llvm::Error error = problem.finalize()) {
    emitError(module.getLoc())
        << "invalid planning problem: " << llvm::toString(std::move(error));
    return signalPassFailure();
  }
  auto algorithmOrError = planner::createAlgorithm(algorithm);
  if (!algorithmOrError) {
    emitError(module.getLoc()) << "option 'algorithm': "
                               << llvm::toString(algorithmOrError.takeError());
    return signalPassFailure();
  }
  planner::PlanOptions options;
  options.seed = seed;
  options.timeLimitMs = timeLimitMs;
  auto start = std::chrono::steady_clock::now();
  llvm::Expected<planner::Plan> plan =
      (*algorithmOrError)->plan(problem, options);
  double milliseconds = std::chrono::duration<double, std::milli>(
                            std::chrono::steady_clock::now() - start)
                            .count();
  if (!plan) {
    std::string message = llvm::toString(plan.takeError());
    // The planner saw the i64 limit above as the hint of a pool without one.
    std::string limit = " (size hint " +
                        std::to_string(std::numeric_limits<int64_t>::max()) +
                        ")";
    for (PoolOp pool : pools) {
      if (pool.getSizeHintAttr())
        continue;
      size_t at = message.find("'" + pool.getSymName().str() + "' had ");
      if (at != std::string::npos &&
          (at = message.find(limit, at)) != std::string::npos)
        message.replace(at, limit.size(),
                        " (no size hint; a pool ends at 2^63 - 1 bytes)");
    }
    std::string together = "more than the size hints of all pools together (";
    if (size_t at = message.find(together);
        at != std::string::npos && llvm::any_of(pools, [](PoolOp pool) {
          return !pool.getSizeHintAttr();
        }))
      message.replace(at, together.size(),
                      "more than the pools hold together (a pool without a "
                      "size hint ends at 2^63 - 1 bytes: ");
    // Report at the buffer the planner names, else at the module.
    Location at = module.getLoc();
    for (const Candidate &buffer : buffers)
      if (StringRef(message).contains("'" + buffer.name + "'")) {
        at = buffer.op->getLoc();
        break;
      }
    emitError(at) << "planning failed: " << message;
    return signalPassFailure();
  }
  if (llvm::Error error = planner::verifyPlan(problem, *plan)) {
    emitError(module.getLoc())
        << "the '" << algorithm << "' algorithm produced an "
        << llvm::toString(std::move(error));
    return signalPassFailure();
  }

  Builder builder(&getContext());
  for (auto [buffer, placement] : llvm::zip(buffers, plan->placements))
    buffer.op->setAttr(
        USMPDialect::getPlacementAttrName(),
        PlacementAttr::get(
            &getContext(),
            FlatSymbolRefAttr::get(pools[placement.pool].getSymNameAttr()),
            static_cast<int64_t>(placement.offset)));
  for (auto [pool, size] : llvm::zip(pools, plan->poolSizes))
    pool.setPlannedSizeAttr(builder.getI64IntegerAttr(size));

  if (!report.empty() &&
      failed(writeReport(pools, buffers, *plan,
                         planner::computeLowerBounds(problem), milliseconds)))
    return signalPassFailure();
}

LogicalResult PlanBuffersPass::writeReport(MutableArrayRef<PoolOp> pools,
                                           ArrayRef<Candidate> buffers,
                                           const planner::Plan &plan,
                                           const planner::LowerBounds &bounds,
                                           double milliseconds) {
  // A pipeline nesting the pass in several modules writes the path once per
  // module: `{module}` tells them apart.
  std::string path = report;
  ModuleOp module = getOperation();
  if (size_t at = path.find("{module}"); at != std::string::npos) {
    std::optional<StringRef> name = module.getName();
    if (!name)
      return emitError(module.getLoc())
             << "the plan report's path '" << report
             << "' names {module}, but the module has no name";
    // The name is part of a file name, never a way into another directory.
    if (name->find_first_of(StringRef("/\\\0", 3)) != StringRef::npos)
      return emitError(module.getLoc())
             << "the plan report's path '" << report
             << "' names {module}, but module name '" << *name
             << "' is no part of a file name (it has '/', '\\' or NUL)";
    for (; at != std::string::npos;
         at = path.find("{module}", at + name->size()))
      path.replace(at, strlen("{module}"), name->str());
  }
  std::error_code error;
  llvm::raw_fd_ostream os(path, error, llvm::sys::fs::OF_Text);
  if (error)
    return emitError(module.getLoc()) << "cannot write the plan report to '"
                                      << path << "': " << error.message();
  llvm::json::OStream json(os, 2);
  json.object([&] {
    json.attribute("algorithm", plan.algorithm);
    json.attribute("planning_time_ms", milliseconds);
    bool atBound =
        llvm::all_of(llvm::seq<size_t>(0, pools.size()), [&](size_t i) {
          return plan.poolSizes[i] <= bounds.perPool[i];
        });
    json.attribute("proven_optimal", plan.provenOptimal || atBound);
    json.attributeArray("pools", [&] {
      for (unsigned index = 0, e = pools.size(); index < e; ++index)
        json.object([&] {
          PoolOp pool = pools[index];
          json.attribute("name", pool.getSymName());
          json.attribute("kind", stringifyPoolKind(pool.getKind()));
          json.attribute("size", static_cast<int64_t>(plan.poolSizes[index]));
          json.attribute("lower_bound",
                         static_cast<int64_t>(bounds.perPool[index]));
          if (IntegerAttr hint = pool.getSizeHintAttr())
            json.attribute("size_hint", hint.getInt());
          else
            json.attribute("size_hint", nullptr);
          json.attribute("internal", pool.getInternal());
        });
    });
    json.attributeArray("buffers", [&] {
      for (unsigned index = 0, e = buffers.size(); index < e; ++index)
        json.object([&] {
          const Candidate &buffer = buffers[index];
          const planner::Placement &placement = plan.placements[index];
          json.attribute("name", buffer.name);
          json.attribute("loc", formatLocation(buffer.op->getLoc()));
          json.attribute("pool", pools[placement.pool].getSymName());
          json.attribute("offset", static_cast<int64_t>(placement.offset));
          json.attribute("size", static_cast<int64_t>(buffer.size));
          json.attribute("alignment", static_cast<int64_t>(buffer.alignment));
          json.attributeArray("live", [&] {
            json.value(buffer.live.front().start);
            json.value(buffer.live.back().end);
          });
          if (buffer.live.size() > 1)
            json.attributeArray("instances", [&] {
              for (const LiveInterval &interval : buffer.live)
                json.array([&] {
                  json.value(interval.start);
                  json.value(interval.end);
                });
            });
        });
    });
    // The model's tensors in pools, where the C API maps them. An input is
    // clobbered when the model writes it or another buffer reuses its bytes
    // after its last read.
    json.attributeArray("io", [&] {
      for (unsigned index = 0, e = buffers.size(); index < e; ++index) {
        auto io = buffers[index].op->getAttrOfType<IOAttr>(
            USMPDialect::getIOAttrName());
        if (!io)
          continue;
        const planner::Placement &placement = plan.placements[index];
        uint64_t begin = placement.offset, end = begin + buffers[index].size;
        bool clobbered = io.getDirection() == IODirection::Input &&
                         isWritten(buffers[index].op->getResult(0));
        if (io.getDirection() == IODirection::Input)
          for (unsigned other = 0; other < e && !clobbered; ++other) {
            const planner::Placement &there = plan.placements[other];
            clobbered = other != index && there.pool == placement.pool &&
                        there.offset < end &&
                        begin < there.offset + buffers[other].size;
          }
        json.object([&] {
          json.attribute("name", io.getName());
          json.attribute("direction", stringifyIODirection(io.getDirection()));
          json.attribute("index", io.getIndex());
          json.attribute("pool", pools[placement.pool].getSymName());
          json.attribute("offset", static_cast<int64_t>(placement.offset));
          json.attribute("size", static_cast<int64_t>(buffers[index].size));
          json.attribute("clobbered", clobbered);
        });
      }
    });
  });
  os << '\n';
  // A failed write (a full disk) would otherwise abort in the stream's
  // destructor.
  os.close();
  if (os.has_error()) {
    std::error_code writeError = os.error();
    os.clear_error();
    return emitError(module.getLoc()) << "cannot write the plan report to '"
                                      << path << "': " << writeError.message();
  }
  return success();
}
