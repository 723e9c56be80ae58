//===- LowerBound.cpp - Lower bounds on planned pool sizes ----------------===//

#include "usmp/Planner/LowerBound.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <limits>

using namespace usmp::planner;

namespace {
// 128-bit sums cannot overflow for up to 2^64 buffers.
__extension__ typedef unsigned __int128 Wide;

uint64_t saturate(Wide value) {
  constexpr uint64_t max = std::numeric_limits<uint64_t>::max();
  return value > max ? max : static_cast<uint64_t>(value);
}

/// `alignment` is a power of two.
Wide roundUp(uint64_t size, uint64_t alignment) {
  Wide mask = alignment - 1;
  return (static_cast<Wide>(size) + mask) & ~mask;
}

/// A group of buffers known to share one pool, or (`alignment` 1) the whole
/// problem, where only raw sizes count.
struct Group {
  std::vector<unsigned> members;
  /// Every offset of every member is a multiple of this.
  uint64_t alignment = 1;
};

/// The bound for a set of buffers stacked in one pool: aligned sizes, minus
/// the largest alignment slack, which the topmost buffer does not pay.
class StackWeight {
public:
  StackWeight(const Problem &problem, const Group &group)
      : problem(problem), alignment(group.alignment) {
    for (unsigned b : group.members)
      maxSlack = std::max(maxSlack, padded(b) - problem.buffers[b].size);
  }
  Wide padded(unsigned b) const {
    return roundUp(problem.buffers[b].size, alignment);
  }
  Wide finish(Wide paddedSum) const {
    return paddedSum > maxSlack ? paddedSum - maxSlack : 0;
  }

private:
  const Problem &problem;
  uint64_t alignment;
  Wide maxSlack = 0;
};
} // namespace

/// Largest padded size live at once among the group's interval buffers: the
/// sizes added at each buffer's first time step and removed after its last,
/// summed step by step (no sort: the problem has its steps already).
static Wide intervalBound(const Problem &problem, const Group &group) {
  StackWeight weight(problem, group);
  // Unsigned sums wrap on the way down but never end below zero.
  std::vector<Wide> change(problem.getNumSteps() + 1, 0);
  for (unsigned b : group.members) {
    const Buffer &buffer = problem.buffers[b];
    if (!buffer.live || buffer.size == 0)
      continue;
    change[problem.firstStep(b)] += weight.padded(b);
    change[problem.lastStep(b) + 1] -= weight.padded(b);
  }
  Wide live = 0, best = 0;
  for (Wide step : change) {
    live += step;
    best = std::max(best, live);
  }
  return weight.finish(best);
}

/// Heaviest of the cliques grown greedily (heaviest compatible neighbour
/// first) from the group's heaviest buffers. A candidate joins when it
/// conflicts with every member so far: in time with the interval members
/// when it overlaps them all (it starts before the first of their ends and
/// ends after the last of their starts), else through explicit conflicts,
/// which joining members count on their explicit neighbours. No conflict
/// graph is built: with thousands of buffers live at once it has millions
/// of edges, all of which the interval sweep already bounds. Starts stop
/// once about 2^26 candidates and neighbours have been looked at (any
/// clique bounds the pool, so fewer starts only weaken the bound).
static Wide cliqueBound(const Problem &problem, const Group &group) {
  constexpr size_t maxStarts = 1024;
  constexpr uint64_t maxVisits = uint64_t(1) << 26;
  StackWeight weight(problem, group);
  std::vector<unsigned> byWeight = group.members;
  llvm::sort(byWeight, [&](unsigned a, unsigned b) {
    return std::make_pair(problem.buffers[b].size, a) <
           std::make_pair(problem.buffers[a].size, b);
  });
  Wide best = 0;
  uint64_t visits = 0;
  // Per buffer, for the start `stamp` names: how many members after the
  // start list it as an explicit conflict, and how many of those have no
  // interval.
  size_t n = problem.buffers.size();
  std::vector<unsigned> stamp(n, ~0u), hits(n), hitsWithout(n);
  std::vector<unsigned> members;
  for (auto [index, start] :
       llvm::enumerate(llvm::ArrayRef(byWeight).take_front(maxStarts))) {
    if (visits >= maxVisits)
      break;
    Wide sum = weight.padded(start);
    // The members after the start, those without an interval, and the
    // latest start and earliest end of the others.
    members.clear();
    unsigned without = 0;
    int64_t lastStart = std::numeric_limits<int64_t>::min();
    int64_t firstEnd = std::numeric_limits<int64_t>::max();
    for (unsigned c : byWeight) {
      if (c == start)
        continue;
      ++visits;
      if (!problem.conflict(start, c))
        continue;
      unsigned cHits = stamp[c] == index ? hits[c] : 0;
      unsigned cHitsWithout = stamp[c] == index ? hitsWithout[c] : 0;
      const std::optional<Interval> &live = problem.buffers[c].live;
      bool compatible;
      if (!live)
        compatible = cHits == members.size();
      else if (live->start <= firstEnd && live->end >= lastStart)
        compatible = cHitsWithout == without;
      else if (problem.explicitConflicts(c).empty())
        compatible = false;
      else {
        compatible = llvm::all_of(members, [&](unsigned member) {
          return problem.conflict(member, c);
        });
        visits += members.size();
      }
      if (!compatible)
        continue;
      members.push_back(c);
      sum += weight.padded(c);
      if (live) {
        lastStart = std::max(lastStart, live->start);
        firstEnd = std::min(firstEnd, live->end);
      } else {
        ++without;
      }
      for (unsigned other : problem.explicitConflicts(c)) {
        if (stamp[other] != index) {
          stamp[other] = index;
          hits[other] = hitsWithout[other] = 0;
        }
        ++hits[other];
        hitsWithout[other] += !live;
      }
      visits += problem.explicitConflicts(c).size();
    }
    best = std::max(best, weight.finish(sum));
  }
  return best;
}

static Wide groupBound(const Problem &problem, const Group &group) {
  Wide bound = intervalBound(problem, group);
  if (!problem.isIntervalOnly())
    bound = std::max(bound, cliqueBound(problem, group));
  for (unsigned b : group.members)
    bound = std::max<Wide>(bound, problem.buffers[b].size);
  return bound;
}

LowerBounds usmp::planner::computeLowerBounds(const Problem &problem) {
  // The sweep needs the time steps finalize() computes.
  if (!problem.isFinalized()) {
    Problem copy = problem;
    if (llvm::Error error = copy.finalize()) {
      llvm::consumeError(std::move(error));
      LowerBounds none;
      none.perPool.assign(problem.pools.size(), 0);
      return none;
    }
    return computeLowerBounds(copy);
  }
  LowerBounds bounds;
  size_t numPools = problem.pools.size();
  std::vector<Group> groups(numPools);
  for (auto [index, buffer] : llvm::enumerate(problem.buffers))
    if (buffer.pools.size() == 1)
      groups[buffer.pools.front()].members.push_back(index);
  Wide sum = 0;
  for (auto [pool, group] : llvm::enumerate(groups)) {
    uint64_t smallest = std::numeric_limits<uint64_t>::max();
    for (unsigned b : group.members)
      smallest = std::min(smallest, problem.buffers[b].alignment);
    group.alignment = std::max(problem.pools[pool].alignment,
                               group.members.empty() ? 1 : smallest);
    Wide bound = groupBound(problem, group);
    bounds.perPool.push_back(saturate(bound));
    sum += bound;
  }
  // When every buffer has a single candidate, the per-pool bounds already
  // cover every buffer with at least the unaligned weights.
  if (llvm::all_of(problem.buffers, [](const Buffer &buffer) {
        return buffer.pools.size() == 1;
      })) {
    bounds.total = saturate(sum);
    return bounds;
  }
  Group all;
  all.members.resize(problem.buffers.size());
  for (unsigned b = 0; b < all.members.size(); ++b)
    all.members[b] = b;
  bounds.total = saturate(std::max(sum, groupBound(problem, all)));
  return bounds;
}

uint64_t usmp::planner::totalSize(const Plan &plan) {
  Wide sum = 0;
  for (uint64_t size : plan.poolSizes)
    sum += size;
  return saturate(sum);
}

bool usmp::planner::reachesLowerBound(uint64_t total, uint64_t bound) {
  return total <= bound && total != std::numeric_limits<uint64_t>::max();
}

double usmp::planner::gapPercent(uint64_t planned, uint64_t bound) {
  if (bound == 0)
    return planned == 0 ? 0.0 : 100.0;
  return (static_cast<double>(planned) - static_cast<double>(bound)) * 100.0 /
         static_cast<double>(bound);
}
