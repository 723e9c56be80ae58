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
               std::to_string(left) + " bytes left";
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
/// `occupied` ranges of one pool, sorted by offset; nullopt on overflow.
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
    std::optional<uint64_t> end = checkedEnd(offset, size);
    if (!end)
      return std::nullopt;
    if (range.offset >= *end)
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
/// The highest end of placed buffers at every time step of one pool (its
/// skyline), over compressed time coordinates: a bottom-up segment tree
/// where `tag` holds values applied to a node's whole range and `best` the
/// maximum over the node's range. Values only grow, so no tag is ever pushed
/// down, and every node whose range meets [first, last] without lying inside
/// it is an ancestor of leaf `first` or leaf `last`: both operations are two
/// loops over canonical nodes and two leaf-to-root paths, without recursion.
class Skyline {
public:
  explicit Skyline(size_t numSteps) {
    while (width < numSteps)
      width *= 2;
    best.assign(2 * width, 0);
    tag.assign(2 * width, 0);
  }
  /// The largest value over steps [first, last].
  uint64_t query(size_t first, size_t last) const {
    uint64_t result = 0;
    for (size_t lo = first + width, hi = last + width + 1; lo < hi;
         lo /= 2, hi /= 2) {
      if (lo & 1)
        result = std::max(result, best[lo++]);
      if (hi & 1)
        result = std::max(result, best[--hi]);
    }
    for (size_t node = (first + width) / 2; node; node /= 2)
      result = std::max(result, tag[node]);
    for (size_t node = (last + width) / 2; node; node /= 2)
      result = std::max(result, tag[node]);
    return result;
  }
  /// Raises steps [first, last] to at least `value`.
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
    for (size_t node = (first + width) / 2; node; node /= 2)
      best[node] = std::max(best[node], value);
    for (size_t node = (last + width) / 2; node; node /= 2)
      best[node] = std::max(best[node], value);
  }

private:
  size_t width = 1;
  std::vector<uint64_t> best, tag;
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
/// maximum of the pool's skyline over that range. O(n log n). Only start
/// times are steps: two ranges overlap exactly when one contains the other's
/// start, so a range covers the steps of the starts within it.
static llvm::Expected<Plan> placeAboveIntervals(const Problem &problem,
                                                llvm::ArrayRef<unsigned> order,
                                                Plan plan) {
  // Every buffer's first and last step, from one sweep over the sorted
  // starts and ends (binary searches per buffer in size order would miss the
  // cache on large problems).
  size_t n = problem.buffers.size();
  std::vector<std::pair<int64_t, unsigned>> starts(n), ends(n);
  for (unsigned b = 0; b < n; ++b) {
    starts[b] = {problem.buffers[b].live->start, b};
    ends[b] = {problem.buffers[b].live->end, b};
  }
  llvm::sort(starts);
  llvm::sort(ends);
  std::vector<unsigned> firstStep(n), lastStep(n);
  size_t numSteps = 0;
  for (size_t i = 0; i < n; ++i) {
    if (i == 0 || starts[i].first != starts[i - 1].first)
      ++numSteps;
    firstStep[starts[i].second] = numSteps - 1;
  }
  // The range's own start is a step, so it covers at least one.
  size_t seen = 0, stepsSoFar = 0;
  for (auto [end, b] : ends) {
    for (; seen < n && starts[seen].first <= end; ++seen)
      if (seen == 0 || starts[seen].first != starts[seen - 1].first)
        ++stepsSoFar;
    lastStep[b] = stepsSoFar - 1;
  }
  std::vector<std::unique_ptr<Skyline>> skylines(problem.pools.size());
  llvm::SmallVector<std::optional<uint64_t>, 4> lowestOffsets;
  for (unsigned b : order) {
    const Buffer &buffer = problem.buffers[b];
    size_t first = firstStep[b], last = lastStep[b];
    lowestOffsets.clear();
    bool done = false;
    for (unsigned pool : problem.candidates(b)) {
      if (!skylines[pool])
        skylines[pool] = std::make_unique<Skyline>(numSteps);
      std::optional<uint64_t> offset =
          alignUp(skylines[pool]->query(first, last),
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
          pickOffset(llvm::ArrayRef<Occupied>(occupied).slice(
                         first - occupied.begin(), last - first),
                     buffer.size, placementAlignment(problem, b, pool), rule);
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
