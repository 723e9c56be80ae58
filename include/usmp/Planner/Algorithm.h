//===- Algorithm.h - Planning algorithms and their registry -----*- C++ -*-===//
//
// Every planning algorithm implements `Algorithm` and is registered by name,
// so tools and passes select one with a string and users can add their own.
//
//===----------------------------------------------------------------------===//

#ifndef USMP_PLANNER_ALGORITHM_H
#define USMP_PLANNER_ALGORITHM_H

#include "usmp/Planner/Problem.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace usmp::planner {

/// Knobs shared by all algorithms; each uses what applies to it.
struct PlanOptions {
  /// Seed of randomized algorithms (hill-climb, portfolio restarts).
  uint64_t seed = 0;
  /// Wall-clock budget for searching algorithms, 0 for their default.
  uint64_t timeLimitMs = 0;
  /// Node budget of the exact search, 0 for unlimited (time limit only).
  uint64_t nodeLimit = 0;
};

/// The time `timeLimitMs` from now; limits beyond a century mean a century,
/// so the clock arithmetic cannot overflow.
std::chrono::steady_clock::time_point deadlineAfter(uint64_t timeLimitMs);

class Algorithm {
public:
  virtual ~Algorithm() = default;
  /// The registered name, e.g. "greedy-by-size".
  virtual llvm::StringRef getName() const = 0;
  /// Plans `problem`, which must be finalized (else it fails saying so).
  /// Fails (with a message naming the buffer, its size and what each
  /// candidate pool had left) when a buffer fits nowhere.
  llvm::Expected<Plan> plan(const Problem &problem,
                            const PlanOptions &options) const;

protected:
  /// The algorithm itself: `plan` on a finalized problem.
  virtual llvm::Expected<Plan>
  planFinalized(const Problem &problem, const PlanOptions &options) const = 0;
};

using AlgorithmFactory = std::function<std::unique_ptr<Algorithm>()>;

/// Registers an algorithm under `name`; a later registration under the same
/// name replaces the earlier one. A name is ASCII letters, digits, '-', '_'
/// and '.', as pipeline options and lists of names carry it; any other name
/// is a fatal error (a bug of the registering code, as for LLVM's options).
void registerAlgorithm(llvm::StringRef name, AlgorithmFactory factory);

/// Creates the algorithm registered under `name`, or fails listing the
/// registered names.
llvm::Expected<std::unique_ptr<Algorithm>>
createAlgorithm(llvm::StringRef name);

/// The registered names, sorted.
std::vector<std::string> getAlgorithmNames();

} // namespace usmp::planner

#endif // USMP_PLANNER_ALGORITHM_H
