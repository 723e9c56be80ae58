//===- GreedyBySize.cpp - TVM's greedy-by-size algorithm ------------------===//
//
// Largest buffers first, each placed right above its highest already placed
// conflicting buffer in the first candidate pool with room (TVM's offset
// rule, which never fills holes).
//
//===----------------------------------------------------------------------===//

#include "usmp/Planner/FirstFit.h"
#include "usmp/Planner/TVMAlgorithms.h"

#include "llvm/ADT/STLExtras.h"

using namespace usmp::planner;

std::vector<unsigned> usmp::planner::orderByTVMKeys(const Problem &problem,
                                                    bool conflictsFirst) {
  std::vector<unsigned> degrees = problem.conflictDegrees();
  // Dense keys: on large problems comparing through the buffers would miss
  // the cache at every step. `prefix` holds a name's first eight bytes
  // big-endian (zero-padded), which orders names like their bytes do; only
  // names that share them are compared whole.
  struct Key {
    uint64_t first;
    uint64_t second;
    uint64_t prefix;
    unsigned index;
  };
  std::vector<Key> keys;
  keys.reserve(problem.buffers.size());
  for (auto [index, buffer] : llvm::enumerate(problem.buffers)) {
    uint64_t prefix = 0;
    for (size_t i = 0; i < 8; ++i)
      prefix =
          prefix << 8 | (i < buffer.name.size() ? uint8_t(buffer.name[i]) : 0);
    keys.push_back(
        conflictsFirst
            ? Key{degrees[index], buffer.size, prefix, unsigned(index)}
            : Key{buffer.size, degrees[index], prefix, unsigned(index)});
  }
  llvm::sort(keys, [&](const Key &x, const Key &y) {
    // Descending in both keys and in name; ascending in index.
    if (x.first != y.first)
      return x.first > y.first;
    if (x.second != y.second)
      return x.second > y.second;
    if (x.prefix != y.prefix)
      return x.prefix > y.prefix;
    llvm::StringRef nameX = problem.buffers[x.index].name;
    llvm::StringRef nameY = problem.buffers[y.index].name;
    if (nameX != nameY)
      return nameX > nameY;
    return x.index < y.index;
  });
  std::vector<unsigned> order;
  order.reserve(keys.size());
  for (const Key &key : keys)
    order.push_back(key.index);
  return order;
}

std::vector<unsigned> usmp::planner::orderBySize(const Problem &problem) {
  return orderByTVMKeys(problem, /*conflictsFirst=*/false);
}

namespace {
class GreedyBySize final : public Algorithm {
public:
  llvm::StringRef getName() const override { return "greedy-by-size"; }
  llvm::Expected<Plan> planFinalized(const Problem &problem,
                                     const PlanOptions &) const override {
    return placeInOrder(problem, orderBySize(problem),
                        OffsetRule::AboveConflicts, getName());
  }
};
} // namespace

std::unique_ptr<Algorithm> usmp::planner::createGreedyBySize() {
  return std::make_unique<GreedyBySize>();
}
