//===- Verifier.cpp - Independent check of a plan -------------------------===//
//
// Deliberately self-contained: no use of Problem::neighbours(), the placement
// helpers or anything else the algorithms rely on.
//
//===----------------------------------------------------------------------===//

#include "usmp/Planner/Verifier.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <limits>
#include <map>
#include <tuple>

using namespace usmp::planner;

static llvm::Error fail(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "invalid plan: " + message);
}

static std::string range(uint64_t offset, uint64_t size) {
  return "[" + std::to_string(offset) + ", " + std::to_string(offset + size) +
         ")";
}

static llvm::Error overlapError(const Problem &problem, const Plan &plan,
                                unsigned a, unsigned b, llvm::StringRef why) {
  const Buffer &x = problem.buffers[a], &y = problem.buffers[b];
  const Placement &p = plan.placements[a], &q = plan.placements[b];
  return fail("buffers '" + x.name + "' " + range(p.offset, x.size) + " and '" +
              y.name + "' " + range(q.offset, y.size) + " " + why +
              " and overlap in pool '" + problem.pools[p.pool].name + "'");
}

/// Checks that no two buffers of one pool with overlapping live ranges
/// overlap in memory. Sweeping time with inserts before removals at equal
/// times (ranges are inclusive), the occupied byte ranges of live buffers are
/// kept in a map by offset; they are disjoint as long as no error was found,
/// so a new range only needs checking against its two map neighbours.
static llvm::Error checkIntervalConflicts(const Problem &problem,
                                          const Plan &plan) {
  struct Event {
    int64_t time;
    unsigned kind; // 0 = becomes live, 1 = dies
    unsigned buffer;
  };
  std::vector<Event> events;
  for (auto [index, buffer] : llvm::enumerate(problem.buffers)) {
    if (!buffer.live || buffer.size == 0)
      continue;
    events.push_back({buffer.live->start, 0, static_cast<unsigned>(index)});
    events.push_back({buffer.live->end, 1, static_cast<unsigned>(index)});
  }
  llvm::sort(events, [](const Event &a, const Event &b) {
    return std::tie(a.time, a.kind, a.buffer) <
           std::tie(b.time, b.kind, b.buffer);
  });
  // Per pool: offset -> buffer.
  std::vector<std::map<uint64_t, unsigned>> live(problem.pools.size());
  for (const Event &event : events) {
    const Placement &at = plan.placements[event.buffer];
    std::map<uint64_t, unsigned> &occupied = live[at.pool];
    if (event.kind == 1) {
      occupied.erase(at.offset);
      continue;
    }
    uint64_t end = at.offset + problem.buffers[event.buffer].size;
    auto next = occupied.lower_bound(at.offset);
    if (next != occupied.end() && next->first < end)
      return overlapError(problem, plan, next->second, event.buffer,
                          "are live at the same time");
    if (next != occupied.begin()) {
      auto previous = std::prev(next);
      if (previous->first + problem.buffers[previous->second].size > at.offset)
        return overlapError(problem, plan, previous->second, event.buffer,
                            "are live at the same time");
    }
    occupied.emplace_hint(next, at.offset, event.buffer);
  }
  return llvm::Error::success();
}

llvm::Error usmp::planner::verifyPlan(const Problem &problem,
                                      const Plan &plan) {
  size_t numBuffers = problem.buffers.size();
  size_t numPools = problem.pools.size();
  if (plan.placements.size() != numBuffers)
    return fail("it has " + llvm::Twine(plan.placements.size()) +
                " placements for " + llvm::Twine(numBuffers) + " buffers");
  if (plan.poolSizes.size() != numPools)
    return fail("it has " + llvm::Twine(plan.poolSizes.size()) +
                " pool sizes for " + llvm::Twine(numPools) + " pools");

  std::vector<uint64_t> highest(numPools, 0);
  for (auto [index, buffer] : llvm::enumerate(problem.buffers)) {
    const Placement &at = plan.placements[index];
    if (at.pool >= numPools)
      return fail("buffer '" + buffer.name + "' is in pool #" +
                  llvm::Twine(at.pool) + ", which does not exist");
    const Pool &pool = problem.pools[at.pool];
    if (!buffer.pools.empty() && !llvm::is_contained(buffer.pools, at.pool))
      return fail("buffer '" + buffer.name + "' is in pool '" + pool.name +
                  "', which is not one of its candidates");
    if (!llvm::isPowerOf2_64(buffer.alignment) ||
        !llvm::isPowerOf2_64(pool.alignment))
      return fail("buffer '" + buffer.name + "' or pool '" + pool.name +
                  "' has an alignment that is not a power of two");
    if (at.offset % buffer.alignment != 0)
      return fail("buffer '" + buffer.name + "' is at offset " +
                  llvm::Twine(at.offset) +
                  ", not a multiple of its alignment " +
                  llvm::Twine(buffer.alignment));
    if (at.offset % pool.alignment != 0)
      return fail("buffer '" + buffer.name + "' is at offset " +
                  llvm::Twine(at.offset) + ", not a multiple of pool '" +
                  pool.name + "' alignment " + llvm::Twine(pool.alignment));
    if (at.offset > std::numeric_limits<uint64_t>::max() - buffer.size)
      return fail("buffer '" + buffer.name + "' at offset " +
                  llvm::Twine(at.offset) + " with size " +
                  llvm::Twine(buffer.size) + " overflows 64 bits");
    highest[at.pool] = std::max(highest[at.pool], at.offset + buffer.size);
  }
  for (auto [index, pool] : llvm::enumerate(problem.pools)) {
    if (plan.poolSizes[index] != highest[index])
      return fail("pool '" + pool.name + "' has size " +
                  llvm::Twine(plan.poolSizes[index]) +
                  " but its buffers end at " + llvm::Twine(highest[index]));
    if (pool.sizeHint && highest[index] > *pool.sizeHint)
      return fail("pool '" + pool.name + "' needs " +
                  llvm::Twine(highest[index]) + " bytes, above its size hint " +
                  llvm::Twine(*pool.sizeHint));
  }

  // Explicit conflicts, whichever side lists them.
  for (auto [index, buffer] : llvm::enumerate(problem.buffers)) {
    const Placement &at = plan.placements[index];
    for (unsigned other : buffer.conflicts) {
      if (other >= numBuffers)
        return fail("buffer '" + buffer.name + "' conflicts with buffer #" +
                    llvm::Twine(other) + ", which does not exist");
      if (other == index)
        continue;
      const Placement &there = plan.placements[other];
      uint64_t otherSize = problem.buffers[other].size;
      if (at.pool == there.pool && buffer.size != 0 && otherSize != 0 &&
          at.offset < there.offset + otherSize &&
          there.offset < at.offset + buffer.size)
        return overlapError(problem, plan, static_cast<unsigned>(index), other,
                            "conflict");
    }
  }
  return checkIntervalConflicts(problem, plan);
}
