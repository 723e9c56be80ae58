//===- IntervalGaps.h - Gap placement over live intervals -------*- C++ -*-===//
//
// The engine behind the interval heuristics (best-fit, first-fit-by-size,
// start-best-fit, ...): buffers are placed one at a time, in an order the
// heuristic chooses, into a free gap among the already placed buffers they
// conflict with. Placed interval buffers are kept per pool in buckets of time
// steps under a wide segment tree whose nodes hold merged byte ranges, so a
// buffer only walks the occupied ranges around its live range, never an
// adjacency list; explicit conflict lists are honoured too. See
// docs/Planner.md.
//
//===----------------------------------------------------------------------===//

#ifndef USMP_PLANNER_INTERVALGAPS_H
#define USMP_PLANNER_INTERVALGAPS_H

#include "usmp/Planner/Algorithm.h"
#include "usmp/Planner/Problem.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace usmp::planner {

/// How a buffer chooses among the free gaps of a pool.
enum class FitRule {
  /// The smallest gap the buffer fits in (lowest offset on ties), else the
  /// top: XLA's heap simulator.
  BestFit,
  /// The lowest offset the buffer fits at: TFLite Micro, TVM.
  FirstFit,
};

/// A half-open byte range [begin, end).
struct GapRange {
  uint64_t begin;
  uint64_t end;
};

/// How the placement engine indexes time: steps are grouped into buckets of
/// 2^bucketStepsLog2 steps (at most 64), and a tree of fan-out 2^fanoutLog2
/// spans the buckets. Layouts never depend on it, only speed and the work
/// count do (tests use small shapes to reach every level of the tree with
/// small problems).
struct GapPlacerShape {
  unsigned bucketStepsLog2 = 5;
  unsigned fanoutLog2 = 4;
};

/// What an order's layout costs: the bytes its pools take beyond their size
/// hints, then the sum of the pool sizes, compared in that order. A layout
/// with overflow is no plan, but tells a search how far it is from one.
struct LayoutCost {
  uint64_t overflow = 0;
  uint64_t total = 0;
  bool operator<(const LayoutCost &other) const {
    return overflow != other.overflow ? overflow < other.overflow
                                      : total < other.total;
  }
};

/// Places buffers into gaps. Construction indexes the problem once; `run` can
/// then be called many times with different orders (the portfolio does).
class GapPlacer {
public:
  /// `problem` must be finalized and outlive the placer; `shape` is brought
  /// within bucketStepsLog2 <= 6 and 1 <= fanoutLog2 <= 16.
  explicit GapPlacer(const Problem &problem, GapPlacerShape shape = {});

  /// Places every buffer, in `order` (a permutation of the buffer indices),
  /// each into the first candidate pool where `rule` finds an offset within
  /// the pool's size hint. Fails naming the buffer that fits nowhere.
  /// (Interval-only problems are placed in an order with the same layout
  /// that reads less memory; see localOrder.)
  llvm::Expected<Plan> run(llvm::ArrayRef<unsigned> order, FitRule rule);

  /// Like `run`, but only returns the layout's cost, and a buffer that fits
  /// within no candidate's size hint goes to its last candidate anyway, past
  /// the hint (so a search can start where every order fails). Returns
  /// nullopt when the cost reaches `cutoff` (it only grows, so the placement
  /// stops there), `getWork()` reaches `workLimit` or a buffer's end would
  /// pass 2^64 even there; used to score orders.
  std::optional<LayoutCost>
  evaluate(llvm::ArrayRef<unsigned> order, FitRule rule,
           std::optional<LayoutCost> cutoff = std::nullopt,
           uint64_t workLimit = UINT64_MAX);

  /// The layout of the last `evaluate` that placed every buffer (past the
  /// hints when its overflow is not 0).
  Plan currentPlan() const;

  /// The error `run` gives for the order of the last `evaluate`, when that
  /// met a buffer fitting within no candidate's size hint: `run` places the
  /// same buffers the same way up to it, then fails there. Success when
  /// every buffer it placed fitted.
  llvm::Error missError() const;

  /// Work done so far by this placer (buffers placed, tree nodes and ranges
  /// visited, explicit conflict lists sorted), a deterministic measure of
  /// time for budgets.
  uint64_t getWork() const { return work; }

private:
  /// Sorted, disjoint, non-touching ranges: the union of some buffers.
  using RangeSet = std::vector<GapRange>;
  struct Cursor {
    const GapRange *next;
    const GapRange *end;
  };
  /// The buffers covering only part of a bucket, sorted by offset: each as
  /// the mask of the bucket's steps it covers and its byte range.
  struct LocalList {
    std::vector<uint64_t> steps;
    std::vector<GapRange> ranges;
  };
  /// Per pool: buffers covering only part of a bucket sit in that bucket's
  /// `local` list, and the whole buckets a buffer covers decompose into tree
  /// nodes. Node v's `covering` holds the buffers whose whole buckets
  /// decompose into v, its `within` those intersecting v's buckets otherwise
  /// stored at v or below it (so a query covering v needs only `within[v]`,
  /// and one inside v needs `covering` of v's ancestors). `within` is kept
  /// only from the first query that needs it (`hasWithin`): the nodes near
  /// the root cover more steps than most live ranges, so most are never
  /// asked for, yet every placement would update them.
  struct Node {
    RangeSet covering, within;
    bool hasWithin = false;
    /// When `covering` last changed, on the tree's clock.
    uint64_t changedAt = 0;
  };
  /// The union of `covering` of a node above the buckets and its
  /// ancestors: every buffer covering the node's buckets from above. Most
  /// placements lie within one level-1 node and the union changes only with
  /// long-lived buffers, so best fit keeps it merged, with its gaps indexed
  /// by size (for level-1 nodes); each node's union is its parent's plus
  /// its own `covering`.
  struct UpperUnion {
    RangeSet ranges;
    uint64_t builtAt = 0;
    /// When a level-1 node's union and its ancestors' were last found up
    /// to date, on the tree's clock.
    uint64_t checkedAt = 0;
    /// Its gaps (gap i ends where range i begins) by size, then address,
    /// built on the first best-fit query after the union changed.
    struct Gap {
      uint64_t size, begin;
      unsigned index;
    };
    std::vector<Gap> gapsBySize;
    bool indexed = false;
  };
  struct PoolTree {
    std::vector<Node> nodes;
    std::vector<LocalList> local;
    std::vector<UpperUnion> upper;
    std::vector<unsigned> dirtyNodes, dirtyBuckets, dirtyUpper;
    /// Per bucket, the number of buffers preferring this pool that cover
    /// part of it (empty when no buffer prefers the pool).
    std::vector<unsigned> expectedLocal;
    uint64_t clock = 0;
    /// When a `covering` above the buckets last changed: the upper unions
    /// checked since are all up to date.
    uint64_t upperChangedAt = 0;
  };

  /// Places buffers in `order`, keeping the first that fits within no hint
  /// in `miss`. With `pastHints`, such a buffer goes to its last candidate.
  /// Returns the buffer where it stopped: one that fits nowhere, or where
  /// the cost reached `cutoff` or the work `workLimit`.
  std::optional<unsigned> placeAll(llvm::ArrayRef<unsigned> order, FitRule rule,
                                   bool pastHints,
                                   std::optional<LayoutCost> cutoff,
                                   uint64_t workLimit);
  /// The cost once `pool` ends at `end` or above.
  LayoutCost costWith(unsigned pool, uint64_t end) const;
  /// Offset of buffer `b` in pool `pool` under `rule`, ignoring the hint;
  /// false when the offset would not fit in 64 bits (its end may not: the
  /// caller checks).
  bool findOffset(unsigned b, unsigned pool, FitRule rule, uint64_t &offset);
  /// Fills `partial` with the buckets buffer `b` covers in part, `canonical`
  /// with the nodes that exactly cover the buckets it covers whole, and
  /// `path` with the other nodes holding `partial` or `canonical` (the
  /// ancestors of both). Keeps the result for the next call with `b`.
  void decompose(unsigned b);
  /// Builds `within` of node `v` from the sets stored at and below it.
  void buildWithin(PoolTree &tree, unsigned v);
  /// The upper union for the last decomposed buffer when it lies within one
  /// level-1 node and covers no node above the buckets, else null.
  UpperUnion *upperUnion(PoolTree &tree);
  /// Best fit of a buffer against `upper` and the merged set `others`:
  /// the gaps of the upper union that no range of `others` touches come
  /// from its index by size, the others are cut up and compared one by one.
  bool bestFitAround(UpperUnion &upper, const RangeSet &others, uint64_t size,
                     uint64_t alignment, uint64_t &offset);
  /// The steps of `bucket` that buffer `b` covers, as a mask.
  uint64_t stepMask(unsigned b, unsigned bucket) const;
  /// Index of node `index` of tree level `level` (level 0: the buckets).
  unsigned node(unsigned level, uint64_t index) const {
    return levelBegin[level] + static_cast<unsigned>(index);
  }
  /// `order` rearranged so the buffers inside one first-level node's steps
  /// (a window) come together, keeping the order of every two buffers that
  /// share a step: those spanning windows in `order`'s order, each after
  /// the earlier buffers of the windows it spans; then the rest window by
  /// window.
  std::vector<unsigned> localOrder(llvm::ArrayRef<unsigned> order) const;
  void insert(unsigned b, unsigned pool, uint64_t offset);
  void reset();

  const Problem &problem;
  // Time is the problem's steps (Problem::firstStep): a buffer covers steps
  // [firstStep, lastStep] and overlaps another iff they share a step.
  GapPlacerShape shape;
  unsigned numBuckets = 0;
  /// First node of each tree level, then the number of nodes.
  std::vector<unsigned> levelBegin;
  std::vector<PoolTree> trees;

  std::vector<int> placedPool;
  std::vector<uint64_t> placedOffset;
  std::vector<uint64_t> poolSizes;
  /// The current layout's cost.
  LayoutCost cost;
  uint64_t work = 0;
  std::vector<unsigned> partial, canonical, path;
  unsigned decomposed = ~0u;
  /// The buffers of each partial bucket overlapping a query, and those of
  /// its explicit conflicts.
  RangeSet localRanges[2], explicitRanges, mergeScratch, others;
  std::vector<unsigned> touchedGaps;
  std::vector<const RangeSet *> sets;
  std::vector<Cursor> cursors;
  /// The offsets of the buffer being placed, per candidate pool.
  std::vector<std::optional<uint64_t>> lastOffsets;
  /// The first buffer of the last placement that fitted within no hint, and
  /// its offset per candidate pool.
  std::optional<unsigned> miss;
  std::vector<std::optional<uint64_t>> missOffsets;
};

/// Placement orders of the interval heuristics; each sorts by the listed
/// keys, then by buffer index, so the order is total. Buffers without a live
/// range count as lasting from the first to the last time step.
enum class IntervalOrder {
  /// Size descending, then duration descending: XLA's spatial order.
  SizeThenDuration,
  /// Size descending, then index: TFLite Micro's order.
  SizeThenIndex,
  /// Size descending, then start ascending.
  SizeThenStart,
  /// Size descending, then end descending.
  SizeThenLateEnd,
  /// Duration descending, then size descending: XLA's temporal order.
  DurationThenSize,
  /// Start ascending, then size descending: allocation order.
  StartThenSize,
};

/// How `sizeClassOrder` orders the buffers of one size class.
enum class SizeClassTieBreak {
  /// Start ascending, then size descending.
  EarlyStart,
  /// Duration descending, then size descending.
  LongDuration,
};

/// Buffers by size class descending, where the class of a buffer of size s
/// is floor(log_base(s)) (base >= 2), then by `tieBreak`, then by index.
/// Coarse classes let the time keys arrange buffers of similar sizes, which
/// often packs real lifetimes far tighter than exact size order.
std::vector<unsigned> sizeClassOrder(const Problem &problem, uint64_t base,
                                     SizeClassTieBreak tieBreak);

/// The buffer indices of `problem` in `order`.
std::vector<unsigned> intervalOrder(const Problem &problem,
                                    IntervalOrder order);

/// An algorithm registered as `name` that places the buffers in `order`
/// with `rule`: the building block of best-fit, first-fit-by-size, ...
std::unique_ptr<Algorithm> createIntervalHeuristic(llvm::StringRef name,
                                                   IntervalOrder order,
                                                   FitRule rule);

} // namespace usmp::planner

#endif // USMP_PLANNER_INTERVALGAPS_H
