//===- Problem.cpp - Static memory planning problem -----------------------===//

#include "usmp/Planner/Problem.h"
#include "usmp/Planner/RadixSort.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>
#include <cassert>
#include <limits>
#include <numeric>

using namespace usmp::planner;

static llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

Problem::Problem(const Problem &other)
    : pools(other.pools), buffers(other.buffers),
      explicitGraph(other.explicitGraph), steps(other.steps),
      numSteps(other.numSteps), intervalOnly(other.intervalOnly),
      finalized(other.finalized), numPools(other.numPools) {
  std::lock_guard<std::mutex> lock(*other.graphMutex);
  fullGraph = other.fullGraph;
  graphBuilt.store(other.graphBuilt.load());
}

Problem::Problem(Problem &&other) noexcept
    : pools(std::move(other.pools)), buffers(std::move(other.buffers)),
      explicitGraph(std::move(other.explicitGraph)),
      steps(std::move(other.steps)), numSteps(other.numSteps),
      intervalOnly(other.intervalOnly), finalized(other.finalized),
      numPools(other.numPools), fullGraph(std::move(other.fullGraph)),
      graphBuilt(other.graphBuilt.load()) {
  other.graphBuilt.store(false);
  other.finalized = false;
}

Problem &Problem::operator=(const Problem &other) {
  if (this != &other) {
    Problem copy(other);
    *this = std::move(copy);
  }
  return *this;
}

Problem &Problem::operator=(Problem &&other) noexcept {
  pools = std::move(other.pools);
  buffers = std::move(other.buffers);
  explicitGraph = std::move(other.explicitGraph);
  steps = std::move(other.steps);
  numSteps = other.numSteps;
  intervalOnly = other.intervalOnly;
  finalized = other.finalized;
  numPools = other.numPools;
  fullGraph = std::move(other.fullGraph);
  graphBuilt.store(other.graphBuilt.load());
  other.graphBuilt.store(false);
  other.finalized = false;
  return *this;
}

/// Turns per-node lists given as (from, to) pairs into a compressed graph with
/// sorted, unique rows. `forEachEdge(emit)` calls `emit(from, to)` for every
/// directed edge and is called twice (count, then fill), so no edge list is
/// ever materialised.
template <typename EdgeFn>
static CompressedGraph buildCompressed(size_t numNodes, EdgeFn forEachEdge) {
  CompressedGraph graph;
  graph.offsets.assign(numNodes + 1, 0);
  forEachEdge([&](unsigned from, unsigned) { ++graph.offsets[from + 1]; });
  for (size_t i = 0; i < numNodes; ++i)
    graph.offsets[i + 1] += graph.offsets[i];
  graph.targets.resize(graph.offsets[numNodes]);
  std::vector<uint64_t> cursor(graph.offsets.begin(), graph.offsets.end() - 1);
  forEachEdge(
      [&](unsigned from, unsigned to) { graph.targets[cursor[from]++] = to; });
  // Sort and deduplicate every row, compacting in place.
  uint64_t write = 0;
  for (size_t i = 0; i < numNodes; ++i) {
    auto begin = graph.targets.begin() + graph.offsets[i];
    auto end = graph.targets.begin() + graph.offsets[i + 1];
    std::sort(begin, end);
    auto last = std::unique(begin, end);
    graph.offsets[i] = write;
    write = std::move(begin, last, graph.targets.begin() + write) -
            graph.targets.begin();
  }
  graph.offsets[numNodes] = write;
  graph.targets.resize(write);
  graph.targets.shrink_to_fit();
  return graph;
}

llvm::Error Problem::finalize() {
  // Checked again on every call: the fields may have changed since.
  finalized = false;
  if (pools.empty() && !buffers.empty())
    return makeError("the problem has buffers but no pool");
  if (buffers.size() >= std::numeric_limits<unsigned>::max())
    return makeError("too many buffers");

  llvm::StringMap<unsigned> poolNames;
  for (auto [index, pool] : llvm::enumerate(pools)) {
    if (pool.name.empty())
      return makeError("pool #" + llvm::Twine(index) + " has an empty name");
    // Names are written into JSON plans, so they must be text.
    if (!llvm::json::isUTF8(pool.name))
      return makeError("the name of pool #" + llvm::Twine(index) +
                       " is not valid UTF-8");
    if (!poolNames.try_emplace(pool.name, index).second)
      return makeError("duplicate pool name '" + pool.name + "'");
    if (!llvm::isPowerOf2_64(pool.alignment))
      return makeError("pool '" + pool.name + "' has alignment " +
                       llvm::Twine(pool.alignment) +
                       ", which is not a power of two");
  }

  std::vector<llvm::StringRef> names;
  names.reserve(buffers.size());
  for (const Buffer &buffer : buffers)
    names.push_back(buffer.name);
  // Reported at the repeat, after the checks of the buffers before it.
  std::optional<std::pair<size_t, size_t>> repeated = findRepeatedName(names);
  std::vector<unsigned> allPools(pools.size());
  std::iota(allPools.begin(), allPools.end(), 0u);
  bool anyExplicit = false;
  intervalOnly = true;
  for (auto [index, buffer] : llvm::enumerate(buffers)) {
    if (buffer.name.empty())
      return makeError("buffer #" + llvm::Twine(index) + " has an empty name");
    if (!llvm::json::isUTF8(buffer.name))
      return makeError("the name of buffer #" + llvm::Twine(index) +
                       " is not valid UTF-8");
    if (repeated && repeated->second == index)
      return makeError("duplicate buffer name '" + buffer.name + "'");
    if (!llvm::isPowerOf2_64(buffer.alignment))
      return makeError("buffer '" + buffer.name + "' has alignment " +
                       llvm::Twine(buffer.alignment) +
                       ", which is not a power of two");
    if (buffer.live && buffer.live->end < buffer.live->start)
      return makeError("buffer '" + buffer.name + "' has live range [" +
                       llvm::Twine(buffer.live->start) + ", " +
                       llvm::Twine(buffer.live->end) +
                       "] that ends before it starts");
    if (buffer.pools.empty())
      buffer.pools = allPools;
    for (auto [position, pool] : llvm::enumerate(buffer.pools)) {
      if (pool >= pools.size())
        return makeError("buffer '" + buffer.name + "' names pool #" +
                         llvm::Twine(pool) + ", which does not exist");
      if (llvm::is_contained(llvm::ArrayRef(buffer.pools).take_front(position),
                             pool))
        return makeError("buffer '" + buffer.name + "' lists pool '" +
                         pools[pool].name + "' twice");
    }
    for (unsigned other : buffer.conflicts)
      if (other >= buffers.size())
        return makeError("buffer '" + buffer.name +
                         "' conflicts with buffer #" + llvm::Twine(other) +
                         ", which does not exist");
    anyExplicit |= !buffer.conflicts.empty();
    intervalOnly &= buffer.live.has_value() && buffer.conflicts.empty();
  }

  explicitGraph = CompressedGraph();
  if (anyExplicit)
    explicitGraph = buildCompressed(buffers.size(), [&](auto emit) {
      for (auto [index, buffer] : llvm::enumerate(buffers))
        for (unsigned other : buffer.conflicts)
          if (other != index) {
            emit(index, other);
            emit(other, index);
          }
    });
  computeSteps();
  fullGraph = CompressedGraph();
  graphBuilt.store(false);
  numPools = pools.size();
  finalized = true;
  return llvm::Error::success();
}

bool Problem::conflict(unsigned a, unsigned b) const {
  const Buffer &x = buffers[a], &y = buffers[b];
  if (x.live && y.live && x.live->overlaps(*y.live))
    return true;
  llvm::ArrayRef<unsigned> row = explicitConflicts(a);
  return std::binary_search(row.begin(), row.end(), b);
}

void Problem::buildConflictGraph() const {
  std::lock_guard<std::mutex> lock(*graphMutex);
  if (graphBuilt.load(std::memory_order_relaxed))
    return;
  std::vector<unsigned> byStart;
  for (auto [index, buffer] : llvm::enumerate(buffers))
    if (buffer.live)
      byStart.push_back(index);
  llvm::sort(byStart, [&](unsigned a, unsigned b) {
    return std::make_pair(buffers[a].live->start, a) <
           std::make_pair(buffers[b].live->start, b);
  });
  fullGraph = buildCompressed(buffers.size(), [&](auto emit) {
    for (unsigned b = 0; b < buffers.size(); ++b)
      for (unsigned other : explicitConflicts(b))
        emit(b, other);
    // Sorted by start, a buffer overlaps every earlier-starting buffer whose
    // end is not before its start. Each step scans only the active set, whose
    // survivors are all neighbours, so the sweep costs O(n + edges).
    std::vector<unsigned> active;
    for (unsigned b : byStart) {
      int64_t start = buffers[b].live->start;
      llvm::erase_if(active,
                     [&](unsigned a) { return buffers[a].live->end < start; });
      for (unsigned a : active) {
        emit(a, b);
        emit(b, a);
      }
      active.push_back(b);
    }
  });
  graphBuilt.store(true, std::memory_order_release);
}

void Problem::computeSteps() {
  std::vector<unsigned> live;
  for (auto [index, buffer] : llvm::enumerate(buffers))
    if (buffer.live)
      live.push_back(index);
  auto byTime = [&](auto time) {
    std::vector<unsigned> order = sortByKeys(live.size(), [&](unsigned i) {
      return std::array<uint64_t, 1>{orderedKey(time(*buffers[live[i]].live))};
    });
    for (unsigned &i : order)
      i = live[i];
    return order;
  };
  std::vector<unsigned> starts =
      byTime([](const Interval &range) { return range.start; });
  std::vector<unsigned> ends =
      byTime([](const Interval &range) { return range.end; });
  auto startOf = [&](size_t i) { return buffers[starts[i]].live->start; };
  steps.assign(buffers.size(), {0, 0});
  numSteps = 0;
  for (size_t i = 0; i < starts.size(); ++i) {
    if (i == 0 || startOf(i) != startOf(i - 1))
      ++numSteps;
    steps[starts[i]].first = numSteps - 1;
  }
  // A live range's own start is a step, so it covers at least one.
  size_t seen = 0;
  unsigned counted = 0;
  for (unsigned b : ends) {
    for (; seen < starts.size() && startOf(seen) <= buffers[b].live->end;
         ++seen)
      if (seen == 0 || startOf(seen) != startOf(seen - 1))
        ++counted;
    steps[b].second = counted - 1;
  }
}

std::vector<unsigned> Problem::conflictDegrees() const {
  std::vector<unsigned> degrees(buffers.size());
  if (!intervalOnly || hasConflictGraph()) {
    for (unsigned b = 0; b < buffers.size(); ++b)
      degrees[b] = neighbours(b).size();
    return degrees;
  }
  // Buffer c overlaps b when start(c) <= end(b) and end(c) >= start(b); the
  // buffers with end(c) < start(b) all have start(c) <= end(b), so the count
  // is #{start <= end(b)} - #{end < start(b)}, minus b itself. In steps:
  // #{firstStep <= lastStep(b)} - #{lastStep < firstStep(b)} - 1.
  std::vector<unsigned> startedBy(numSteps, 0), endedBefore(numSteps + 1, 0);
  for (unsigned b = 0, n = buffers.size(); b < n; ++b) {
    ++startedBy[firstStep(b)];
    ++endedBefore[lastStep(b) + 1];
  }
  for (unsigned step = 1; step < numSteps; ++step) {
    startedBy[step] += startedBy[step - 1];
    endedBefore[step] += endedBefore[step - 1];
  }
  for (unsigned b = 0, n = buffers.size(); b < n; ++b)
    degrees[b] = startedBy[lastStep(b)] - endedBefore[firstStep(b)] - 1;
  return degrees;
}

std::optional<std::pair<size_t, size_t>>
usmp::planner::findRepeatedName(llvm::ArrayRef<llvm::StringRef> names) {
  // Equal names have equal hashes: ordered by hash (half of it, four radix
  // passes; the few collisions are told apart below) then index, each run
  // of one hash holds every occurrence of its names in index order.
  assert(names.size() < std::numeric_limits<unsigned>::max() &&
         "too many names");
  std::vector<uint64_t> hashes;
  hashes.reserve(names.size());
  for (llvm::StringRef name : names)
    hashes.push_back(llvm::xxh3_64bits(name) >> 32);
  std::vector<unsigned> order = sortByKeys(names.size(), [&](unsigned i) {
    return std::array<uint64_t, 1>{hashes[i]};
  });
  std::optional<std::pair<size_t, size_t>> earliest;
  for (size_t begin = 0, end; begin < order.size(); begin = end) {
    for (end = begin + 1;
         end < order.size() && hashes[order[end]] == hashes[order[begin]];
         ++end)
      ;
    for (size_t repeat = begin + 1; repeat < end; ++repeat) {
      size_t index = order[repeat];
      if (earliest && earliest->second < index)
        break;
      for (size_t first = begin; first < repeat; ++first)
        if (names[order[first]] == names[index]) {
          earliest = {order[first], index};
          break;
        }
      if (earliest && earliest->second == index)
        break;
    }
  }
  return earliest;
}
