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

#include <cstdint>
#include <optional>
#include <string>
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

/// A planning problem. Build it, then call `finalize()` before planning: it
/// checks the input and derives the symmetric conflict graph.
class Problem {
public:
  std::vector<Pool> pools;
  std::vector<Buffer> buffers;

  /// Checks indices, alignments (powers of two) and names, makes candidate
  /// lists explicit, and builds the adjacency lists. Idempotent.
  llvm::Error finalize();

  /// Buffers conflicting with buffer `b`, sorted and unique. Valid after
  /// `finalize()`.
  llvm::ArrayRef<unsigned> neighbours(unsigned b) const {
    return adjacency[b];
  }
  /// Candidate pools of buffer `b` in preference order, after `finalize()`.
  llvm::ArrayRef<unsigned> candidates(unsigned b) const {
    return buffers[b].pools;
  }
  bool isFinalized() const { return finalized; }

private:
  std::vector<std::vector<unsigned>> adjacency;
  bool finalized = false;
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

} // namespace usmp::planner

#endif // USMP_PLANNER_PROBLEM_H
