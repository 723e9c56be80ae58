//===- FirstFit.cpp - Order-driven placement shared by algorithms ---------===//

#include "usmp/Planner/FirstFit.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

#include <algorithm>
#include <limits>
#include <memory>
#include <tuple>

using namespace usmp::planner;

std::optional<uint64_t> usmp::planner::alignUp(uint64_t value,
                                               uint64_t alignment) {
  uint64_t mask = alignment - 1;
  if (value > std::numeric_limits<uint64_t>::max() - mask)
    return std::nullopt;
  return (value + mask) & ~mask;
}

std::optional<uint64_t> usmp::planner::checkedEnd(uint64_t offset,
                                                  uint64_t size) {
  if (offset > std::numeric_limits<uint64_t>::max() - size)
    return std::nullopt;
  return offset + size;
}

uint64_t usmp::planner::placementAlignment(const Problem &problem, unsigned b,
                                           unsigned p) {
  return std::max(problem.buffers[b].alignment, problem.pools[p].alignment);
}

bool usmp::planner::fitsInPool(const Problem &problem, unsigned b, unsigned p,
                               uint64_t offset) {
  std::optional<uint64_t> end = checkedEnd(offset, problem.buffers[b].size);
  const std::optional<uint64_t> &hint = problem.pools[p].sizeHint;
  return end && (!hint || *end <= *hint);
}

llvm::Error usmp::planner::makeNoFitError(
    const Problem &problem, unsigned b,
    llvm::ArrayRef<std::optional<uint64_t>> lowestOffsets) {
  const Buffer &buffer = problem.buffers[b];
  std::string message = "buffer '" + buffer.name + "' of size " +
                        std::to_string(buffer.size) +
                        " fits in no candidate pool:";
  for (auto [index, pool] : llvm::enumerate(problem.candidates(b))) {
    const Pool &info = problem.pools[pool];
    uint64_t limit =
        info.sizeHint.value_or(std::numeric_limits<uint64_t>::max());
    std::optional<uint64_t> offset =
        index < lowestOffsets.size() ? lowestOffsets[index] : std::nullopt;
    uint64_t left = offset && *offset < limit ? limit - *offset : 0;
    message += (index ? ", '" : " '") + info.name + "' had " +
               std::to_string(left) +
               (left == 1 ? " byte left" : " bytes left");
    if (info.sizeHint)
      message += " (size hint " + std::to_string(*info.sizeHint) + ")";
    else
      message += " (no size hint, 64-bit address space)";
  }
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

namespace {
/// A placed conflicting buffer's byte range in a pool.
struct Occupied {
  unsigned pool;
  uint64_t offset;
  uint64_t end;
  bool operator<(const Occupied &other) const {
    return std::tie(pool, offset, end) <
           std::tie(other.pool, other.offset, other.end);
  }
};
} // namespace

/// The offset `rule` picks for a buffer of `size` with `alignment` among the
/// `occupied` ranges of one pool, sorted by offset (its end may pass 2^64);
/// nullopt when aligning an offset overflows.
static std::optional<uint64_t> pickOffset(llvm::ArrayRef<Occupied> occupied,
                                          uint64_t size, uint64_t alignment,
                                          OffsetRule rule) {
  if (rule == OffsetRule::AboveConflicts) {
    uint64_t top = 0;
    for (const Occupied &range : occupied)
      top = std::max(top, range.end);
    return alignUp(top, alignment);
  }
  uint64_t offset = 0;
  for (const Occupied &range : occupied) {
    // Ranges are sorted by offset, so once one starts at or above our end
    // every later one does too.
    // An end past 2^64 lies above every range: the offset is still the
    // lowest, and the caller finds that the buffer does not fit there.
    uint64_t end =
        checkedEnd(offset, size).value_or(std::numeric_limits<uint64_t>::max());
    if (range.offset >= end)
      break;
    if (range.end > offset) {
      std::optional<uint64_t> next = alignUp(range.end, alignment);
      if (!next)
        return std::nullopt;
      offset = *next;
    }
  }
  return offset;
}

namespace {
/// Range "raise to at least" and range maximum over a fixed number of slots,
/// where values only grow: a bottom-up segment tree in which `tag` holds
/// values applied to a node's whole range and `best` the maximum over the
/// node's range, so no tag is ever pushed down. Every node whose range meets
/// [first, last] without lying inside it is an ancestor of leaf `first` or
/// leaf `last`, so both operations are loops without recursion.
class MaxTree {
public:
  explicit MaxTree(size_t numSlots) {
    while (width < numSlots)
      width *= 2;
    best.assign(2 * width, 0);
    tag.assign(2 * width, 0);
  }
  /// The largest value over slots [first, last].
  uint64_t query(size_t first, size_t last) const {
    uint64_t result = 0;
    for (size_t lo = first + width, hi = last + width + 1; lo < hi;
         lo /= 2, hi /= 2) {
      if (lo & 1)
        result = std::max(result, best[lo++]);
      if (hi & 1)
        result = std::max(result, best[--hi]);
    }
    return std::max({result, pathTag(first), pathTag(last)});
  }
  /// The largest value applied to a range of whole nodes containing slot
  /// `slot`.
  uint64_t pathTag(size_t slot) const {
    uint64_t result = 0;
    for (size_t node = slot + width; node; node /= 2)
      result = std::max(result, tag[node]);
    return result;
  }
  /// Raises slots [first, last] to at least `value`.
  void raise(size_t first, size_t last, uint64_t value) {
    for (size_t lo = first + width, hi = last + width + 1; lo < hi;
         lo /= 2, hi /= 2) {
      if (lo & 1) {
        tag[lo] = std::max(tag[lo], value);
        best[lo] = std::max(best[lo], value);
        ++lo;
      }
      if (hi & 1) {
        --hi;
        tag[hi] = std::max(tag[hi], value);
        best[hi] = std::max(best[hi], value);
      }
    }
    raiseBest(first, value);
    raiseBest(last, value);
  }
  /// Records that some slot of leaf `slot` holds at least `value`.
  void raiseBest(size_t slot, uint64_t value) {
    for (size_t node = slot + width; node; node /= 2)
      best[node] = std::max(best[node], value);
  }

private:
  size_t width = 1;
  std::vector<uint64_t> best, tag;
};

/// The highest end of placed buffers at every time step of one pool (its
/// skyline). Steps are grouped in blocks of kBlock: `step` holds the values
/// of raises that cover part of a block, a MaxTree over the blocks those
/// that cover whole blocks (and each block's maximum). Most buffers live a
/// few steps, so a query or raise reads a few neighbouring entries of `step`
/// and the block tree, which is small enough to stay in the cache; with one
/// tree over all steps, placing buffers in size order (random times) missed
/// the cache on every level below the top.
class Skyline {
public:
  explicit Skyline(size_t numSteps)
      : step(numSteps, 0), blocks((numSteps + kBlock - 1) / kBlock) {}
  /// The largest value over steps [first, last].
  uint64_t query(size_t first, size_t last) const {
    size_t firstBlock = first / kBlock, lastBlock = last / kBlock;
    uint64_t result = blocks.pathTag(firstBlock);
    if (firstBlock == lastBlock)
      return std::max(result, maxSteps(first, last));
    result = std::max({result, blocks.pathTag(lastBlock),
                       maxSteps(first, blockLast(firstBlock)),
                       maxSteps(lastBlock * kBlock, last)});
    if (firstBlock + 1 < lastBlock)
      result = std::max(result, blocks.query(firstBlock + 1, lastBlock - 1));
    return result;
  }
  /// Raises steps [first, last] to at least `value`.
  void raise(size_t first, size_t last, uint64_t value) {
    size_t firstBlock = first / kBlock, lastBlock = last / kBlock;
    // Blocks wholly inside the range go to the tree, the rest to `step`.
    size_t wholeBegin =
        first == firstBlock * kBlock ? firstBlock : firstBlock + 1;
    size_t wholeEnd = last == blockLast(lastBlock) ? lastBlock + 1 : lastBlock;
    if (wholeBegin >= wholeEnd) {
      raiseSteps(first, std::min(last, blockLast(firstBlock)), value);
      if (lastBlock != firstBlock)
        raiseSteps(lastBlock * kBlock, last, value);
      return;
    }
    blocks.raise(wholeBegin, wholeEnd - 1, value);
    if (firstBlock < wholeBegin)
      raiseSteps(first, blockLast(firstBlock), value);
    if (wholeEnd <= lastBlock)
      raiseSteps(lastBlock * kBlock, last, value);
  }

private:
  size_t blockLast(size_t block) const {
    return std::min((block + 1) * kBlock, step.size()) - 1;
  }
  uint64_t maxSteps(size_t first, size_t last) const {
    uint64_t result = 0;
    for (size_t t = first; t <= last; ++t)
      result = std::max(result, step[t]);
    return result;
  }
  /// Raises steps [first, last] of one block.
  void raiseSteps(size_t first, size_t last, uint64_t value) {
    for (size_t t = first; t <= last; ++t)
      step[t] = std::max(step[t], value);
    blocks.raiseBest(first / kBlock, value);
  }

  static constexpr size_t kBlock = 64;
  std::vector<uint64_t> step;
  MaxTree blocks;
};
} // namespace

IntervalIndex::IntervalIndex(const Problem &problem) : problem(problem) {
  for (auto [index, buffer] : llvm::enumerate(problem.buffers))
    if (buffer.live)
      byStart.push_back(index);
  llvm::sort(byStart, [&](unsigned a, unsigned b) {
    return std::make_pair(problem.buffers[a].live->start, a) <
           std::make_pair(problem.buffers[b].live->start, b);
  });
  starts.reserve(byStart.size());
  rank.assign(problem.buffers.size(), 0);
  for (auto [position, b] : llvm::enumerate(byStart)) {
    starts.push_back(problem.buffers[b].live->start);
    rank[b] = position;
  }
  while (width < byStart.size())
    width *= 2;
  maxEnd.assign(2 * width, std::numeric_limits<int64_t>::min());
}

void IntervalIndex::activate(unsigned b) {
  size_t node = width + rank[b];
  maxEnd[node] = problem.buffers[b].live->end;
  for (node /= 2; node; node /= 2)
    maxEnd[node] = std::max(maxEnd[2 * node], maxEnd[2 * node + 1]);
}

void IntervalIndex::activateAll() {
  for (unsigned b : byStart)
    maxEnd[width + rank[b]] = problem.buffers[b].live->end;
  for (size_t node = width - 1; node; --node)
    maxEnd[node] = std::max(maxEnd[2 * node], maxEnd[2 * node + 1]);
}

/// `AboveConflicts` for interval-only problems without the conflict graph:
/// the highest end among placed buffers overlapping a live range is the
/// maximum of the pool's skyline over that range's time steps
/// (`Problem::firstStep`). O(n log n).
static llvm::Expected<Plan> placeAboveIntervals(const Problem &problem,
                                                llvm::ArrayRef<unsigned> order,
                                                Plan plan) {
  std::vector<std::unique_ptr<Skyline>> skylines(problem.pools.size());
  llvm::SmallVector<std::optional<uint64_t>, 4> lowestOffsets;
  // Buffers in size order sit at random places in memory: fetch the ones a
  // few places ahead while this one is placed (the candidate list hangs off
  // the buffer, so it comes later).
  constexpr size_t kAhead = 8;
  for (auto [index, b] : llvm::enumerate(order)) {
    if (index + 2 * kAhead < order.size()) {
      unsigned next = order[index + 2 * kAhead];
      __builtin_prefetch(&problem.buffers[next]);
      __builtin_prefetch(&plan.placements[next]);
    }
    if (index + kAhead < order.size())
      __builtin_prefetch(problem.candidates(order[index + kAhead]).data());
    const Buffer &buffer = problem.buffers[b];
    size_t first = problem.firstStep(b), last = problem.lastStep(b);
    lowestOffsets.clear();
    bool done = false;
    for (unsigned pool : problem.candidates(b)) {
      if (!skylines[pool])
        skylines[pool] = std::make_unique<Skyline>(problem.getNumSteps());
      // Empty buffers conflict with nothing and take no room.
      std::optional<uint64_t> offset =
          buffer.size == 0 ? std::optional<uint64_t>(0)
                           : alignUp(skylines[pool]->query(first, last),
                                     placementAlignment(problem, b, pool));
      if (offset && fitsInPool(problem, b, pool, *offset)) {
        uint64_t end = *offset + buffer.size;
        plan.placements[b] = {pool, *offset};
        plan.poolSizes[pool] = std::max(plan.poolSizes[pool], end);
        if (buffer.size)
          skylines[pool]->raise(first, last, end);
        done = true;
        break;
      }
      lowestOffsets.push_back(offset);
    }
    if (!done)
      return makeNoFitError(problem, b, lowestOffsets);
  }
  return plan;
}

llvm::Expected<Plan> usmp::planner::placeInOrder(const Problem &problem,
                                                 llvm::ArrayRef<unsigned> order,
                                                 OffsetRule rule,
                                                 llvm::StringRef algorithm) {
  size_t numBuffers = problem.buffers.size();
  Plan plan;
  plan.algorithm = algorithm.str();
  plan.placements.resize(numBuffers);
  plan.poolSizes.assign(problem.pools.size(), 0);
  bool intervals = problem.isIntervalOnly() && !problem.hasConflictGraph();
  if (rule == OffsetRule::AboveConflicts && intervals)
    return placeAboveIntervals(problem, order, std::move(plan));
  // Interval-only problems find their placed neighbours through an interval
  // index rather than building the conflict graph.
  std::optional<IntervalIndex> index;
  if (intervals)
    index.emplace(problem);
  std::vector<char> placed(numBuffers, 0);
  std::vector<Occupied> occupied;
  llvm::SmallVector<std::optional<uint64_t>, 4> lowestOffsets;
  for (unsigned b : order) {
    const Buffer &buffer = problem.buffers[b];
    occupied.clear();
    auto addOccupied = [&](unsigned other) {
      if (!placed[other] || problem.buffers[other].size == 0)
        return;
      const Placement &at = plan.placements[other];
      occupied.push_back(
          {at.pool, at.offset, at.offset + problem.buffers[other].size});
    };
    if (index)
      index->forEachOverlapping(*buffer.live, addOccupied);
    else
      llvm::for_each(problem.neighbours(b), addOccupied);
    llvm::sort(occupied);
    lowestOffsets.clear();
    bool done = false;
    for (unsigned pool : problem.candidates(b)) {
      auto [first, last] = std::equal_range(
          occupied.begin(), occupied.end(), Occupied{pool, 0, 0},
          [](const Occupied &x, const Occupied &y) { return x.pool < y.pool; });
      std::optional<uint64_t> offset =
          buffer.size == 0
              ? std::optional<uint64_t>(0)
              : pickOffset(llvm::ArrayRef<Occupied>(occupied).slice(
                               first - occupied.begin(), last - first),
                           buffer.size, placementAlignment(problem, b, pool),
                           rule);
      if (offset && fitsInPool(problem, b, pool, *offset)) {
        plan.placements[b] = {pool, *offset};
        plan.poolSizes[pool] =
            std::max(plan.poolSizes[pool], *offset + buffer.size);
        placed[b] = 1;
        if (index)
          index->activate(b);
        done = true;
        break;
      }
      lowestOffsets.push_back(offset);
    }
    if (!done)
      return makeNoFitError(problem, b, lowestOffsets);
  }
  return plan;
}
