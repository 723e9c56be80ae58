//===- Problem.cpp - Static memory planning problem -----------------------===//

#include "usmp/Planner/Problem.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <numeric>

using namespace usmp::planner;

static llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

llvm::Error Problem::finalize() {
  if (finalized)
    return llvm::Error::success();
  if (pools.empty() && !buffers.empty())
    return makeError("the problem has buffers but no pool");

  llvm::StringMap<unsigned> poolNames;
  for (auto [index, pool] : llvm::enumerate(pools)) {
    if (pool.name.empty())
      return makeError("pool #" + llvm::Twine(index) + " has an empty name");
    if (!poolNames.try_emplace(pool.name, index).second)
      return makeError("duplicate pool name '" + pool.name + "'");
    if (!llvm::isPowerOf2_64(pool.alignment))
      return makeError("pool '" + pool.name + "' has alignment " +
                       llvm::Twine(pool.alignment) +
                       ", which is not a power of two");
  }

  llvm::StringMap<unsigned> bufferNames;
  std::vector<unsigned> allPools(pools.size());
  std::iota(allPools.begin(), allPools.end(), 0u);
  for (auto [index, buffer] : llvm::enumerate(buffers)) {
    if (buffer.name.empty())
      return makeError("buffer #" + llvm::Twine(index) + " has an empty name");
    if (!bufferNames.try_emplace(buffer.name, index).second)
      return makeError("duplicate buffer name '" + buffer.name + "'");
    if (!llvm::isPowerOf2_64(buffer.alignment))
      return makeError("buffer '" + buffer.name + "' has alignment " +
                       llvm::Twine(buffer.alignment) +
                       ", which is not a power of two");
    if (buffer.live && buffer.live->end < buffer.live->start)
      return makeError("buffer '" + buffer.name + "' has live range [" +
                       llvm::Twine(buffer.live->start) + ", " +
                       llvm::Twine(buffer.live->end) + "] that ends before it starts");
    if (buffer.pools.empty())
      buffer.pools = allPools;
    llvm::SmallDenseMap<unsigned, bool> seenPools;
    for (unsigned pool : buffer.pools) {
      if (pool >= pools.size())
        return makeError("buffer '" + buffer.name + "' names pool #" +
                         llvm::Twine(pool) + ", which does not exist");
      if (!seenPools.try_emplace(pool, true).second)
        return makeError("buffer '" + buffer.name + "' lists pool '" +
                         pools[pool].name + "' twice");
    }
    for (unsigned other : buffer.conflicts)
      if (other >= buffers.size())
        return makeError("buffer '" + buffer.name + "' conflicts with buffer #" +
                         llvm::Twine(other) + ", which does not exist");
  }

  // Symmetric adjacency: explicit conflicts from either side, plus interval
  // overlaps found with a sweep over start times (sorted by start, a buffer
  // overlaps every earlier-starting buffer whose end is not before its start).
  adjacency.assign(buffers.size(), {});
  for (auto [index, buffer] : llvm::enumerate(buffers))
    for (unsigned other : buffer.conflicts)
      if (other != index) {
        adjacency[index].push_back(other);
        adjacency[other].push_back(index);
      }

  std::vector<unsigned> byStart;
  for (auto [index, buffer] : llvm::enumerate(buffers))
    if (buffer.live)
      byStart.push_back(index);
  llvm::sort(byStart, [&](unsigned a, unsigned b) {
    return std::make_pair(buffers[a].live->start, a) <
           std::make_pair(buffers[b].live->start, b);
  });
  // Active set ordered by end time; a min-heap would lose determinism of
  // neighbour order, which we sort afterwards anyway.
  std::vector<unsigned> active;
  for (unsigned b : byStart) {
    int64_t start = buffers[b].live->start;
    active.erase(std::remove_if(active.begin(), active.end(),
                                [&](unsigned a) {
                                  return buffers[a].live->end < start;
                                }),
                 active.end());
    for (unsigned a : active) {
      adjacency[a].push_back(b);
      adjacency[b].push_back(a);
    }
    active.push_back(b);
  }

  for (std::vector<unsigned> &list : adjacency) {
    llvm::sort(list);
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
  finalized = true;
  return llvm::Error::success();
}
