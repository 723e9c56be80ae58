//===- IntervalGaps.cpp - Gap placement over live intervals ---------------===//

#include "usmp/Planner/IntervalGaps.h"
#include "usmp/Planner/FirstFit.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <limits>
#include <numeric>

using namespace usmp::planner;

GapPlacer::GapPlacer(const Problem &problem) : problem(problem) {
  leaves = 1;
  while (leaves < problem.getNumSteps())
    leaves *= 2;
  trees.resize(problem.pools.size());
}

void GapPlacer::reset() {
  unsigned n = problem.buffers.size();
  placedPool.assign(n, -1);
  placedOffset.assign(n, 0);
  poolSizes.assign(problem.pools.size(), 0);
  total = 0;
  for (PoolTree &tree : trees) {
    for (unsigned node : tree.dirty) {
      tree.covering[node].clear();
      tree.within[node].clear();
    }
    tree.dirty.clear();
  }
}

void GapPlacer::decompose(unsigned b) {
  canonical.clear();
  ancestors.clear();
  unsigned first = problem.firstStep(b), last = problem.lastStep(b) + 1;
  for (unsigned lo = first + leaves, hi = last + leaves; lo < hi;
       lo /= 2, hi /= 2) {
    if (lo & 1)
      canonical.push_back(lo++);
    if (hi & 1)
      canonical.push_back(--hi);
  }
  // Strict ancestors of the canonical nodes lie on the paths from the first
  // and last slot to the root: the path nodes not inside [first, last).
  unsigned left = first + leaves, right = last - 1 + leaves;
  for (unsigned level = 1; (left >> level) != 0; ++level) {
    unsigned l = left >> level, r = right >> level;
    unsigned lBegin = (l << level) - leaves, lEnd = lBegin + (1u << level);
    if (lBegin < first || lEnd > last)
      ancestors.push_back(l);
    if (r != l) {
      unsigned rBegin = (r << level) - leaves, rEnd = rBegin + (1u << level);
      if (rBegin < first || rEnd > last)
        ancestors.push_back(r);
    }
  }
  work += canonical.size() + ancestors.size();
}

/// Adds [begin, end) to `set`, merging it with the ranges it overlaps or
/// touches.
static void addRange(std::vector<GapRange> &set, GapRange range) {
  auto first = std::lower_bound(
      set.begin(), set.end(), range.begin,
      [](const GapRange &x, uint64_t value) { return x.end < value; });
  auto last = first;
  while (last != set.end() && last->begin <= range.end) {
    range.begin = std::min(range.begin, last->begin);
    range.end = std::max(range.end, last->end);
    ++last;
  }
  if (first == last) {
    set.insert(first, range);
    return;
  }
  *first = range;
  set.erase(first + 1, last);
}

bool GapPlacer::findOffset(unsigned b, unsigned pool, FitRule rule,
                           uint64_t &offset) {
  const Buffer &buffer = problem.buffers[b];
  uint64_t size = buffer.size;
  uint64_t alignment = placementAlignment(problem, b, pool);

  // The occupied byte ranges of every buffer conflicting with b, as a few
  // sorted sets whose union we walk in address order.
  sets.clear();
  PoolTree &tree = trees[pool];
  if (buffer.live && !tree.within.empty()) {
    decompose(b);
    for (unsigned node : canonical)
      if (!tree.within[node].empty())
        sets.push_back(&tree.within[node]);
    for (unsigned node : ancestors)
      if (!tree.covering[node].empty())
        sets.push_back(&tree.covering[node]);
  }
  explicitRanges.clear();
  for (unsigned other : problem.explicitConflicts(b))
    if (placedPool[other] == static_cast<int>(pool) &&
        problem.buffers[other].size != 0)
      explicitRanges.push_back(
          {placedOffset[other],
           placedOffset[other] + problem.buffers[other].size});
  if (!explicitRanges.empty()) {
    llvm::sort(explicitRanges, [](const GapRange &x, const GapRange &y) {
      return x.begin != y.begin ? x.begin < y.begin : x.end < y.end;
    });
    // Merge in place so the set is disjoint like the others.
    unsigned kept = 0;
    for (const GapRange &range : explicitRanges) {
      if (kept != 0 && range.begin <= explicitRanges[kept - 1].end)
        explicitRanges[kept - 1].end =
            std::max(explicitRanges[kept - 1].end, range.end);
      else
        explicitRanges[kept++] = range;
    }
    explicitRanges.resize(kept);
    sets.push_back(&explicitRanges);
  }

  cursors.clear();
  work += sets.size() + 1;
  for (const RangeSet *set : sets)
    cursors.push_back({set->data(), set->data() + set->size()});

  // Walk the union of the sets in address order, gap by gap. (A heap of
  // cursors visits each range once but measured slower: most queries see
  // few ranges per set.)
  bool found = false;
  uint64_t bestGap = 0;
  uint64_t free = 0;
  while (true) {
    // Move `free` past every range covering it.
    for (bool moved = true; moved;) {
      moved = false;
      for (unsigned i = 0; i < cursors.size();) {
        Cursor &cursor = cursors[i];
        while (cursor.next != cursor.end && cursor.next->end <= free) {
          ++cursor.next;
          ++work;
        }
        if (cursor.next == cursor.end) {
          cursor = cursors.back();
          cursors.pop_back();
          continue;
        }
        if (cursor.next->begin <= free) {
          free = cursor.next->end;
          moved = true;
        }
        ++i;
      }
    }
    uint64_t blocked = std::numeric_limits<uint64_t>::max();
    work += cursors.size() + 1;
    for (const Cursor &cursor : cursors)
      blocked = std::min(blocked, cursor.next->begin);
    if (cursors.empty())
      break;
    // [free, blocked) is a gap.
    std::optional<uint64_t> aligned = alignUp(free, alignment);
    if (aligned && *aligned <= blocked && blocked - *aligned >= size) {
      uint64_t gap = blocked - free;
      if (!found || gap < bestGap) {
        found = true;
        bestGap = gap;
        offset = *aligned;
        // No later gap can beat the first fit or an exact fit.
        if (rule == FitRule::FirstFit || gap == size)
          return true;
      }
    }
    free = blocked;
  }
  if (found)
    return true;
  // Above everything conflicting.
  std::optional<uint64_t> aligned = alignUp(free, alignment);
  if (!aligned || !checkedEnd(*aligned, size))
    return false;
  offset = *aligned;
  return true;
}

void GapPlacer::insert(unsigned b, unsigned pool, uint64_t offset) {
  placedPool[b] = pool;
  placedOffset[b] = offset;
  uint64_t size = problem.buffers[b].size;
  if (offset + size > poolSizes[pool]) {
    // The total saturates: several pools near 2^64 must not wrap around.
    uint64_t growth = offset + size - poolSizes[pool];
    total = total > std::numeric_limits<uint64_t>::max() - growth
                ? std::numeric_limits<uint64_t>::max()
                : total + growth;
    poolSizes[pool] = offset + size;
  }
  if (!problem.buffers[b].live || size == 0)
    return;
  PoolTree &tree = trees[pool];
  if (tree.within.empty()) {
    tree.covering.resize(2 * leaves);
    tree.within.resize(2 * leaves);
  }
  decompose(b);
  GapRange range{offset, offset + size};
  auto touch = [&](RangeSet &set, unsigned node) {
    if (tree.covering[node].empty() && tree.within[node].empty())
      tree.dirty.push_back(node);
    addRange(set, range);
  };
  for (unsigned node : canonical) {
    touch(tree.covering[node], node);
    addRange(tree.within[node], range);
  }
  for (unsigned node : ancestors)
    touch(tree.within[node], node);
}

std::optional<unsigned> GapPlacer::placeAll(llvm::ArrayRef<unsigned> order,
                                            FitRule rule, uint64_t cutoff,
                                            uint64_t workLimit) {
  reset();
  work += problem.buffers.size();
  for (unsigned b : order) {
    const Buffer &buffer = problem.buffers[b];
    lastOffsets.clear();
    bool placed = false;
    for (unsigned pool : problem.candidates(b)) {
      ++work;
      uint64_t offset = 0;
      // Empty buffers conflict with nothing and take no room.
      if (buffer.size != 0 && !findOffset(b, pool, rule, offset)) {
        lastOffsets.push_back(std::nullopt);
        continue;
      }
      lastOffsets.push_back(offset);
      if (!fitsInPool(problem, b, pool, offset))
        continue;
      insert(b, pool, offset);
      placed = true;
      break;
    }
    if (!placed || total >= cutoff || work >= workLimit)
      return b;
  }
  return std::nullopt;
}

llvm::Expected<Plan> GapPlacer::run(llvm::ArrayRef<unsigned> order,
                                    FitRule rule) {
  if (std::optional<unsigned> failed =
          placeAll(order, rule, std::numeric_limits<uint64_t>::max(),
                   std::numeric_limits<uint64_t>::max()))
    return makeNoFitError(problem, *failed, lastOffsets);
  return currentPlan();
}

Plan GapPlacer::currentPlan() const {
  Plan plan;
  plan.placements.resize(problem.buffers.size());
  for (unsigned b = 0, n = problem.buffers.size(); b < n; ++b)
    plan.placements[b] = {static_cast<unsigned>(placedPool[b]),
                          placedOffset[b]};
  plan.poolSizes = poolSizes;
  return plan;
}

uint64_t GapPlacer::evaluate(llvm::ArrayRef<unsigned> order, FitRule rule,
                             uint64_t cutoff, uint64_t workLimit) {
  if (placeAll(order, rule, cutoff, workLimit))
    return std::numeric_limits<uint64_t>::max();
  return total;
}

namespace {
/// A buffer's live range for ordering purposes.
struct Span {
  int64_t start, end;
};
} // namespace

static std::vector<Span> spans(const Problem &problem) {
  int64_t first = std::numeric_limits<int64_t>::max();
  int64_t last = std::numeric_limits<int64_t>::min();
  for (const Buffer &buffer : problem.buffers)
    if (buffer.live) {
      first = std::min(first, buffer.live->start);
      last = std::max(last, buffer.live->end);
    }
  if (first > last)
    first = last = 0;
  std::vector<Span> result;
  result.reserve(problem.buffers.size());
  for (const Buffer &buffer : problem.buffers)
    result.push_back(buffer.live ? Span{buffer.live->start, buffer.live->end}
                                 : Span{first, last});
  return result;
}

/// Duration without overflow: end - start as an unsigned 64-bit value.
static uint64_t duration(const Span &span) {
  return static_cast<uint64_t>(span.end) - static_cast<uint64_t>(span.start);
}

std::vector<unsigned> usmp::planner::intervalOrder(const Problem &problem,
                                                   IntervalOrder order) {
  std::vector<Span> span = spans(problem);
  std::vector<unsigned> result(problem.buffers.size());
  std::iota(result.begin(), result.end(), 0u);
  auto size = [&](unsigned b) { return problem.buffers[b].size; };
  // Each key returns -1, 0 or 1 like a three-way comparison.
  auto bySize = [&](unsigned a, unsigned b) {
    return size(a) == size(b) ? 0 : size(a) > size(b) ? -1 : 1;
  };
  auto byDuration = [&](unsigned a, unsigned b) {
    uint64_t da = duration(span[a]), db = duration(span[b]);
    return da == db ? 0 : da > db ? -1 : 1;
  };
  auto byStart = [&](unsigned a, unsigned b) {
    return span[a].start == span[b].start  ? 0
           : span[a].start < span[b].start ? -1
                                           : 1;
  };
  auto byLateEnd = [&](unsigned a, unsigned b) {
    return span[a].end == span[b].end ? 0 : span[a].end > span[b].end ? -1 : 1;
  };
  auto sortBy = [&](auto first, auto second) {
    llvm::sort(result, [&](unsigned a, unsigned b) {
      if (int c = first(a, b))
        return c < 0;
      if (int c = second(a, b))
        return c < 0;
      return a < b;
    });
  };
  auto none = [](unsigned, unsigned) { return 0; };
  switch (order) {
  case IntervalOrder::SizeThenDuration:
    sortBy(bySize, byDuration);
    break;
  case IntervalOrder::SizeThenIndex:
    sortBy(bySize, none);
    break;
  case IntervalOrder::SizeThenStart:
    sortBy(bySize, byStart);
    break;
  case IntervalOrder::SizeThenLateEnd:
    sortBy(bySize, byLateEnd);
    break;
  case IntervalOrder::DurationThenSize:
    sortBy(byDuration, bySize);
    break;
  case IntervalOrder::StartThenSize:
    sortBy(byStart, bySize);
    break;
  }
  return result;
}

namespace {
class IntervalHeuristic : public Algorithm {
public:
  IntervalHeuristic(llvm::StringRef name, IntervalOrder order, FitRule rule)
      : name(name.str()), order(order), rule(rule) {}
  llvm::StringRef getName() const override { return name; }
  llvm::Expected<Plan> plan(const Problem &problem,
                            const PlanOptions &) const override {
    GapPlacer placer(problem);
    llvm::Expected<Plan> plan = placer.run(intervalOrder(problem, order), rule);
    if (plan)
      plan->algorithm = name;
    return plan;
  }

private:
  std::string name;
  IntervalOrder order;
  FitRule rule;
};
} // namespace

std::unique_ptr<Algorithm>
usmp::planner::createIntervalHeuristic(llvm::StringRef name,
                                       IntervalOrder order, FitRule rule) {
  return std::make_unique<IntervalHeuristic>(name, order, rule);
}

std::vector<unsigned>
usmp::planner::sizeClassOrder(const Problem &problem, uint64_t base,
                              SizeClassTieBreak tieBreak) {
  std::vector<Span> span = spans(problem);
  size_t n = problem.buffers.size();
  // Integer logarithms, so every platform agrees on the class boundaries.
  std::vector<unsigned> sizeClass(n, 0);
  for (size_t b = 0; b < n; ++b)
    for (uint64_t size = problem.buffers[b].size; size >= base; size /= base)
      ++sizeClass[b];
  std::vector<unsigned> result(n);
  std::iota(result.begin(), result.end(), 0u);
  llvm::sort(result, [&](unsigned a, unsigned b) {
    if (sizeClass[a] != sizeClass[b])
      return sizeClass[a] > sizeClass[b];
    if (tieBreak == SizeClassTieBreak::EarlyStart) {
      if (span[a].start != span[b].start)
        return span[a].start < span[b].start;
    } else {
      uint64_t da = duration(span[a]), db = duration(span[b]);
      if (da != db)
        return da > db;
    }
    uint64_t sa = problem.buffers[a].size, sb = problem.buffers[b].size;
    return sa != sb ? sa > sb : a < b;
  });
  return result;
}
