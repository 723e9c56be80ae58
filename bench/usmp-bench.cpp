//===- usmp-bench.cpp - Benchmark of the planning algorithms --------------===//
//
// Runs the registered algorithms over the shared benchmark instances
// (MiniMalloc's challenging set, idealloc's real-model lifetimes) and over
// generated scaling families, printing per instance the buffers, the lower
// bound, every algorithm's pool size, gap and time. Every plan is checked by
// the verifier. `--challenge` runs MiniMalloc's task instead: fit each
// challenging instance into 1048576 bytes with the exact search (decision
// mode), printing the time per instance and the total.
//
//===----------------------------------------------------------------------===//

#include "usmp/Planner/Algorithm.h"
#include "usmp/Planner/CSV.h"
#include "usmp/Planner/Exact.h"
#include "usmp/Planner/LowerBound.h"
#include "usmp/Planner/Random.h"
#include "usmp/Planner/Verifier.h"
#include "usmp/Version.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <sys/resource.h>

using namespace usmp::planner;
namespace cl = llvm::cl;

static cl::OptionCategory category("usmp-bench options");

static cl::opt<std::string>
    dataDir("data-dir", cl::desc("Folder of the shared benchmark instances"),
            cl::init(USMP_DEFAULT_BENCH_DIR), cl::cat(category));
static cl::list<std::string>
    instanceFilter("instances", cl::CommaSeparated,
                   cl::desc("Run only instances whose path contains one of "
                            "these strings (comma-separated)"),
                   cl::cat(category));
static cl::list<std::string>
    algorithmList("algorithms", cl::CommaSeparated,
                  cl::desc("Algorithms to run (default: all registered)"),
                  cl::cat(category));
static cl::opt<uint64_t>
    timeLimitMs("time-limit-ms", cl::init(0),
                cl::desc("Time limit per run for searching algorithms"),
                cl::cat(category));
static cl::opt<uint64_t> nodeLimit("node-limit", cl::init(0),
                                   cl::desc("Node limit of the exact search"),
                                   cl::cat(category));
static cl::opt<unsigned> exactMaxBuffers(
    "exact-max-buffers", cl::init(2000),
    cl::desc("Skip `exact` (and report '-') on larger instances"),
    cl::cat(category));
static cl::opt<unsigned> graphMaxBuffers(
    "graph-max-buffers", cl::init(5000),
    cl::desc("Skip algorithms that visit every conflict (hill-climb, and "
             "TVM's greedy rules on explicit conflict graphs) on larger "
             "instances"),
    cl::cat(category));
static cl::opt<bool>
    challenge("challenge",
              cl::desc("Exact decision runs of MiniMalloc's challenging "
                       "instances at capacity 1048576"),
              cl::cat(category));
static cl::opt<bool> minimizeChallenge(
    "minimize", cl::desc("With --challenge: minimize instead of deciding"),
    cl::cat(category));
static cl::opt<bool> atLowerBound(
    "at-lower-bound",
    cl::desc("With --challenge: decide every selected instance (up to "
             "--exact-max-buffers) at capacity = its lower bound instead of "
             "the challenging set at 1048576"),
    cl::cat(category));
static cl::list<uint64_t>
    scaling("scaling", cl::CommaSeparated,
            cl::desc("Also run generated families of these buffer counts "
                     "(e.g. 1000,10000,100000,1000000)"),
            cl::cat(category));
static cl::list<uint64_t> randomSizes(
    "random", cl::CommaSeparated,
    cl::desc("Also run small random problems of these buffer counts "
             "(e.g. 20,50,100,200), where the exact search does not finish"),
    cl::cat(category));
static cl::opt<bool> noFiles("no-files",
                             cl::desc("Skip the shared instance files"),
                             cl::cat(category));

namespace {

/// Reads a MiniMalloc CSV file (id,lower,upper,size) into a one-pool problem.
llvm::Expected<Problem> readCsvFile(llvm::StringRef path) {
  auto file = llvm::MemoryBuffer::getFile(path);
  if (!file)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   path + ": " + file.getError().message());
  llvm::Expected<CsvDocument> document = readCsv((*file)->getBuffer());
  if (!document)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   path + ": " +
                                       toString(document.takeError()));
  if (llvm::Error error = document->problem.finalize())
    return std::move(error);
  return std::move(document->problem);
}

/// A generated model-like lifetime set: two tensors produced per step, most
/// consumed within a few steps, some kept for skip connections, a few live
/// across much of the run (weights, caches); sizes spread over 256 B to 4 MiB
/// in multiples of 256.
Problem generate(uint64_t n) {
  SplitMix64 rng(n * 0x1234567ULL + 1);
  Problem problem;
  problem.pools.push_back({"pool", std::nullopt, 1});
  problem.buffers.reserve(n);
  for (uint64_t i = 0; i < n; ++i) {
    int64_t start = i / 2;
    uint64_t kind = rng.below(100), duration;
    if (kind < 80)
      duration = 1 + rng.below(4);
    else if (kind < 97)
      duration = 5 + rng.below(60);
    else
      duration = 1 + rng.below(std::max<uint64_t>(n / 8, 1));
    Buffer buffer;
    buffer.name = std::to_string(i);
    buffer.size = 256 * ((1 + rng.below(4)) << rng.below(13));
    buffer.live = Interval{start, start + int64_t(duration) - 1};
    problem.buffers.push_back(std::move(buffer));
  }
  cantFail(problem.finalize());
  return problem;
}

/// A small random problem the exact search does not finish, so `auto` spends
/// its whole budget: live ranges of 1 to n/4 + 1 steps (one buffer in ten
/// without one), sizes up to 1 KB or up to 100 KB, mixed alignments, and
/// a fifth of the buffers listing up to four explicit conflicts.
Problem generateRandom(uint64_t n) {
  SplitMix64 rng(n * 0x7654321ULL + 3);
  Problem problem;
  problem.pools.push_back({"pool", std::nullopt, 1});
  problem.buffers.resize(n);
  const uint64_t alignments[] = {1, 1, 2, 4, 16, 32};
  for (uint64_t i = 0; i < n; ++i) {
    Buffer &buffer = problem.buffers[i];
    buffer.name = std::to_string(i);
    buffer.size = 1 + rng.below(rng.below(2) ? 1000 : 100000);
    buffer.alignment = alignments[rng.below(6)];
    if (rng.below(10) != 0) {
      int64_t start = rng.below(n + 1);
      buffer.live = Interval{
          start, start + int64_t(rng.below(std::max<uint64_t>(n / 4 + 1, 2)))};
    }
  }
  for (uint64_t i = 0; i < n; ++i)
    if (rng.below(5) == 0)
      for (uint64_t k = 0, count = 1 + rng.below(4); k < count; ++k)
        if (uint64_t other = rng.below(n);
            other != i &&
            !llvm::is_contained(problem.buffers[i].conflicts, other))
          problem.buffers[i].conflicts.push_back(other);
  cantFail(problem.finalize());
  return problem;
}

struct Instance {
  std::string name;
  std::function<llvm::Expected<Problem>()> load;
};

bool selected(llvm::StringRef name) {
  if (instanceFilter.empty())
    return true;
  return llvm::any_of(instanceFilter, [&](const std::string &filter) {
    return name.contains(filter);
  });
}

/// The shared instances, listed in instances.csv of the data folder. A
/// folder without the list is an error: a table without them would pass
/// for a run over them.
llvm::Expected<std::vector<Instance>> fileInstances() {
  std::vector<Instance> instances;
  llvm::SmallString<256> list(dataDir);
  llvm::sys::path::append(list, "instances.csv");
  auto file = llvm::MemoryBuffer::getFile(list);
  if (!file)
    return llvm::createStringError(file.getError(),
                                   "cannot read " + list + ": " +
                                       file.getError().message());
  llvm::SmallVector<llvm::StringRef, 32> lines;
  (*file)->getBuffer().split(lines, '\n', -1, false);
  for (llvm::StringRef line : llvm::drop_begin(lines)) {
    llvm::StringRef path = line.split(',').first.trim();
    if (path.empty() || !selected(path))
      continue;
    llvm::SmallString<256> full(dataDir);
    llvm::sys::path::append(full, path);
    instances.push_back(
        {path.str(), [full = std::string(full)] { return readCsvFile(full); }});
  }
  return instances;
}

double millisSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(
             std::chrono::steady_clock::now() - start)
      .count();
}

/// Prints `error` and returns the exit code of a failed run.
int fail(llvm::Error error) {
  llvm::errs() << "usmp-bench: " << toString(std::move(error)) << "\n";
  return 1;
}

llvm::Error noInstance(llvm::StringRef options) {
  return llvm::createStringError("no instance selected (see " + options + ")");
}

uint64_t peakRssMiB() {
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

/// MiniMalloc's task: every challenging instance into 1048576 bytes.
int runChallenge() {
  constexpr uint64_t capacity = 1048576;
  if (noFiles || !scaling.empty() || !randomSizes.empty())
    return fail(llvm::createStringError(
        "--challenge runs the shared instance files alone; it takes no "
        "--no-files, --scaling or --random"));
  llvm::Expected<std::vector<Instance>> instances = fileInstances();
  if (!instances)
    return fail(instances.takeError());
  if (!atLowerBound)
    llvm::erase_if(*instances, [](const Instance &instance) {
      return !llvm::StringRef(instance.name).contains(".1048576.");
    });
  if (instances->empty())
    return fail(noInstance("--instances and --at-lower-bound"));
  llvm::outs() << llvm::formatv("{0,-28} {1,7} {2,9} {3,9} {4,11} {5,10} {6}\n",
                                "instance", "buffers", "lower", "size", "nodes",
                                "time ms", "result");
  double total = 0;
  unsigned solved = 0, runs = 0;
  for (Instance &instance : *instances) {
    llvm::Expected<Problem> problem = instance.load();
    if (!problem)
      return fail(problem.takeError());
    if (atLowerBound && problem->buffers.size() > exactMaxBuffers)
      continue;
    uint64_t lower = computeLowerBounds(*problem).total;
    problem->pools[0].sizeHint = atLowerBound ? lower : capacity;
    PlanOptions options;
    options.timeLimitMs = timeLimitMs;
    options.nodeLimit = nodeLimit;
    if (!timeLimitMs && !nodeLimit)
      options.nodeLimit = ~uint64_t(0) >> 1;
    ExactOptions exactOptions;
    exactOptions.minimize = minimizeChallenge;
    ExactStats stats;
    auto start = std::chrono::steady_clock::now();
    llvm::Expected<Plan> plan =
        planExact(*problem, options, exactOptions, &stats);
    double ms = millisSince(start);
    total += ms;
    ++runs;
    std::string result, size = "-";
    if (!plan) {
      result = "no fit: " + toString(plan.takeError());
    } else if (llvm::Error error = verifyPlan(*problem, *plan)) {
      result = "INVALID: " + toString(std::move(error));
    } else {
      ++solved;
      size = std::to_string(plan->poolSizes[0]);
      result = plan->provenOptimal ? "fits, optimal" : "fits";
    }
    llvm::outs() << llvm::formatv(
        "{0,-28} {1,7} {2,9} {3,9} {4,11} {5,10:F1} {6}\n", instance.name,
        problem->buffers.size(), lower, size, stats.nodes, ms, result);
    llvm::outs().flush();
  }
  if (!runs)
    return fail(noInstance("--exact-max-buffers"));
  llvm::outs() << llvm::formatv("total: {0} of {1} fit, {2:F1} ms\n", solved,
                                runs, total);
  return solved == runs ? 0 : 1;
}

/// One row per instance and algorithm.
int runTable() {
  std::vector<std::string> algorithms(algorithmList.begin(),
                                      algorithmList.end());
  if (algorithms.empty())
    algorithms = getAlgorithmNames();
  for (const std::string &name : algorithms)
    if (llvm::Expected<std::unique_ptr<Algorithm>> algorithm =
            createAlgorithm(name);
        !algorithm)
      return fail(algorithm.takeError());
  std::vector<Instance> instances;
  if (!noFiles) {
    llvm::Expected<std::vector<Instance>> files = fileInstances();
    if (!files)
      return fail(files.takeError());
    instances = std::move(*files);
  }
  for (uint64_t n : scaling) {
    std::string name = "generated/" + std::to_string(n);
    if (selected(name) || instanceFilter.empty())
      instances.push_back(
          {name, [n]() -> llvm::Expected<Problem> { return generate(n); }});
  }
  for (uint64_t n : randomSizes) {
    std::string name = "random/" + std::to_string(n);
    if (selected(name) || instanceFilter.empty())
      instances.push_back({name, [n]() -> llvm::Expected<Problem> {
                             return generateRandom(n);
                           }});
  }
  if (instances.empty())
    return fail(noInstance("--instances, --no-files, --scaling and --random"));
  llvm::outs() << llvm::formatv(
      "{0,-36} {1,8} {2,13} {3,-20} {4,13} {5,8} {6,10} {7}\n", "instance",
      "buffers", "lower", "algorithm", "size", "gap %", "time ms", "notes");
  bool allValid = true;
  for (Instance &instance : instances) {
    llvm::Expected<Problem> problem = instance.load();
    if (!problem)
      return fail(problem.takeError());
    uint64_t lower = computeLowerBounds(*problem).total;
    for (const std::string &name : algorithms) {
      auto row = [&](llvm::StringRef size, llvm::StringRef gap, double ms,
                     llvm::StringRef notes) {
        llvm::outs() << llvm::formatv(
            "{0,-36} {1,8} {2,13} {3,-20} {4,13} {5,8} {6,10:F1} {7}\n",
            instance.name, problem->buffers.size(), lower, name, size, gap, ms,
            notes);
        llvm::outs().flush();
      };
      if (name == "exact" && problem->buffers.size() > exactMaxBuffers) {
        row("-", "-", 0, "skipped (--exact-max-buffers)");
        continue;
      }
      // TVM's greedy rules keep a skyline on interval-only problems
      // (O(n log n)); only explicit conflict lists make them walk the graph.
      bool buildsGraph =
          name == "hill-climb" ||
          (!problem->isIntervalOnly() &&
           (name == "greedy-by-size" || name == "greedy-by-conflicts"));
      if (buildsGraph && problem->buffers.size() > graphMaxBuffers) {
        row("-", "-", 0, "skipped (--graph-max-buffers)");
        continue;
      }
      llvm::Expected<std::unique_ptr<Algorithm>> algorithm =
          createAlgorithm(name);
      if (!algorithm)
        return fail(algorithm.takeError());
      PlanOptions options;
      options.timeLimitMs = timeLimitMs;
      options.nodeLimit = nodeLimit;
      // With a node limit the exact search runs on it alone: deterministic.
      if (name == "exact" && nodeLimit)
        options.timeLimitMs = 0;
      auto start = std::chrono::steady_clock::now();
      llvm::Expected<Plan> plan = (*algorithm)->plan(*problem, options);
      double ms = millisSince(start);
      if (!plan) {
        row("-", "-", ms, "failed: " + toString(plan.takeError()));
        continue;
      }
      std::string notes = plan->provenOptimal ? "optimal" : "";
      if (llvm::Error error = verifyPlan(*problem, *plan)) {
        notes = "INVALID: " + toString(std::move(error));
        allValid = false;
      }
      if (problem->buffers.size() >= 100000)
        notes += (notes.empty() ? "" : ", ") + std::string("peak RSS ") +
                 std::to_string(peakRssMiB()) + " MiB";
      uint64_t size = totalSize(*plan);
      row(std::to_string(size),
          llvm::formatv("{0:F2}", gapPercent(size, lower)).str(), ms, notes);
    }
  }
  return allValid ? 0 : 1;
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(category);
  cl::SetVersionPrinter([](llvm::raw_ostream &os) {
    os << "usmp-bench " << USMP_VERSION << "\n";
  });
  cl::ParseCommandLineOptions(argc, argv, "usmp planner benchmark\n");
  return challenge ? runChallenge() : runTable();
}
