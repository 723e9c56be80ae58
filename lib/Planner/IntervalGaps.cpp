//===- IntervalGaps.cpp - Gap placement over live intervals ---------------===//

#include "usmp/Planner/IntervalGaps.h"
#include "usmp/Planner/FirstFit.h"
#include "usmp/Planner/RadixSort.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <limits>
#include <tuple>
#include <utility>

using namespace usmp::planner;

GapPlacer::GapPlacer(const Problem &problem, GapPlacerShape shape)
    : problem(problem),
      // Only speed depends on the shape, so one out of range is brought in.
      shape{std::min(shape.bucketStepsLog2, 6u),
            std::clamp(shape.fanoutLog2, 1u, 16u)} {
  numBuckets = std::max(
      1u, static_cast<unsigned>(llvm::divideCeil(
              problem.getNumSteps(), uint64_t(1) << shape.bucketStepsLog2)));
  levelBegin = {0};
  for (unsigned count = numBuckets;;
       count = static_cast<unsigned>(
           llvm::divideCeil(count, uint64_t(1) << shape.fanoutLog2))) {
    levelBegin.push_back(levelBegin.back() + count);
    if (count == 1)
      break;
  }
  trees.resize(problem.pools.size());
  // Growing the bucket lists one insertion at a time copied each several
  // times (a tenth of best fit's time at 1M buffers): they are reserved at
  // the number of buffers preferring the pool that cover part of the
  // bucket, which those falling back to a pool may still exceed.
  for (unsigned b = 0, e = problem.buffers.size(); b < e; ++b) {
    llvm::ArrayRef<unsigned> pools = problem.candidates(b);
    if (pools.empty() || !problem.buffers[b].live ||
        problem.buffers[b].size == 0)
      continue;
    std::vector<unsigned> &expected = trees[pools.front()].expectedLocal;
    if (expected.empty())
      expected.assign(numBuckets, 0);
    decompose(b);
    for (unsigned bucket : partial)
      ++expected[bucket];
  }
  decomposed = ~0u;
  // Budgets count the work of placing only: portfolio orders that used to
  // fit in one still do.
  work = 0;
}

void GapPlacer::reset() {
  unsigned n = problem.buffers.size();
  placedPool.assign(n, -1);
  placedOffset.assign(n, 0);
  poolSizes.assign(problem.pools.size(), 0);
  cost = LayoutCost();
  miss.reset();
  for (PoolTree &tree : trees) {
    for (unsigned v : tree.dirtyNodes) {
      tree.nodes[v].covering.clear();
      tree.nodes[v].within.clear();
      tree.nodes[v].hasWithin = false;
    }
    for (unsigned index : tree.dirtyUpper) {
      tree.upper[index].ranges.clear();
      tree.upper[index].builtAt = 0;
    }
    tree.dirtyUpper.clear();
    for (unsigned bucket : tree.dirtyBuckets) {
      tree.local[bucket].steps.clear();
      tree.local[bucket].ranges.clear();
    }
    tree.dirtyNodes.clear();
    tree.dirtyBuckets.clear();
  }
}

void GapPlacer::decompose(unsigned b) {
  if (b == decomposed)
    return;
  decomposed = b;
  partial.clear();
  canonical.clear();
  path.clear();
  unsigned bucketShift = shape.bucketStepsLog2, fanoutShift = shape.fanoutLog2;
  uint64_t fanoutMask = (uint64_t(1) << fanoutShift) - 1;
  uint64_t first = problem.firstStep(b), last = problem.lastStep(b);
  uint64_t firstBucket = first >> bucketShift, lastBucket = last >> bucketShift;
  // The last bucket may hold fewer steps.
  auto bucketLast = [&](uint64_t bucket) {
    return std::min<uint64_t>((bucket + 1) << bucketShift,
                              problem.getNumSteps()) -
           1;
  };
  bool firstWhole =
      first == firstBucket << bucketShift && last >= bucketLast(firstBucket);
  bool lastWhole =
      last == bucketLast(lastBucket) && first <= lastBucket << bucketShift;
  if (!firstWhole)
    partial.push_back(firstBucket);
  if (!lastWhole && lastBucket != firstBucket)
    partial.push_back(lastBucket);
  // The whole buckets [lo, hi), possibly none, decompose bottom-up.
  uint64_t lo = firstWhole ? firstBucket : firstBucket + 1;
  uint64_t hi = lastWhole ? lastBucket + 1 : lastBucket;
  for (uint64_t level = 0, l = lo, h = hi; l < h; ++level) {
    while (l < h && (l & fanoutMask))
      canonical.push_back(node(level, l++));
    while (l < h && (h & fanoutMask))
      canonical.push_back(node(level, --h));
    l >>= fanoutShift;
    h >>= fanoutShift;
  }
  // The path nodes of the first and last bucket not inside [lo, hi): they
  // hold the partial buckets and every strict ancestor of `canonical`.
  for (unsigned level = 0, shift = 0; level + 1 < levelBegin.size();
       ++level, shift += fanoutShift) {
    uint64_t left = firstBucket >> shift, right = lastBucket >> shift;
    auto outside = [&](uint64_t index) {
      return index << shift < lo || (index + 1) << shift > hi;
    };
    if (outside(left))
      path.push_back(node(level, left));
    if (right != left && outside(right))
      path.push_back(node(level, right));
  }
  work += partial.size() + canonical.size() + path.size();
}

uint64_t GapPlacer::stepMask(unsigned b, unsigned bucket) const {
  // Only the steps inside the bucket: an overlap elsewhere is found through
  // the bucket holding it.
  unsigned base = bucket << shape.bucketStepsLog2;
  unsigned first = std::max(problem.firstStep(b), base) - base;
  unsigned last =
      std::min(problem.lastStep(b), base + (1u << shape.bucketStepsLog2) - 1) -
      base;
  return (~uint64_t(0) >> (63 - last)) & (~uint64_t(0) << first);
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

/// Joins the overlapping or touching ranges of `set`, sorted by begin, so it
/// is disjoint like the tree's sets.
static void joinTouching(std::vector<GapRange> &set) {
  unsigned kept = 0;
  for (const GapRange &range : set) {
    if (kept != 0 && range.begin <= set[kept - 1].end)
      set[kept - 1].end = std::max(set[kept - 1].end, range.end);
    else
      set[kept++] = range;
  }
  set.resize(kept);
}

/// Sorts `set` and joins its overlapping or touching ranges.
static void sortAndMerge(std::vector<GapRange> &set) {
  llvm::sort(set, [](const GapRange &x, const GapRange &y) {
    return x.begin != y.begin ? x.begin < y.begin : x.end < y.end;
  });
  joinTouching(set);
}

/// The union of the sorted, disjoint ranges [a, aEnd) and [b, bEnd) into
/// `out`, which has room for both: returns its end. Which set comes next and
/// whether ranges touch is random, so both are chosen without branches.
static GapRange *mergeTwo(const GapRange *a, const GapRange *aEnd,
                          const GapRange *b, const GapRange *bEnd,
                          GapRange *out) {
  if (a == aEnd)
    return std::copy(b, bEnd, out);
  if (b == bEnd)
    return std::copy(a, aEnd, out);
  // `current` is the last range out, still growing; out[0] is its slot.
  GapRange current = a->begin < b->begin ? *a++ : *b++;
  auto add = [&](const GapRange &range) {
    bool apart = range.begin > current.end;
    *out = current;
    out += apart;
    // Ranges come by begin, so a range apart from `current` ends above it.
    current.begin = apart ? range.begin : current.begin;
    current.end = std::max(current.end, range.end);
  };
  while (a != aEnd && b != bEnd) {
    bool fromA = a->begin < b->begin;
    const GapRange *next = fromA ? a : b;
    a += fromA;
    b += !fromA;
    add(*next);
  }
  for (; a != aEnd; ++a)
    add(*a);
  for (; b != bEnd; ++b)
    add(*b);
  *out++ = current;
  return out;
}

/// The union of `sets` (each sorted and disjoint) into `out`, sorted and
/// disjoint: merged list by list.
static void mergeSets(llvm::ArrayRef<const std::vector<GapRange> *> sets,
                      std::vector<GapRange> &out,
                      std::vector<GapRange> &scratch) {
  out.clear();
  for (const std::vector<GapRange> *set : sets) {
    scratch.resize(out.size() + set->size());
    GapRange *end = mergeTwo(out.data(), out.data() + out.size(), set->data(),
                             set->data() + set->size(), scratch.data());
    scratch.resize(end - scratch.data());
    out.swap(scratch);
  }
}

void GapPlacer::buildWithin(PoolTree &tree, unsigned v) {
  Node &target = tree.nodes[v];
  unsigned level = llvm::upper_bound(levelBegin, v) - levelBegin.begin() - 1;
  uint64_t index = v - levelBegin[level];
  RangeSet &within = target.within;
  // Every node at and below v, level by level, then the buckets' lists.
  for (unsigned below = 0; below <= level; ++below) {
    unsigned shift = below * shape.fanoutLog2;
    uint64_t first = index << shift;
    uint64_t last =
        std::min<uint64_t>((index + 1) << shift, levelBegin[level - below + 1] -
                                                     levelBegin[level - below]);
    for (uint64_t i = first; i < last; ++i) {
      const RangeSet &covering = tree.nodes[node(level - below, i)].covering;
      within.insert(within.end(), covering.begin(), covering.end());
      work += covering.size() / 8 + 1;
    }
  }
  uint64_t firstBucket = index << (level * shape.fanoutLog2);
  uint64_t lastBucket =
      std::min<uint64_t>((index + 1) << (level * shape.fanoutLog2), numBuckets);
  for (uint64_t bucket = firstBucket; bucket < lastBucket; ++bucket) {
    const std::vector<GapRange> &ranges = tree.local[bucket].ranges;
    within.insert(within.end(), ranges.begin(), ranges.end());
    work += ranges.size() / 8 + 1;
  }
  sortAndMerge(within);
  if (target.covering.empty())
    tree.dirtyNodes.push_back(v);
  target.hasWithin = true;
}

GapPlacer::UpperUnion *GapPlacer::upperUnion(PoolTree &tree) {
  if (levelBegin.size() <= 2)
    return nullptr;
  unsigned levelOne = ~0u;
  for (unsigned v : canonical)
    if (v >= levelBegin[1])
      return nullptr;
  for (unsigned v : path)
    if (v >= levelBegin[1] && v < levelBegin[2]) {
      if (levelOne != ~0u)
        return nullptr;
      levelOne = v;
    }
  if (levelOne == ~0u)
    return nullptr;
  // Each node above the buckets keeps the union of its and its ancestors'
  // `covering`, built from its parent's: a change near the root then costs
  // one merge per node below it, not a merge of every level per window.
  // Unions change only with a `covering` above the buckets: when none did
  // since this one was last found up to date, it still is.
  UpperUnion &result = tree.upper[levelOne - levelBegin[1]];
  if (result.builtAt != 0 && result.checkedAt >= tree.upperChangedAt)
    return &result;
  uint64_t index = levelOne - levelBegin[1];
  unsigned levels = levelBegin.size() - 1;
  const UpperUnion *parent = nullptr;
  UpperUnion *upper = nullptr;
  for (unsigned level = levels; level-- > 1;) {
    unsigned v = node(level, index >> ((level - 1) * shape.fanoutLog2));
    upper = &tree.upper[v - levelBegin[1]];
    if (upper->builtAt > tree.nodes[v].changedAt &&
        (!parent || upper->builtAt > parent->builtAt)) {
      parent = upper;
      continue;
    }
    if (upper->builtAt == 0)
      tree.dirtyUpper.push_back(v - levelBegin[1]);
    const RangeSet *parts[] = {&tree.nodes[v].covering,
                               parent ? &parent->ranges : nullptr};
    mergeSets(llvm::ArrayRef(parts, parent ? 2 : 1), upper->ranges,
              mergeScratch);
    upper->builtAt = ++tree.clock;
    upper->indexed = false;
    parent = upper;
    // The work of merging every level, the measure `evaluate`'s budgets
    // were set with.
    if (level == 1)
      for (unsigned v : path)
        if (v >= levelBegin[1])
          work += tree.nodes[v].covering.size() / 8 + 1;
  }
  upper->checkedAt = tree.clock;
  return upper;
}

bool GapPlacer::bestFitAround(UpperUnion &upper, const RangeSet &others,
                              uint64_t size, uint64_t alignment,
                              uint64_t &offset) {
  const RangeSet &ranges = upper.ranges;
  size_t numRanges = ranges.size();
  // Gap i of the upper union is [end of range i-1 (or 0), begin of range i);
  // gap numRanges, above the last range, is open.
  auto gapBegin = [&](size_t i) { return i == 0 ? 0 : ranges[i - 1].end; };
  if (!upper.indexed) {
    // A counting sort by bit width, then a sort of each group: groups are
    // short, so rebuilding the index after each change is about linear.
    std::array<unsigned, 66> groupBegin{};
    for (size_t i = 0; i < numRanges; ++i)
      if (ranges[i].begin > gapBegin(i))
        ++groupBegin[llvm::bit_width(ranges[i].begin - gapBegin(i)) + 1];
    for (size_t k = 1; k < groupBegin.size(); ++k)
      groupBegin[k] += groupBegin[k - 1];
    std::vector<UpperUnion::Gap> &gaps = upper.gapsBySize;
    gaps.resize(groupBegin.back());
    std::array<unsigned, 66> next = groupBegin;
    for (size_t i = 0; i < numRanges; ++i)
      if (ranges[i].begin > gapBegin(i)) {
        uint64_t gapSize = ranges[i].begin - gapBegin(i);
        gaps[next[llvm::bit_width(gapSize)]++] = {gapSize, gapBegin(i),
                                                  static_cast<unsigned>(i)};
      }
    for (size_t k = 0; k + 1 < groupBegin.size(); ++k)
      std::sort(gaps.begin() + groupBegin[k], gaps.begin() + groupBegin[k + 1],
                [](const UpperUnion::Gap &x, const UpperUnion::Gap &y) {
                  return x.size != y.size ? x.size < y.size : x.begin < y.begin;
                });
    work += gaps.size() / 4 + 1;
    upper.indexed = true;
  }
  bool found = false;
  uint64_t bestGap = 0;
  // Takes the gap [begin, end) if the buffer fits and it beats the best so
  // far; returns whether the buffer fits.
  auto consider = [&](uint64_t begin, uint64_t end) {
    std::optional<uint64_t> aligned = alignUp(begin, alignment);
    if (!aligned || *aligned > end || end - *aligned < size)
      return false;
    uint64_t gap = end - begin;
    if (!found || gap < bestGap || (gap == bestGap && *aligned < offset)) {
      found = true;
      bestGap = gap;
      offset = *aligned;
    }
    return true;
  };
  // The gaps `others` touches, cut into the pieces between its ranges.
  touchedGaps.clear();
  const GapRange *cut = others.data(), *cutEnd = others.data() + others.size();
  size_t first = 0, last = 0;
  for (const GapRange &range : others) {
    // Gaps i with gapBegin(i) < range.end and (i == numRanges or
    // ranges[i].begin > range.begin); both bounds only grow, as the ranges
    // of `others` come in address order, and the ranges before first - 1
    // end below range.begin, so `last` starts there.
    while (first < numRanges && ranges[first].begin <= range.begin)
      ++first;
    last = std::max(last, first - (first != 0));
    while (last < numRanges && ranges[last].end < range.end)
      ++last;
    for (size_t i = std::max<size_t>(
             first, touchedGaps.empty() ? 0 : touchedGaps.back() + 1);
         i <= last && i <= numRanges; ++i) {
      uint64_t begin = gapBegin(i);
      if (i < numRanges && ranges[i].begin <= begin)
        continue;
      touchedGaps.push_back(i);
      uint64_t end = i < numRanges ? ranges[i].begin
                                   : std::numeric_limits<uint64_t>::max();
      // Walk the cutting ranges across [begin, end).
      while (cut != cutEnd && cut->end <= begin)
        ++cut;
      uint64_t free = begin;
      for (const GapRange *c = cut; c != cutEnd && c->begin < end; ++c) {
        if (c->begin > free)
          consider(free, c->begin);
        free = std::max(free, c->end);
        ++work;
      }
      // Above the last range, what is left is the top, not a gap.
      if (i < numRanges && free < end)
        consider(free, end);
    }
  }
  // The best untouched gap: the first in size order that fits.
  auto at =
      llvm::partition_point(upper.gapsBySize, [&](const UpperUnion::Gap &gap) {
        return gap.size < size;
      });
  for (; at != upper.gapsBySize.end(); ++at) {
    ++work;
    if (found && at->size > bestGap)
      break;
    if (!std::binary_search(touchedGaps.begin(), touchedGaps.end(),
                            at->index) &&
        consider(at->begin, at->begin + at->size))
      break;
  }
  if (found)
    return true;
  // Above everything conflicting.
  uint64_t top = numRanges ? ranges.back().end : 0;
  if (!others.empty())
    top = std::max(top, others.back().end);
  std::optional<uint64_t> aligned = alignUp(top, alignment);
  if (!aligned)
    return false;
  offset = *aligned;
  return true;
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
  UpperUnion *upper = nullptr;
  if (buffer.live && !tree.nodes.empty()) {
    decompose(b);
    for (unsigned v : canonical) {
      if (!tree.nodes[v].hasWithin)
        buildWithin(tree, v);
      if (!tree.nodes[v].within.empty())
        sets.push_back(&tree.nodes[v].within);
    }
    // Best fit weighs every gap, so it takes them from the cached union's
    // size index; first fit mostly stops at the first gap and would only
    // pay for the rebuilds.
    upper = rule == FitRule::BestFit ? upperUnion(tree) : nullptr;
    for (unsigned v : path)
      if ((!upper || v < levelBegin[1]) && !tree.nodes[v].covering.empty())
        sets.push_back(&tree.nodes[v].covering);
    for (auto [bucket, ranges] : llvm::zip_first(partial, localRanges)) {
      ranges.clear();
      const LocalList &local = tree.local[bucket];
      uint64_t mask = stepMask(b, bucket);
      // Masks are cheap to scan.
      work += local.steps.size() / 16;
      // The matches first, as a bit per entry without branches (about a
      // fifth match, at random), then merged in offset order like every
      // set: touching ranges would each cost the walk a pass over all the
      // sets.
      for (size_t base = 0, e = local.steps.size(); base < e; base += 64) {
        uint64_t bits = 0;
        for (size_t i = base, end = std::min(e, base + 64); i < end; ++i)
          bits |= uint64_t((local.steps[i] & mask) != 0) << (i - base);
        for (; bits; bits &= bits - 1) {
          const GapRange &range = local.ranges[base + llvm::countr_zero(bits)];
          if (!ranges.empty() && range.begin <= ranges.back().end)
            ranges.back().end = std::max(ranges.back().end, range.end);
          else
            ranges.push_back(range);
        }
      }
      if (!ranges.empty())
        sets.push_back(&ranges);
    }
  }
  explicitRanges.clear();
  for (unsigned other : problem.explicitConflicts(b))
    if (placedPool[other] == static_cast<int>(pool) &&
        problem.buffers[other].size != 0)
      explicitRanges.push_back(
          {placedOffset[other],
           placedOffset[other] + problem.buffers[other].size});
  if (!explicitRanges.empty()) {
    // Sorting dominates placements with long conflict lists: charge it.
    work +=
        explicitRanges.size() * (llvm::Log2_64(explicitRanges.size()) + 1) / 2;
    sortAndMerge(explicitRanges);
    sets.push_back(&explicitRanges);
  }

  if (upper) {
    // The other sets are few and short: one merged list.
    mergeSets(sets, others, mergeScratch);
    work += others.size() / 4 + 1;
    return bestFitAround(*upper, others, size, alignment, offset);
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
        if (cursor.next != cursor.end && cursor.next->end <= free) {
          // Gallop past the ranges below `free`: after a jump of `free`
          // there can be many.
          const GapRange *below = cursor.next;
          size_t step = 1;
          while (step < static_cast<size_t>(cursor.end - below) &&
                 below[step].end <= free) {
            below += step;
            step *= 2;
            ++work;
          }
          cursor.next = std::partition_point(
              below + 1, below + std::min<size_t>(step, cursor.end - below),
              [&](const GapRange &range) { return range.end <= free; });
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
  if (!aligned)
    return false;
  offset = *aligned;
  return true;
}

LayoutCost GapPlacer::costWith(unsigned pool, uint64_t end) const {
  LayoutCost result = cost;
  uint64_t size = poolSizes[pool];
  if (end <= size)
    return result;
  // The sums saturate: several pools near 2^64 must not wrap around.
  result.total = llvm::SaturatingAdd(result.total, end - size);
  uint64_t hint = problem.pools[pool].sizeHint.value_or(
      std::numeric_limits<uint64_t>::max());
  if (end > hint)
    result.overflow =
        llvm::SaturatingAdd(result.overflow, end - std::max(size, hint));
  return result;
}

void GapPlacer::insert(unsigned b, unsigned pool, uint64_t offset) {
  placedPool[b] = pool;
  placedOffset[b] = offset;
  uint64_t size = problem.buffers[b].size;
  if (offset + size > poolSizes[pool]) {
    cost = costWith(pool, offset + size);
    poolSizes[pool] = offset + size;
  }
  if (!problem.buffers[b].live || size == 0)
    return;
  PoolTree &tree = trees[pool];
  if (tree.nodes.empty()) {
    tree.nodes.resize(levelBegin.back());
    tree.local.resize(numBuckets);
    if (levelBegin.size() > 2)
      tree.upper.resize(levelBegin.back() - levelBegin[1]);
  }
  decompose(b);
  GapRange range{offset, offset + size};
  auto touch = [&](unsigned v) {
    if (tree.nodes[v].covering.empty() && !tree.nodes[v].hasWithin)
      tree.dirtyNodes.push_back(v);
  };
  for (unsigned bucket : partial) {
    LocalList &local = tree.local[bucket];
    if (local.steps.empty()) {
      tree.dirtyBuckets.push_back(bucket);
      if (!tree.expectedLocal.empty()) {
        local.steps.reserve(tree.expectedLocal[bucket]);
        local.ranges.reserve(tree.expectedLocal[bucket]);
      }
    }
    size_t at =
        std::upper_bound(local.ranges.begin(), local.ranges.end(), range.begin,
                         [](uint64_t begin, const GapRange &other) {
                           return begin < other.begin;
                         }) -
        local.ranges.begin();
    local.steps.insert(local.steps.begin() + at, stepMask(b, bucket));
    local.ranges.insert(local.ranges.begin() + at, range);
  }
  for (unsigned v : canonical) {
    touch(v);
    addRange(tree.nodes[v].covering, range);
    tree.nodes[v].changedAt = ++tree.clock;
    if (v >= levelBegin[1])
      tree.upperChangedAt = tree.clock;
    if (tree.nodes[v].hasWithin)
      addRange(tree.nodes[v].within, range);
  }
  for (unsigned v : path)
    if (tree.nodes[v].hasWithin)
      addRange(tree.nodes[v].within, range);
}

std::optional<unsigned> GapPlacer::placeAll(llvm::ArrayRef<unsigned> order,
                                            FitRule rule, bool pastHints,
                                            std::optional<LayoutCost> cutoff,
                                            uint64_t workLimit) {
  reset();
  work += problem.buffers.size();
  // An order that jumps in time misses the cache on every buffer, bucket and
  // node it touches: fetch them ahead, in stages, each stage reading only
  // what the previous one fetched.
  constexpr size_t kFar = 24, kPools = 16, kMid = 10, kNear = 4;
  auto leafOf = [&](unsigned next, unsigned &bucket) -> PoolTree * {
    llvm::ArrayRef<unsigned> pools = problem.candidates(next);
    if (pools.empty() || !problem.buffers[next].live)
      return nullptr;
    PoolTree &tree = trees[pools.front()];
    if (tree.nodes.empty())
      return nullptr;
    bucket = problem.firstStep(next) >> shape.bucketStepsLog2;
    return &tree;
  };
  for (auto [index, b] : llvm::enumerate(order)) {
    if (index + kFar < order.size()) {
      unsigned next = order[index + kFar];
      // The fields read (size to live) may straddle two cache lines.
      __builtin_prefetch(&problem.buffers[next].size);
      __builtin_prefetch(&problem.buffers[next].live);
      problem.prefetchSteps(next);
      __builtin_prefetch(&placedPool[next], 1);
      __builtin_prefetch(&placedOffset[next], 1);
    }
    if (index + kPools < order.size())
      __builtin_prefetch(problem.candidates(order[index + kPools]).data());
    // The bucket's lists, its tree node and the node's parent: the rest of
    // the path is shared by many buckets and stays in the cache.
    unsigned bucket;
    bool hasParent = levelBegin.size() > 2;
    if (index + kMid < order.size())
      if (PoolTree *tree = leafOf(order[index + kMid], bucket)) {
        __builtin_prefetch(&tree->local[bucket]);
        __builtin_prefetch(&tree->nodes[node(0, bucket)]);
        if (hasParent)
          __builtin_prefetch(&tree->nodes[node(1, bucket >> shape.fanoutLog2)]);
      }
    if (index + kNear < order.size())
      if (PoolTree *tree = leafOf(order[index + kNear], bucket)) {
        __builtin_prefetch(tree->local[bucket].steps.data());
        __builtin_prefetch(tree->local[bucket].ranges.data());
        for (unsigned level = 0; level < (hasParent ? 2 : 1); ++level) {
          const Node &v =
              tree->nodes[node(level, bucket >> (level * shape.fanoutLog2))];
          __builtin_prefetch(v.covering.data());
          __builtin_prefetch(v.within.data());
        }
      }
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
    if (!placed && !miss) {
      miss = b;
      missOffsets = lastOffsets;
    }
    if (!placed && pastHints && !lastOffsets.empty() && lastOffsets.back() &&
        checkedEnd(*lastOffsets.back(), buffer.size)) {
      insert(b, problem.candidates(b).back(), *lastOffsets.back());
      placed = true;
    }
    if (!placed || (cutoff && !(cost < *cutoff)) || work >= workLimit)
      return b;
  }
  return std::nullopt;
}

std::vector<unsigned>
GapPlacer::localOrder(llvm::ArrayRef<unsigned> order) const {
  // The windows are the steps of the first-level nodes.
  unsigned shift = shape.bucketStepsLog2 + shape.fanoutLog2;
  size_t numWindows = levelBegin[2] - levelBegin[1];
  auto windowOf = [&](unsigned b) -> std::optional<unsigned> {
    unsigned window = problem.firstStep(b) >> shift;
    if (window != problem.lastStep(b) >> shift)
      return std::nullopt;
    return window;
  };
  // The positions in `order` of the buffers inside each window, ascending
  // (a counting sort by window).
  std::vector<unsigned> begin(numWindows + 1, 0);
  for (unsigned b : order)
    if (std::optional<unsigned> window = windowOf(b))
      ++begin[*window + 1];
  for (size_t w = 0; w < numWindows; ++w)
    begin[w + 1] += begin[w];
  std::vector<unsigned> next(begin.begin(), begin.end() - 1);
  std::vector<unsigned> inside(begin.back());
  for (auto [position, b] : llvm::enumerate(order))
    if (std::optional<unsigned> window = windowOf(b))
      inside[next[*window]++] = position;
  std::copy(begin.begin(), begin.end() - 1, next.begin());

  std::vector<unsigned> result;
  result.reserve(order.size());
  // Emits window w's buffers that come before position `before` in `order`.
  auto flush = [&](size_t w, size_t before) {
    for (unsigned &at = next[w]; at < begin[w + 1] && inside[at] < before; ++at)
      result.push_back(order[inside[at]]);
  };
  // A buffer spanning windows comes after every earlier buffer of the
  // windows it spans, and before every later one.
  for (auto [position, b] : llvm::enumerate(order)) {
    if (windowOf(b))
      continue;
    for (size_t w = problem.firstStep(b) >> shift,
                last = problem.lastStep(b) >> shift;
         w <= last; ++w)
      flush(w, position);
    result.push_back(b);
  }
  for (size_t w = 0; w < numWindows; ++w)
    flush(w, order.size());
  return result;
}

llvm::Expected<Plan> GapPlacer::run(llvm::ArrayRef<unsigned> order,
                                    FitRule rule) {
  constexpr uint64_t kNoLimit = std::numeric_limits<uint64_t>::max();
  constexpr std::nullopt_t kNoCutoff = std::nullopt;
  // A buffer's offset depends only on the placed buffers it conflicts with,
  // so any order keeping every two overlapping buffers in `order`'s order
  // gives the same layout: the one placing window by window reads far less
  // memory. Explicit conflicts could join any two windows. When a buffer
  // fits nowhere, the placement in `order` finds the one to name.
  if (problem.isIntervalOnly() && levelBegin.size() > 2 &&
      !placeAll(localOrder(order), rule, false, kNoCutoff, kNoLimit))
    return currentPlan();
  if (placeAll(order, rule, false, kNoCutoff, kNoLimit))
    return missError();
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

llvm::Error GapPlacer::missError() const {
  if (!miss)
    return llvm::Error::success();
  return makeNoFitError(problem, *miss, missOffsets);
}

std::optional<LayoutCost> GapPlacer::evaluate(llvm::ArrayRef<unsigned> order,
                                              FitRule rule,
                                              std::optional<LayoutCost> cutoff,
                                              uint64_t workLimit) {
  if (placeAll(order, rule, true, cutoff, workLimit))
    return std::nullopt;
  return cost;
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
  // Keys that sort ascending in the wanted order.
  auto larger = [&](unsigned b) { return ~problem.buffers[b].size; };
  auto longer = [&](unsigned b) { return ~duration(span[b]); };
  auto earlier = [&](unsigned b) { return orderedKey(span[b].start); };
  auto laterEnd = [&](unsigned b) { return ~orderedKey(span[b].end); };
  auto by = [&](auto first, auto second) {
    return sortByKeys(problem.buffers.size(), [&](unsigned b) {
      return std::array<uint64_t, 2>{first(b), second(b)};
    });
  };
  auto none = [](unsigned) { return uint64_t(0); };
  switch (order) {
  case IntervalOrder::SizeThenDuration:
    return by(larger, longer);
  case IntervalOrder::SizeThenIndex:
    return by(larger, none);
  case IntervalOrder::SizeThenStart:
    return by(larger, earlier);
  case IntervalOrder::SizeThenLateEnd:
    return by(larger, laterEnd);
  case IntervalOrder::DurationThenSize:
    return by(longer, larger);
  case IntervalOrder::StartThenSize:
    return by(earlier, larger);
  }
  llvm_unreachable("unknown interval order");
}

namespace {
class IntervalHeuristic : public Algorithm {
public:
  IntervalHeuristic(llvm::StringRef name, IntervalOrder order, FitRule rule)
      : name(name.str()), order(order), rule(rule) {}
  llvm::StringRef getName() const override { return name; }
  llvm::Expected<Plan> planFinalized(const Problem &problem,
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
  return sortByKeys(n, [&](unsigned b) {
    uint64_t time = tieBreak == SizeClassTieBreak::EarlyStart
                        ? orderedKey(span[b].start)
                        : ~duration(span[b]);
    return std::array<uint64_t, 3>{~uint64_t(sizeClass[b]), time,
                                   ~problem.buffers[b].size};
  });
}
