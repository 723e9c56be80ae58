//===- Portfolio.cpp - The default `auto` planner -------------------------===//

#include "usmp/Planner/Portfolio.h"
#include "usmp/Planner/Exact.h"
#include "usmp/Planner/IntervalGaps.h"
#include "usmp/Planner/LowerBound.h"
#include "usmp/Planner/Random.h"
#include "usmp/Planner/StartBestFit.h"
#include "usmp/Planner/Verifier.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/Sequence.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <optional>

using namespace usmp::planner;

// Work units of the placement engine per millisecond of budget, measured on
// the idealloc instances (one core, 2026) with an earlier engine; the
// current one runs 15,000 to 165,000 per millisecond depending on the
// instance and rule. Only the budget's scale depends on it, results never
// depend on the machine.
static constexpr uint64_t kWorkPerMs = 40000;
// The named heuristics may each use this many times the work budget.
static constexpr uint64_t kNamedBudgetFactor = 3;
// A best-fit rule needs about this many times the work of
// first-fit-by-size on the same problem (1.2 to 5.6 times on the shared
// instances and the generated families).
static constexpr uint64_t kBestFitWorkRatio = 3;
// Problems up to this many buffers also run TVM's greedy algorithms: with
// explicit conflicts they walk the whole conflict graph, and on larger
// problems they never beat the gap engine's orders.
static constexpr size_t kGraphAlgorithmLimit = 4096;
// Problems up to this many buffers also run the exact search, which beats
// the local search on them by far given the time, so it gets
// kExactBudgetPercent of the budget and the placement engine the rest.
static constexpr size_t kExactLimit = 600;
static constexpr uint64_t kExactBudgetPercent = 80;

/// "1 byte", "2 bytes".
static std::string bytes(uint64_t count) {
  return std::to_string(count) + (count == 1 ? " byte" : " bytes");
}

/// The cost of `plan` as `GapPlacer::evaluate` counts it.
static LayoutCost costOf(const Problem &problem, const Plan &plan) {
  LayoutCost cost{0, totalSize(plan)};
  for (auto [pool, size] : llvm::enumerate(plan.poolSizes)) {
    const std::optional<uint64_t> &hint = problem.pools[pool].sizeHint;
    if (hint && size > *hint)
      cost.overflow = llvm::SaturatingAdd(cost.overflow, size - *hint);
  }
  return cost;
}

namespace {

struct Candidate {
  IntervalOrder order;
  FitRule rule;
};

class Portfolio : public Algorithm {
public:
  llvm::StringRef getName() const override { return "auto"; }
  llvm::Expected<Plan> planFinalized(const Problem &problem,
                                     const PlanOptions &options) const override;
};

/// The search state: the best order and rule found so far.
class Search {
public:
  Search(const Problem &problem, uint64_t workBudget)
      : problem(problem), placer(problem), workBudget(workBudget) {}

  /// Scores `order` under `rule` and keeps it when strictly cheaper; gives
  /// up when the placer's work counter reaches `workLimit` (by default the
  /// budget).
  bool consider(std::vector<unsigned> order, FitRule rule,
                std::optional<uint64_t> workLimit = std::nullopt) {
    std::optional<LayoutCost> cost =
        placer.evaluate(order, rule, bestCost, workLimit.value_or(workBudget));
    if (!cost)
      return false;
    bestCost = cost;
    bestOrder = std::move(order);
    bestRule = rule;
    bestPlan = placer.currentPlan();
    return true;
  }
  /// Takes `plan`, the layout of `order` under `rule` within the hints, when
  /// strictly cheaper.
  void adopt(Plan plan, std::vector<unsigned> order, FitRule rule) {
    LayoutCost cost = costOf(problem, plan);
    if (bestCost && !(cost < *bestCost))
      return;
    bestCost = cost;
    bestOrder = std::move(order);
    bestRule = rule;
    bestPlan = std::move(plan);
  }
  bool hasBudget() const { return placer.getWork() < workBudget; }
  /// True once the best layout is a plan (within the hints).
  bool hasPlan() const { return bestCost && bestCost->overflow == 0; }
  /// True once the best layout is a plan at the lower bound: nothing can
  /// beat it.
  bool optimal() const {
    return hasPlan() && reachesLowerBound(bestCost->total, lowerBound);
  }
  void improve(SplitMix64 &random);

  const Problem &problem;
  GapPlacer placer;
  uint64_t workBudget;
  uint64_t lowerBound = 0;
  /// The best layout, past the hints when every order so far overflows.
  std::optional<LayoutCost> bestCost;
  std::vector<unsigned> bestOrder;
  FitRule bestRule = FitRule::BestFit;
  std::optional<Plan> bestPlan;
};

} // namespace

/// Local search on the placement order. Half of the moves take a buffer
/// that reaches the top of its pool and place it earlier, the others move a
/// random buffer a short way or swap two nearby ones; the new order is kept
/// when the layout does not grow. Accepting equal layouts lets the search
/// drift across plateaus. From a layout past the hints, the moves bring the
/// buffers at the top of an overflowing pool forward until one fits.
void Search::improve(SplitMix64 &random) {
  size_t n = bestOrder.size();
  if (n < 2)
    return;
  std::vector<unsigned> order, position(n), top;
  auto refresh = [&] {
    for (size_t i = 0; i < n; ++i)
      position[bestOrder[i]] = i;
    top.clear();
    for (size_t i = 0; i < n; ++i) {
      unsigned b = bestOrder[i];
      const Placement &at = bestPlan->placements[b];
      if (problem.buffers[b].size != 0 &&
          at.offset + problem.buffers[b].size == bestPlan->poolSizes[at.pool])
        top.push_back(b);
    }
  };
  refresh();
  while (hasBudget() && !optimal()) {
    order = bestOrder;
    size_t i, j;
    if (!top.empty() && random.below(2)) {
      i = position[top[random.below(top.size())]];
      if (i == 0)
        continue;
      j = i - 1 - random.below(std::min<size_t>(i, 64));
    } else {
      i = random.below(n);
      size_t reach = 1 + random.below(std::min<size_t>(n - 1, 16));
      j = random.below(2) ? std::min(n - 1, i + reach)
                          : (i >= reach ? i - reach : 0);
      if (i == j)
        continue;
      if (random.below(2)) {
        std::swap(order[i], order[j]);
        i = j;
      }
    }
    if (i < j)
      std::rotate(order.begin() + i, order.begin() + i + 1,
                  order.begin() + j + 1);
    else if (j < i)
      std::rotate(order.begin() + j, order.begin() + i, order.begin() + i + 1);
    // Equal layouts are kept too: cut off only above the best.
    std::optional<LayoutCost> cutoff = *bestCost;
    if (cutoff->total != std::numeric_limits<uint64_t>::max())
      ++cutoff->total;
    else if (cutoff->overflow != std::numeric_limits<uint64_t>::max())
      cutoff = LayoutCost{cutoff->overflow + 1, 0};
    else
      cutoff.reset();
    std::optional<LayoutCost> cost =
        placer.evaluate(order, bestRule, cutoff, workBudget);
    if (!cost)
      continue;
    bestCost = cost;
    bestOrder = std::move(order);
    bestPlan = placer.currentPlan();
    refresh();
  }
}

llvm::Expected<Plan>
Portfolio::planFinalized(const Problem &problem,
                         const PlanOptions &options) const {
  uint64_t budgetMs =
      options.timeLimitMs ? options.timeLimitMs : kDefaultPortfolioBudgetMs;
  uint64_t work = llvm::SaturatingMultiply(budgetMs, kWorkPerMs);
  bool withExact = problem.buffers.size() <= kExactLimit &&
                   llvm::is_contained(getAlgorithmNames(), "exact");
  Search search(
      problem,
      withExact ? llvm::SaturatingMultiply(
                      budgetMs, kWorkPerMs / 100 * (100 - kExactBudgetPercent))
                : work);
  LowerBounds bounds = computeLowerBounds(problem);
  search.lowerBound = bounds.total;
  // When the buffers that can only go to one pool need more than its hint,
  // or all of them more than every pool's hint together, no plan exists:
  // fail at once, with best fit's message and the reason.
  std::optional<std::string> impossible;
  for (auto [index, pool] : llvm::enumerate(problem.pools))
    if (pool.sizeHint && bounds.perPool[index] > *pool.sizeHint) {
      impossible = "the buffers that can only go to pool '" + pool.name +
                   "' need at least " + bytes(bounds.perPool[index]);
      break;
    }
  if (!impossible && llvm::all_of(problem.pools, [](const Pool &pool) {
        return pool.sizeHint.has_value();
      })) {
    uint64_t hints = 0;
    for (const Pool &pool : problem.pools)
      hints = llvm::SaturatingAdd(hints, *pool.sizeHint);
    if (bounds.total > hints)
      impossible = "the buffers need at least " + bytes(bounds.total) +
                   ", more than the size hints of all pools together (" +
                   std::to_string(hints) + ")";
  }
  if (impossible) {
    llvm::Expected<Plan> failure = search.placer.run(
        intervalOrder(problem, IntervalOrder::SizeThenDuration),
        FitRule::BestFit);
    if (!failure)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     llvm::toString(failure.takeError()) +
                                         "; " + *impossible);
  }

  // The named heuristics run to the end (or until they reach the best
  // total), so `auto` is never worse than any of them. first-fit-by-size,
  // the cheapest and on large problems often the best, goes first and always
  // runs to the end; a best-fit rule is dropped when it needs more than
  // kNamedBudgetFactor times the whole budget. Best fit walks every gap first
  // fit walks and more, so when first-fit-by-size's work times
  // kBestFitWorkRatio is beyond that, they are not tried: they would be cut
  // before they finish.
  uint64_t namedAllowance = llvm::SaturatingMultiply(work, kNamedBudgetFactor);
  // The errors of the named rules whose scoring met a buffer fitting within
  // no hint: each is the rule's own failure, so none needs running again
  // when nothing fits.
  std::optional<std::string> firstFitMiss, bestFitMiss[2];
  auto missError = [&]() -> std::optional<std::string> {
    if (llvm::Error error = search.placer.missError())
      return llvm::toString(std::move(error));
    return std::nullopt;
  };
  uint64_t before = search.placer.getWork();
  search.consider(intervalOrder(problem, IntervalOrder::SizeThenIndex),
                  FitRule::FirstFit, std::numeric_limits<uint64_t>::max());
  firstFitMiss = missError();
  uint64_t firstFitWork = search.placer.getWork() - before;
  // Size-class orders with first fit are cheap and often the best, so a few
  // go next, with the whole budget (first-fit-by-size's work aside): they
  // give the cutoff that stops worse placements early. They take 1.2 to 4.5
  // times first-fit-by-size's work on the shared instances, so when that
  // alone is beyond the budget they would be cut before they finish: on a
  // million buffers that wasted about 0.9 s. (Without budget left a
  // placement would stop at once: then not even its order is computed.)
  uint64_t sizeClassLimit =
      llvm::SaturatingAdd(search.workBudget, firstFitWork);
  if (firstFitWork <= search.workBudget)
    for (uint64_t base : {4, 16})
      if (search.placer.getWork() < sizeClassLimit)
        search.consider(
            sizeClassOrder(problem, base, SizeClassTieBreak::LongDuration),
            FitRule::FirstFit, sizeClassLimit);
  const IntervalOrder bestFitOrders[] = {IntervalOrder::SizeThenDuration,
                                         IntervalOrder::DurationThenSize};
  if (llvm::SaturatingMultiply(firstFitWork, kBestFitWorkRatio) <=
      namedAllowance)
    for (auto [order, miss] : llvm::zip_equal(bestFitOrders, bestFitMiss)) {
      search.consider(
          intervalOrder(problem, order), FitRule::BestFit,
          llvm::SaturatingAdd(search.placer.getWork(), namedAllowance));
      miss = missError();
    }
  // start-best-fit has a faster sweep of its own.
  llvm::Expected<Plan> start = planStartBestFit(problem);
  if (start)
    search.adopt(std::move(*start),
                 intervalOrder(problem, IntervalOrder::StartThenSize),
                 FitRule::BestFit);
  else
    llvm::consumeError(start.takeError());

  // More orders while the budget lasts: size classes of several widths,
  // then exact-size orders with other tie-breaks.
  const uint64_t bases[] = {4, 16, 8, 3, 64, 2};
  for (uint64_t base : bases)
    for (SizeClassTieBreak tieBreak :
         {SizeClassTieBreak::LongDuration, SizeClassTieBreak::EarlyStart})
      for (FitRule rule : {FitRule::FirstFit, FitRule::BestFit})
        if (search.hasBudget() && !search.optimal())
          search.consider(sizeClassOrder(problem, base, tieBreak), rule);
  const Candidate extra[] = {
      {IntervalOrder::SizeThenStart, FitRule::BestFit},
      {IntervalOrder::SizeThenStart, FitRule::FirstFit},
      {IntervalOrder::SizeThenLateEnd, FitRule::BestFit},
      {IntervalOrder::SizeThenLateEnd, FitRule::FirstFit},
      {IntervalOrder::SizeThenIndex, FitRule::BestFit},
      {IntervalOrder::SizeThenDuration, FitRule::FirstFit},
      {IntervalOrder::DurationThenSize, FitRule::FirstFit},
      {IntervalOrder::StartThenSize, FitRule::FirstFit},
  };
  for (const Candidate &candidate : extra)
    if (search.hasBudget() && !search.optimal())
      search.consider(intervalOrder(problem, candidate.order), candidate.rule);

  // Plans from other registered algorithms, looked up by name: whatever the
  // registry holds under these names takes part.
  std::optional<Plan> external;
  std::optional<LayoutCost> externalCost;
  // Plans `target` (the problem, or its relaxed copy) with algorithm `name`;
  // false when it gives no plan.
  auto tryAlgorithm = [&](llvm::StringRef name, const PlanOptions &with,
                          const Problem &target) {
    llvm::Expected<std::unique_ptr<Algorithm>> algorithm =
        createAlgorithm(name);
    if (!algorithm) {
      llvm::consumeError(algorithm.takeError());
      return false;
    }
    llvm::Expected<Plan> plan = (*algorithm)->plan(target, with);
    if (!plan) {
      llvm::consumeError(plan.takeError());
      return false;
    }
    // Whatever is registered under the name may be wrong: only a plan the
    // verifier accepts takes part.
    if (llvm::Error invalid = verifyPlan(target, *plan)) {
      llvm::consumeError(std::move(invalid));
      return false;
    }
    LayoutCost cost = costOf(problem, *plan);
    std::optional<LayoutCost> best = externalCost;
    if (search.bestCost && (!best || *search.bestCost < *best))
      best = search.bestCost;
    if (!best || cost < *best || (!(*best < cost) && plan->provenOptimal)) {
      externalCost = cost;
      external = std::move(*plan);
    }
    return true;
  };
  if (problem.buffers.size() <= kGraphAlgorithmLimit && !search.optimal()) {
    tryAlgorithm("greedy-by-size", options, problem);
    tryAlgorithm("greedy-by-conflicts", options, problem);
  }
  bool exactRan = withExact && !search.optimal();
  // Kept for a second run when nothing fits (below); its cost per node takes
  // a sort of every buffer's times, so only when it runs.
  PlanOptions exactOptions;
  if (exactRan) {
    exactOptions.seed = options.seed;
    exactOptions.nodeLimit = std::max<uint64_t>(
        kMinExactNodes,
        llvm::SaturatingMultiply(budgetMs,
                                 kExactCostPerMs / 100 * kExactBudgetPercent) /
            exactNodeCost(problem));
    // The exact search plans with the hints: it searches right below them.
    // When it finds nothing there and every buffer has one candidate pool, a
    // hint only decides whether a layout is a plan, so it plans without
    // them too: its layout past a hint can still seed the local search, and
    // a proof of optimality past a hint is one that no plan exists.
    if (!tryAlgorithm("exact", exactOptions, problem) &&
        llvm::all_of(
            llvm::seq<unsigned>(0, problem.buffers.size()),
            [&](unsigned b) { return problem.candidates(b).size() == 1; })) {
      Problem relaxed = problem;
      for (Pool &pool : relaxed.pools)
        pool.sizeHint.reset();
      tryAlgorithm("exact", exactOptions, relaxed);
    }
  }
  // A proof past the hints is one that no plan exists.
  bool proven = external && external->provenOptimal;
  if (external && !proven) {
    // Placing buffers first fit in the order of their offsets in a plan puts
    // each at or below its offset there (on one pool), so the local search
    // can start from the external plan.
    std::vector<unsigned> byOffset(problem.buffers.size());
    std::iota(byOffset.begin(), byOffset.end(), 0u);
    llvm::sort(byOffset, [&](unsigned a, unsigned b) {
      uint64_t oa = external->placements[a].offset;
      uint64_t ob = external->placements[b].offset;
      return oa != ob ? oa < ob : a < b;
    });
    search.consider(std::move(byOffset), FitRule::FirstFit);
  }

  if (!proven && !search.optimal() && search.bestCost) {
    SplitMix64 random(options.seed);
    search.improve(random);
  }

  if (external && externalCost->overflow == 0 &&
      (!search.hasPlan() || externalCost->total <= search.bestCost->total)) {
    external->algorithm = "auto";
    external->provenOptimal |=
        reachesLowerBound(externalCost->total, search.lowerBound);
    return std::move(*external);
  }
  if (search.hasPlan()) {
    search.bestPlan->algorithm = "auto";
    search.bestPlan->provenOptimal = search.optimal();
    return std::move(*search.bestPlan);
  }
  // No layout fitted within the hints. Scoring met the failure of
  // first-fit-by-size (scored without a budget) and of each best-fit rule
  // that got as far as its first misfit. One skipped or cut for the budget
  // before that may still plan: unless no plan can exist, it runs now, past
  // the budget, as failing where a named rule plans would be worse than
  // being late.
  assert(firstFitMiss && "first-fit-by-size was scored without a budget");
  for (auto [order, miss] : llvm::zip_equal(bestFitOrders, bestFitMiss)) {
    if (miss || proven)
      continue;
    llvm::Expected<Plan> plan =
        search.placer.run(intervalOrder(problem, order), FitRule::BestFit);
    if (plan) {
      plan->algorithm = "auto";
      plan->provenOptimal =
          reachesLowerBound(totalSize(*plan), search.lowerBound);
      return plan;
    }
    miss = llvm::toString(plan.takeError());
  }
  // Likewise the exact search, cut by its budget before it found a layout
  // within the hints (at the capacity of MiniMalloc's I and K it needs
  // 1.4 and 2 times auto's default share): once more, with
  // kNamedBudgetFactor times the nodes.
  if (exactRan && !proven) {
    PlanOptions longer = exactOptions;
    longer.nodeLimit =
        llvm::SaturatingMultiply(exactOptions.nodeLimit, kNamedBudgetFactor);
    if (tryAlgorithm("exact", longer, problem) && externalCost->overflow == 0) {
      external->algorithm = "auto";
      external->provenOptimal |=
          reachesLowerBound(externalCost->total, search.lowerBound);
      return std::move(*external);
    }
  }
  const std::optional<std::string> &error =
      bestFitMiss[0] ? bestFitMiss[0]
                     : (bestFitMiss[1] ? bestFitMiss[1] : firstFitMiss);
  // The failure names a buffer; say whether a plan may still exist.
  return llvm::createStringError(
      llvm::inconvertibleErrorCode(),
      *error + (proven ? "; the exact search proved that no layout fits within "
                         "the size hints"
                       : "; no other layout auto tried within its " +
                             std::to_string(budgetMs) +
                             " ms budget fits either (a larger time limit "
                             "lets it search longer)"));
}

std::unique_ptr<Algorithm> usmp::planner::createPortfolio() {
  return std::make_unique<Portfolio>();
}
