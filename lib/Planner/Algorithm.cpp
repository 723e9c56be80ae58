//===- Algorithm.cpp - Registry of planning algorithms --------------------===//

#include "usmp/Planner/Algorithm.h"
#include "usmp/Planner/BestFit.h"
#include "usmp/Planner/Exact.h"
#include "usmp/Planner/FirstFitBySize.h"
#include "usmp/Planner/Portfolio.h"
#include "usmp/Planner/StartBestFit.h"
#include "usmp/Planner/TVMAlgorithms.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/ErrorHandling.h"

#include <algorithm>
#include <mutex>
#include <optional>

using namespace usmp::planner;

namespace {
struct Registry {
  std::mutex mutex;
  llvm::StringMap<AlgorithmFactory> factories;
};
} // namespace

// Built-in algorithms are listed here rather than registered by static
// initializers, which a static library's linker would drop.
static void addBuiltinAlgorithms(llvm::StringMap<AlgorithmFactory> &factories) {
  factories["greedy-by-size"] = createGreedyBySize;
  factories["greedy-by-conflicts"] = createGreedyByConflicts;
  factories["hill-climb"] = createHillClimb;
  factories["exact"] = createExactAlgorithm;
  factories["auto"] = createPortfolio;
  factories["best-fit"] = createBestFit;
  factories["best-fit-by-duration"] = createBestFitByDuration;
  factories["first-fit-by-size"] = createFirstFitBySize;
  factories["start-best-fit"] = createStartBestFit;
}

static Registry &getRegistry() {
  static Registry *registry = [] {
    auto *r = new Registry;
    addBuiltinAlgorithms(r->factories);
    return r;
  }();
  return *registry;
}

void usmp::planner::registerAlgorithm(llvm::StringRef name,
                                      AlgorithmFactory factory) {
  // A name must survive `algorithm=<name>` in a pass pipeline and the
  // comma-separated lists of usmp-bench and the C API.
  if (name.empty() || !llvm::all_of(name, [](char c) {
        return llvm::isAlnum(c) || c == '-' || c == '_' || c == '.';
      }))
    llvm::reportFatalUsageError(
        llvm::Twine("cannot register planning algorithm '") + name +
        "': a name is ASCII letters, digits, '-', '_' and '.'");
  Registry &registry = getRegistry();
  std::lock_guard<std::mutex> lock(registry.mutex);
  registry.factories[name] = std::move(factory);
}

llvm::Expected<Plan> Algorithm::plan(const Problem &problem,
                                     const PlanOptions &options) const {
  // Every algorithm indexes the lists finalize() makes.
  if (!problem.isFinalized())
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "the problem is not finalized: call Problem::finalize() first");
  llvm::Expected<Plan> plan = planFinalized(problem, options);
  // Reports name the algorithm; one that leaves the name out is its own.
  if (plan && plan->algorithm.empty())
    plan->algorithm = getName().str();
  return plan;
}

llvm::Expected<std::unique_ptr<Algorithm>>
usmp::planner::createAlgorithm(llvm::StringRef name) {
  std::optional<AlgorithmFactory> factory;
  {
    Registry &registry = getRegistry();
    std::lock_guard<std::mutex> lock(registry.mutex);
    auto it = registry.factories.find(name);
    if (it != registry.factories.end())
      factory = it->second;
  }
  // Called unlocked: a factory may create another registered algorithm.
  if (factory) {
    std::unique_ptr<Algorithm> algorithm = *factory ? (*factory)() : nullptr;
    if (!algorithm)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "the factory registered for planning algorithm '" + name +
              "' returned no algorithm");
    return std::move(algorithm);
  }
  std::string known;
  for (const std::string &n : getAlgorithmNames())
    known += (known.empty() ? "" : ", ") + n;
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "unknown planning algorithm '" + name +
                                     "' (known: " + known + ")");
}

std::chrono::steady_clock::time_point
usmp::planner::deadlineAfter(uint64_t timeLimitMs) {
  constexpr uint64_t kCenturyMs = uint64_t(100) * 366 * 24 * 3600 * 1000;
  return std::chrono::steady_clock::now() +
         std::chrono::milliseconds(std::min(timeLimitMs, kCenturyMs));
}

std::vector<std::string> usmp::planner::getAlgorithmNames() {
  Registry &registry = getRegistry();
  std::lock_guard<std::mutex> lock(registry.mutex);
  std::vector<std::string> names;
  for (const auto &entry : registry.factories)
    names.push_back(entry.getKey().str());
  llvm::sort(names);
  return names;
}
