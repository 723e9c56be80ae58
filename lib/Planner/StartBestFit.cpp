//===- StartBestFit.cpp - Start-ordered best-fit --------------------------===//
//
// On interval-only problems the placement is a replay of the program: a sweep
// over start times that frees buffers once they are dead and keeps each
// pool's free gaps ordered by size, O(n log n). Other problems (explicit
// conflicts) go through the general gap engine, which gives the same layout
// on interval-only problems (tested).
//
//===----------------------------------------------------------------------===//

#include "usmp/Planner/StartBestFit.h"
#include "usmp/Planner/FirstFit.h"
#include "usmp/Planner/IntervalGaps.h"

#include <map>
#include <queue>
#include <set>

using namespace usmp::planner;

namespace {

/// The free space of one pool at the current time: everything from `top` up,
/// plus the gaps below it, indexed by address and by (size, address).
class FreeSpace {
public:
  /// Where best fit puts `size` bytes at `alignment` (the end may pass 2^64:
  /// the caller checks it), or nullopt when aligning the top overflows.
  std::optional<uint64_t> find(uint64_t size, uint64_t alignment) const {
    for (auto it = bySize.lower_bound({size, 0}); it != bySize.end(); ++it) {
      auto [gap, begin] = *it;
      std::optional<uint64_t> aligned = alignUp(begin, alignment);
      if (aligned && *aligned - begin <= gap - size)
        return aligned;
    }
    return alignUp(top, alignment);
  }

  /// Takes [offset, offset + size), which `find` returned.
  void take(uint64_t offset, uint64_t size) {
    uint64_t end = offset + size;
    if (offset >= top) {
      if (offset > top)
        addGap(top, offset);
      top = end;
      return;
    }
    auto it = std::prev(byBegin.upper_bound(offset));
    auto [begin, gapEnd] = *it;
    removeGap(it);
    if (begin < offset)
      addGap(begin, offset);
    if (end < gapEnd)
      addGap(end, gapEnd);
  }

  /// Gives back [offset, offset + size), merging it with adjacent gaps.
  void release(uint64_t offset, uint64_t size) {
    uint64_t begin = offset, end = offset + size;
    auto next = byBegin.find(end);
    if (next != byBegin.end()) {
      end = next->second;
      removeGap(next);
    }
    auto after = byBegin.lower_bound(begin);
    if (after != byBegin.begin()) {
      auto previous = std::prev(after);
      if (previous->second == begin) {
        begin = previous->first;
        removeGap(previous);
      }
    }
    if (end == top)
      top = begin;
    else
      addGap(begin, end);
  }

private:
  void addGap(uint64_t begin, uint64_t end) {
    byBegin.emplace(begin, end);
    bySize.emplace(end - begin, begin);
  }
  void removeGap(std::map<uint64_t, uint64_t>::iterator it) {
    bySize.erase({it->second - it->first, it->first});
    byBegin.erase(it);
  }

  uint64_t top = 0;
  std::map<uint64_t, uint64_t> byBegin;
  std::set<std::pair<uint64_t, uint64_t>> bySize;
};

llvm::Expected<Plan> sweep(const Problem &problem) {
  std::vector<unsigned> order =
      intervalOrder(problem, IntervalOrder::StartThenSize);
  std::vector<FreeSpace> pools(problem.pools.size());
  Plan plan;
  plan.placements.resize(problem.buffers.size());
  plan.poolSizes.assign(problem.pools.size(), 0);
  // Placed buffers by end time, to free them once they are dead.
  using Live = std::pair<int64_t, unsigned>;
  std::priority_queue<Live, std::vector<Live>, std::greater<Live>> live;
  std::vector<std::optional<uint64_t>> offsets;
  for (unsigned b : order) {
    const Buffer &buffer = problem.buffers[b];
    while (!live.empty() && live.top().first < buffer.live->start) {
      unsigned dead = live.top().second;
      live.pop();
      pools[plan.placements[dead].pool].release(plan.placements[dead].offset,
                                                problem.buffers[dead].size);
    }
    offsets.clear();
    bool placed = false;
    for (unsigned pool : problem.candidates(b)) {
      std::optional<uint64_t> offset =
          buffer.size == 0
              ? std::optional<uint64_t>(0)
              : pools[pool].find(buffer.size,
                                 placementAlignment(problem, b, pool));
      offsets.push_back(offset);
      if (!offset || !fitsInPool(problem, b, pool, *offset))
        continue;
      plan.placements[b] = {pool, *offset};
      plan.poolSizes[pool] =
          std::max(plan.poolSizes[pool], *offset + buffer.size);
      // Empty buffers take no room.
      if (buffer.size != 0) {
        pools[pool].take(*offset, buffer.size);
        live.push({buffer.live->end, b});
      }
      placed = true;
      break;
    }
    if (!placed)
      return makeNoFitError(problem, b, offsets);
  }
  return plan;
}

class StartBestFit : public Algorithm {
public:
  llvm::StringRef getName() const override { return "start-best-fit"; }
  llvm::Expected<Plan> planFinalized(const Problem &problem,
                                     const PlanOptions &) const override {
    llvm::Expected<Plan> plan = planStartBestFit(problem);
    if (plan)
      plan->algorithm = "start-best-fit";
    return plan;
  }
};

} // namespace

llvm::Expected<Plan> usmp::planner::planStartBestFit(const Problem &problem) {
  if (problem.isIntervalOnly())
    return sweep(problem);
  GapPlacer placer(problem);
  return placer.run(intervalOrder(problem, IntervalOrder::StartThenSize),
                    FitRule::BestFit);
}

std::unique_ptr<Algorithm> usmp::planner::createStartBestFit() {
  return std::make_unique<StartBestFit>();
}
