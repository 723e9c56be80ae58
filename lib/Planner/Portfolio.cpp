//===- Portfolio.cpp - The default `auto` planner -------------------------===//

#include "usmp/Planner/Portfolio.h"
#include "usmp/Planner/IntervalGaps.h"
#include "usmp/Planner/StartBestFit.h"

#include "llvm/ADT/STLExtras.h"

#include <limits>
#include <numeric>
#include <optional>

using namespace usmp::planner;

// Work units of the placement engine per millisecond of budget, measured on
// the idealloc instances (one core, 2026); only the budget's scale depends on
// it, results never depend on the machine.
static constexpr uint64_t kWorkPerMs = 60000;
// Problems up to this many buffers also run TVM's greedy algorithms, which
// build the full conflict graph.
static constexpr size_t kGraphAlgorithmLimit = 4096;
// Problems up to this many buffers also run the exact search. Its nodes cost
// time roughly proportional to the number of buffers: it gets
// kExactNodeBuffersPerMs / buffers nodes per millisecond of budget, about
// half the budget.
static constexpr size_t kExactLimit = 600;
static constexpr uint64_t kExactNodeBuffersPerMs = 5000;

static uint64_t totalOf(const Plan &plan) {
  uint64_t total = 0;
  for (uint64_t size : plan.poolSizes)
    total = size > std::numeric_limits<uint64_t>::max() - total
                ? std::numeric_limits<uint64_t>::max()
                : total + size;
  return total;
}

namespace {

/// splitmix64, with bounded draws of our own so every platform draws the
/// same numbers.
class Random {
public:
  explicit Random(uint64_t seed) : state(seed) {}
  uint64_t next() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  /// Uniform in [0, bound), bound > 0.
  uint64_t below(uint64_t bound) {
    uint64_t limit = std::numeric_limits<uint64_t>::max() -
                     std::numeric_limits<uint64_t>::max() % bound;
    uint64_t value;
    do
      value = next();
    while (value >= limit);
    return value % bound;
  }

private:
  uint64_t state;
};

struct Candidate {
  IntervalOrder order;
  FitRule rule;
};

class Portfolio : public Algorithm {
public:
  llvm::StringRef getName() const override { return "auto"; }
  llvm::Expected<Plan> plan(const Problem &problem,
                            const PlanOptions &options) const override;
};

/// The search state: the best order and rule found so far.
class Search {
public:
  Search(const Problem &problem, uint64_t workBudget)
      : problem(problem), placer(problem), workBudget(workBudget) {}

  /// Scores `order` under `rule` and keeps it when strictly smaller.
  bool consider(std::vector<unsigned> order, FitRule rule) {
    uint64_t total = placer.evaluate(order, rule, bestTotal);
    if (total >= bestTotal)
      return false;
    bestTotal = total;
    bestOrder = std::move(order);
    bestRule = rule;
    bestPlan = placer.currentPlan();
    return true;
  }
  /// Takes `plan`, the layout of `order` under `rule`, when strictly smaller.
  void adopt(Plan plan, std::vector<unsigned> order, FitRule rule) {
    uint64_t total = totalOf(plan);
    if (total >= bestTotal)
      return;
    bestTotal = total;
    bestOrder = std::move(order);
    bestRule = rule;
    bestPlan = std::move(plan);
  }
  bool hasBudget() const { return placer.getWork() < workBudget; }
  void improve(Random &random);

  const Problem &problem;
  GapPlacer placer;
  uint64_t workBudget;
  uint64_t bestTotal = std::numeric_limits<uint64_t>::max();
  std::vector<unsigned> bestOrder;
  FitRule bestRule = FitRule::BestFit;
  std::optional<Plan> bestPlan;
};

} // namespace

/// Local search on the placement order: move one buffer a short way earlier
/// or later, or swap two buffers, and keep the order when the layout does
/// not grow. Accepting equal layouts lets the search drift across plateaus.
void Search::improve(Random &random) {
  size_t n = bestOrder.size();
  if (n < 2)
    return;
  std::vector<unsigned> order;
  while (hasBudget()) {
    order = bestOrder;
    size_t i = random.below(n);
    size_t reach = 1 + random.below(std::min<size_t>(n - 1, 16));
    size_t j = random.below(2) ? std::min(n - 1, i + reach)
                               : (i >= reach ? i - reach : 0);
    if (i == j)
      continue;
    if (random.below(2))
      std::swap(order[i], order[j]);
    else if (i < j)
      std::rotate(order.begin() + i, order.begin() + i + 1,
                  order.begin() + j + 1);
    else
      std::rotate(order.begin() + j, order.begin() + i, order.begin() + i + 1);
    uint64_t total = placer.evaluate(order, bestRule, bestTotal + 1);
    if (total > bestTotal)
      continue;
    if (total < bestTotal)
      bestPlan = placer.currentPlan();
    bestTotal = total;
    bestOrder = std::move(order);
  }
}

llvm::Expected<Plan> Portfolio::plan(const Problem &problem,
                                     const PlanOptions &options) const {
  uint64_t budgetMs =
      options.timeLimitMs ? options.timeLimitMs : kDefaultPortfolioBudgetMs;
  Search search(problem, budgetMs * kWorkPerMs);

  // Size-class orders with first fit are cheap and often the best, so a
  // few go first: they give the cutoff that stops worse placements early.
  search.consider(sizeClassOrder(problem, 4, SizeClassTieBreak::LongDuration),
                  FitRule::FirstFit);
  search.consider(sizeClassOrder(problem, 16, SizeClassTieBreak::LongDuration),
                  FitRule::FirstFit);

  // The named heuristics always run (to the end, or until they reach the
  // best total), so `auto` is never worse than any of them.
  const Candidate named[] = {
      {IntervalOrder::SizeThenDuration, FitRule::BestFit},
      {IntervalOrder::SizeThenIndex, FitRule::FirstFit},
      {IntervalOrder::DurationThenSize, FitRule::BestFit},
  };
  for (const Candidate &candidate : named)
    search.consider(intervalOrder(problem, candidate.order), candidate.rule);
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
        if (search.hasBudget())
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
    if (search.hasBudget())
      search.consider(intervalOrder(problem, candidate.order), candidate.rule);

  // Plans from other registered algorithms, looked up by name so the
  // portfolio does not depend on them at compile time.
  std::optional<Plan> external;
  uint64_t externalTotal = std::numeric_limits<uint64_t>::max();
  auto tryAlgorithm = [&](llvm::StringRef name, const PlanOptions &with) {
    llvm::Expected<std::unique_ptr<Algorithm>> algorithm =
        createAlgorithm(name);
    if (!algorithm) {
      llvm::consumeError(algorithm.takeError());
      return;
    }
    llvm::Expected<Plan> plan = (*algorithm)->plan(problem, with);
    if (!plan) {
      llvm::consumeError(plan.takeError());
      return;
    }
    uint64_t total = totalOf(*plan);
    if (total < std::min(externalTotal, search.bestTotal) ||
        (total == std::min(externalTotal, search.bestTotal) &&
         plan->provenOptimal)) {
      externalTotal = total;
      external = std::move(*plan);
    }
  };
  if (problem.buffers.size() <= kGraphAlgorithmLimit) {
    tryAlgorithm("greedy-by-size", options);
    tryAlgorithm("greedy-by-conflicts", options);
  }
  if (problem.buffers.size() <= kExactLimit) {
    PlanOptions exactOptions;
    exactOptions.seed = options.seed;
    exactOptions.nodeLimit = std::max<uint64_t>(
        1000, budgetMs * kExactNodeBuffersPerMs /
                  std::max<size_t>(1, problem.buffers.size()));
    tryAlgorithm("exact", exactOptions);
  }
  bool proven = external && external->provenOptimal;

  if (!proven && search.bestTotal != std::numeric_limits<uint64_t>::max()) {
    Random random(options.seed);
    search.improve(random);
  }

  if (external && externalTotal <= search.bestTotal) {
    external->algorithm = "auto";
    return std::move(*external);
  }
  if (search.bestPlan) {
    search.bestPlan->algorithm = "auto";
    return std::move(*search.bestPlan);
  }
  // Nothing fitted: report best-fit's failure.
  return search.placer.run(
      intervalOrder(problem, IntervalOrder::SizeThenDuration),
      FitRule::BestFit);
}

std::unique_ptr<Algorithm> usmp::planner::createPortfolio() {
  return std::make_unique<Portfolio>();
}
