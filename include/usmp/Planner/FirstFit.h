//===- FirstFit.h - Order-driven placement shared by algorithms -*- C++ -*-===//
//
// Most planning algorithms decide an order and then place buffers one by one:
// each goes to its first candidate pool where it stays within the size hint,
// at an offset chosen among the already placed conflicting buffers. This
// header provides that placement, the pool-fallback rule and the failure
// message, so every algorithm reports a buffer that fits nowhere the same way.
//
//===----------------------------------------------------------------------===//

#ifndef USMP_PLANNER_FIRSTFIT_H
#define USMP_PLANNER_FIRSTFIT_H

#include "usmp/Planner/Problem.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <algorithm>
#include <cstdint>
#include <optional>

namespace usmp::planner {

/// Rounds `value` up to a multiple of the power of two `alignment`, or
/// nullopt when the result does not fit in 64 bits.
std::optional<uint64_t> alignUp(uint64_t value, uint64_t alignment);

/// `offset + size`, or nullopt when it does not fit in 64 bits.
std::optional<uint64_t> checkedEnd(uint64_t offset, uint64_t size);

/// The alignment of buffer `b`'s offset in pool `p`: the larger of the
/// buffer's and the pool's (both powers of two).
uint64_t placementAlignment(const Problem &problem, unsigned b, unsigned p);

/// Whether buffer `b` fits at `offset` in pool `p`: the end does not
/// overflow and does not exceed the pool's size hint.
bool fitsInPool(const Problem &problem, unsigned b, unsigned p,
                uint64_t offset);

/// Finds the active buffers whose live ranges overlap a given range in
/// O((k + 1) log n) for k results, without a conflict graph: buffers sorted by
/// start, under a segment tree of the largest end of active buffers. Only
/// buffers with live ranges take part.
class IntervalIndex {
public:
  explicit IntervalIndex(const Problem &problem);
  /// Makes buffer `b` (which has a live range) visible to queries.
  void activate(unsigned b);
  /// Makes every buffer with a live range visible to queries.
  void activateAll();
  /// Calls `fn(b)` for every active buffer overlapping `range`, in start
  /// order.
  template <typename Fn> void forEachOverlapping(Interval range, Fn fn) const {
    size_t count = std::upper_bound(starts.begin(), starts.end(), range.end) -
                   starts.begin();
    visit(1, 0, width, count, range.start, fn);
  }

private:
  template <typename Fn>
  void visit(size_t node, size_t low, size_t high, size_t count, int64_t from,
             Fn &fn) const {
    if (low >= count || maxEnd[node] < from)
      return;
    if (high - low == 1) {
      fn(byStart[low]);
      return;
    }
    size_t middle = (low + high) / 2;
    visit(2 * node, low, middle, count, from, fn);
    visit(2 * node + 1, middle, high, count, from, fn);
  }

  const Problem &problem;
  std::vector<unsigned> byStart;
  std::vector<int64_t> starts;
  std::vector<size_t> rank;
  size_t width = 1;
  std::vector<int64_t> maxEnd;
};

/// How an order-driven placement picks a buffer's offset in a pool from the
/// already placed conflicting buffers there.
enum class OffsetRule {
  /// Right above the highest placed conflicting buffer (TVM's greedy rule);
  /// never reuses a hole below it.
  AboveConflicts,
  /// The lowest aligned offset where the buffer overlaps no placed conflicting
  /// buffer (first fit, TVM's hill-climb and TFLite's greedy rule).
  LowestGap,
};

/// The error for buffer `b` fitting in no candidate pool. `lowestOffsets[i]`
/// is the lowest offset the buffer could take in its i-th candidate pool
/// (nullopt when the address computation overflowed); the message names the
/// buffer, its size and how many bytes each candidate pool had left there.
llvm::Error
makeNoFitError(const Problem &problem, unsigned b,
               llvm::ArrayRef<std::optional<uint64_t>> lowestOffsets);

/// Places the buffers of a finalized problem one at a time in `order` (a
/// permutation of all buffer indices): each goes to its first candidate pool
/// where it stays within the size hint, falling back to the next candidate
/// only when the hint would be exceeded, at the offset `rule` picks. Uses the
/// conflict graph (`Problem::neighbours`), so it costs O(n + edges log deg).
/// Interval-only problems whose graph is not built never build it:
/// `AboveConflicts` keeps a skyline per pool (O(n log n) time, O(n) memory)
/// and `LowestGap` finds placed neighbours with an `IntervalIndex`
/// (O(edges log n) time, O(n) memory); the results are the same.
/// Fails with `makeNoFitError` when a buffer fits nowhere.
llvm::Expected<Plan> placeInOrder(const Problem &problem,
                                  llvm::ArrayRef<unsigned> order,
                                  OffsetRule rule, llvm::StringRef algorithm);

} // namespace usmp::planner

#endif // USMP_PLANNER_FIRSTFIT_H
