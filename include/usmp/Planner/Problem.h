//===- Problem.h - Static memory planning problem ---------------*- C++ -*-===//
//
// The input of the planner core: pools in preference order and buffers with
// sizes, alignments, candidate pools and either a live interval or an explicit
// conflict list. Nothing here depends on MLIR IR, only on LLVM Support.
//
//===----------------------------------------------------------------------===//

#ifndef USMP_PLANNER_PROBLEM_H
#define USMP_PLANNER_PROBLEM_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace usmp::planner {

/// A memory area buffers are placed into.
struct Pool {
  std::string name;
  /// Capacity in bytes; no capacity when unset.
  std::optional<uint64_t> sizeHint;
  /// Every offset in the pool is a multiple of this power of two.
  uint64_t alignment = 1;
};

/// A closed interval of abstract time steps, [start, end].
struct Interval {
  int64_t start = 0;
  int64_t end = 0;
  bool overlaps(const Interval &other) const {
    return start <= other.end && other.start <= end;
  }
};

/// A buffer to place.
struct Buffer {
  std::string name;
  uint64_t size = 0;
  /// The buffer's offset is a multiple of this power of two.
  uint64_t alignment = 1;
  /// Candidate pool indices in preference order; empty means every pool in
  /// the problem's order.
  std::vector<unsigned> pools;
  /// Live range; buffers that both have one conflict when they overlap.
  std::optional<Interval> live;
  /// Explicitly conflicting buffer indices (symmetric whichever side lists
  /// the pair), for conflict graphs no interval model captures.
  std::vector<unsigned> conflicts;
};

/// Adjacency lists in compressed form: the neighbours of node `i` are
/// `targets[offsets[i] .. offsets[i + 1])`.
struct CompressedGraph {
  std::vector<uint64_t> offsets;
  std::vector<unsigned> targets;
  llvm::ArrayRef<unsigned> row(unsigned i) const {
    if (offsets.empty())
      return {};
    return llvm::ArrayRef<unsigned>(targets).slice(offsets[i],
                                                   offsets[i + 1] - offsets[i]);
  }
};

/// A planning problem. Build it, then call `finalize()` before planning: it
/// checks the input and makes candidate lists and explicit conflicts
/// symmetric and explicit in O(n log n + explicit conflicts). The full
/// conflict graph (interval overlaps included), whose size can be quadratic,
/// is only built when first asked for by `neighbours()` or
/// `buildConflictGraph()`; algorithms that work on intervals directly never
/// pay for it.
class Problem {
public:
  std::vector<Pool> pools;
  std::vector<Buffer> buffers;

  Problem() = default;
  Problem(const Problem &other);
  Problem(Problem &&other) noexcept;
  Problem &operator=(const Problem &other);
  Problem &operator=(Problem &&other) noexcept;

  /// Checks indices, alignments (powers of two), live ranges and names, makes
  /// candidate lists explicit and explicit conflicts symmetric. Call it
  /// again after changing `pools` or `buffers`: it checks everything anew
  /// (a buffer whose candidates it filled in keeps them).
  llvm::Error finalize();
  /// Whether `finalize()` succeeded on the pools and buffers there are (a
  /// pool or buffer added since makes it false; other edits need another
  /// `finalize()`, which nothing can tell).
  bool isFinalized() const {
    return finalized && steps.size() == buffers.size() &&
           numPools == pools.size();
  }

  /// Candidate pools of buffer `b` in preference order, after `finalize()`.
  llvm::ArrayRef<unsigned> candidates(unsigned b) const {
    return buffers[b].pools;
  }

  /// True when some buffer lists explicit conflicts (after `finalize()`).
  bool hasExplicitConflicts() const { return !explicitGraph.offsets.empty(); }
  /// True when every buffer has a live range and no explicit conflicts, so
  /// interval algorithms (sweeps) see the whole conflict relation.
  bool isIntervalOnly() const { return intervalOnly; }
  /// Explicit conflicts of buffer `b` from either side, sorted and unique,
  /// without interval overlaps. Valid after `finalize()`.
  llvm::ArrayRef<unsigned> explicitConflicts(unsigned b) const {
    return explicitGraph.row(b);
  }
  /// Whether buffers `a` and `b` (distinct) conflict: overlapping live ranges
  /// or an explicit conflict. O(log degree). Valid after `finalize()`.
  bool conflict(unsigned a, unsigned b) const;

  /// Time steps: the distinct start times of live ranges, ascending. Two live
  /// ranges overlap exactly when they share a step (one contains the other's
  /// start), so interval algorithms work on steps [firstStep(b),
  /// lastStep(b)] of buffer `b`'s live range instead of times. Computed by
  /// `finalize()` in O(n log n); meaningless for buffers without a live range.
  unsigned getNumSteps() const { return numSteps; }
  unsigned firstStep(unsigned b) const { return steps[b].first; }
  unsigned lastStep(unsigned b) const { return steps[b].second; }
  /// Hints the cache that buffer `b`'s steps are read soon.
  void prefetchSteps(unsigned b) const { __builtin_prefetch(&steps[b]); }

  /// The number of buffers each buffer conflicts with. For interval-only
  /// problems it is counted over the time steps in O(n) without building the
  /// conflict graph; otherwise it builds the graph.
  std::vector<unsigned> conflictDegrees() const;

  /// Builds the full conflict graph now if it is not built yet. Thread-safe;
  /// the cost is O(n log n + edges) time and O(n + edges) memory.
  void buildConflictGraph() const;
  /// Whether the full conflict graph has been built.
  bool hasConflictGraph() const {
    return graphBuilt.load(std::memory_order_acquire);
  }
  /// Buffers conflicting with buffer `b` (interval overlaps and explicit
  /// conflicts), sorted and unique. Valid after `finalize()`; builds the
  /// conflict graph on first use.
  llvm::ArrayRef<unsigned> neighbours(unsigned b) const {
    if (!graphBuilt.load(std::memory_order_acquire))
      buildConflictGraph();
    return fullGraph.row(b);
  }

private:
  void computeSteps();

  CompressedGraph explicitGraph;
  std::vector<std::pair<unsigned, unsigned>> steps;
  unsigned numSteps = 0;
  bool intervalOnly = false;
  bool finalized = false;
  /// The number of pools `finalize()` checked.
  size_t numPools = 0;
  // The lazily built full graph; the mutex only guards its construction.
  mutable CompressedGraph fullGraph;
  mutable std::atomic<bool> graphBuilt{false};
  mutable std::unique_ptr<std::mutex> graphMutex =
      std::make_unique<std::mutex>();
};

/// Where one buffer went.
struct Placement {
  unsigned pool = 0;
  uint64_t offset = 0;
};

/// The planner's answer.
struct Plan {
  /// One per buffer, in the problem's buffer order.
  std::vector<Placement> placements;
  /// Planned size of every pool, in the problem's pool order: the largest
  /// `offset + size` of a buffer in it (0 when empty).
  std::vector<uint64_t> poolSizes;
  /// The algorithm that produced the plan.
  std::string algorithm;
  /// True when the algorithm proved the plan optimal.
  bool provenOptimal = false;
};

/// The earliest name that repeats an earlier one, as (index of that name's
/// first occurrence, index of the repeat); none when all names differ.
/// Sorts hashes instead of filling a hash map, which at a million names
/// misses the cache on every lookup. Fewer than 2^32 names.
std::optional<std::pair<size_t, size_t>>
findRepeatedName(llvm::ArrayRef<llvm::StringRef> names);

} // namespace usmp::planner

#endif // USMP_PLANNER_PROBLEM_H
