//===- HillClimb.cpp - TVM's hill-climb algorithm -------------------------===//
//
// Starts from the size order placed first-fit, then repeatedly swaps two
// buffers in the placement order near a buffer that reaches the top of its
// pool and re-places everything, keeping the new order when the total does
// not grow (and rarely, early on, even when it does, to escape local minima).
// The best plan seen is returned. All randomness comes from a seeded
// splitmix64 generator, so results are the same on every platform.
//
//===----------------------------------------------------------------------===//

#include "usmp/Planner/FirstFit.h"
#include "usmp/Planner/LowerBound.h"
#include "usmp/Planner/Random.h"
#include "usmp/Planner/TVMAlgorithms.h"

#include "llvm/ADT/STLExtras.h"

#include <chrono>
#include <optional>

using namespace usmp::planner;

namespace {

class HillClimb final : public Algorithm {
public:
  /// TVM's number of attempts.
  static constexpr uint64_t defaultAttempts = 500;
  /// Without a node limit, attempts stop once about this many buffers and
  /// conflicts have been visited, so big problems stay affordable and the
  /// result never depends on the clock.
  static constexpr uint64_t defaultWork = uint64_t(1) << 26;

  llvm::StringRef getName() const override { return "hill-climb"; }
  llvm::Expected<Plan> planFinalized(const Problem &problem,
                                     const PlanOptions &options) const override;
};
} // namespace

llvm::Expected<Plan>
HillClimb::planFinalized(const Problem &problem,
                         const PlanOptions &options) const {
  using Clock = std::chrono::steady_clock;
  Clock::time_point deadline = deadlineAfter(options.timeLimitMs);
  std::vector<unsigned> order = orderBySize(problem);
  std::vector<unsigned> position(order.size());
  for (auto [index, b] : llvm::enumerate(order))
    position[b] = index;

  // The climb keeps orders that fit: it has nowhere to start from when the
  // first does not, though another order may fit.
  llvm::Expected<Plan> first =
      placeInOrder(problem, order, OffsetRule::LowestGap, getName());
  if (!first)
    return llvm::createStringError(
        llvm::toString(first.takeError()) +
        " (hill-climb starts from the size order and climbs only from an "
        "order that fits; `auto` also searches from orders that do not)");
  Plan current = std::move(*first);
  uint64_t currentTotal = totalSize(current);
  Plan best = current;
  uint64_t bestTotal = currentTotal;
  uint64_t bound = computeLowerBounds(problem).total;

  // Each attempt re-places everything: about n buffers and every conflict.
  std::vector<unsigned> degrees = problem.conflictDegrees();
  uint64_t workPerAttempt = problem.buffers.size() + 1;
  for (unsigned degree : degrees)
    workPerAttempt += degree;
  uint64_t attempts =
      options.nodeLimit
          ? options.nodeLimit
          : std::min(defaultAttempts, defaultWork / workPerAttempt);

  // Interval-only problems list neighbours through an interval index rather
  // than building the conflict graph.
  std::optional<IntervalIndex> index;
  if (problem.isIntervalOnly() && !problem.hasConflictGraph()) {
    index.emplace(problem);
    index->activateAll();
  }
  auto neighboursOf = [&](unsigned b, std::vector<unsigned> &out) {
    out.clear();
    if (!index) {
      llvm::ArrayRef<unsigned> row = problem.neighbours(b);
      out.assign(row.begin(), row.end());
      return;
    }
    index->forEachOverlapping(*problem.buffers[b].live, [&](unsigned c) {
      if (c != b)
        out.push_back(c);
    });
    llvm::sort(out);
  };

  SplitMix64 random(options.seed);
  std::vector<unsigned> peaks, firstLevel, around, aroundFirst;
  for (uint64_t attempt = 1;
       attempt <= attempts && !reachesLowerBound(bestTotal, bound); ++attempt) {
    if (options.timeLimitMs && Clock::now() > deadline)
      break;
    // Pick a buffer at the top of its pool, then two buffers placed before
    // it or before one of its neighbours, and swap them.
    peaks.clear();
    for (auto [b, at] : llvm::enumerate(current.placements)) {
      uint64_t size = problem.buffers[b].size;
      if (size && at.offset + size == current.poolSizes[at.pool])
        peaks.push_back(b);
    }
    if (peaks.empty())
      break;
    llvm::sort(peaks, [&](unsigned a, unsigned b) {
      return position[a] < position[b];
    });
    unsigned peak = peaks[random.below(peaks.size())];
    // TVM draws the second buffer from the earlier neighbours of the peak's
    // neighbours three times out of four; we sample that level (a random
    // neighbour, then a random earlier neighbour of it) instead of listing
    // it, which would cost the square of the degree.
    firstLevel.clear();
    neighboursOf(peak, around);
    for (unsigned c1 : around)
      if (position[c1] < position[peak])
        firstLevel.push_back(c1);
    if (firstLevel.empty())
      continue;
    unsigned swap1 = firstLevel[random.below(firstLevel.size())];
    unsigned swap2 = swap1;
    for (int tries = 0; tries < 8 && swap2 == swap1; ++tries) {
      if (random.below(100) < 25) {
        swap2 = firstLevel[random.below(firstLevel.size())];
        continue;
      }
      unsigned c1 = around[random.below(around.size())];
      neighboursOf(c1, aroundFirst);
      llvm::erase_if(aroundFirst,
                     [&](unsigned c2) { return position[c2] >= position[c1]; });
      if (!aroundFirst.empty())
        swap2 = aroundFirst[random.below(aroundFirst.size())];
    }
    if (swap1 == swap2)
      continue;
    auto swapPositions = [&] {
      std::swap(order[position[swap1]], order[position[swap2]]);
      std::swap(position[swap1], position[swap2]);
    };
    swapPositions();

    llvm::Expected<Plan> next =
        placeInOrder(problem, order, OffsetRule::LowestGap, getName());
    if (!next) {
      llvm::consumeError(next.takeError());
      swapPositions();
      continue;
    }
    uint64_t total = totalSize(*next);
    // Accept worse orders with a probability that shrinks with the loss and
    // with time, as TVM does (in percent; IEEE doubles round the same way
    // everywhere, and cannot overflow like 50 * loss could).
    bool accept =
        total <= currentTotal ||
        random.below(100) <
            static_cast<uint64_t>(
                50.0 * static_cast<double>(total - currentTotal) /
                static_cast<double>(total) / static_cast<double>(attempt));
    if (!accept) {
      swapPositions();
      continue;
    }
    current = std::move(*next);
    currentTotal = total;
    if (total < bestTotal) {
      best = current;
      bestTotal = total;
    }
  }
  best.provenOptimal = reachesLowerBound(bestTotal, bound);
  return best;
}

std::unique_ptr<Algorithm> usmp::planner::createHillClimb() {
  return std::make_unique<HillClimb>();
}
