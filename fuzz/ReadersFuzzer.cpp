//===- ReadersFuzzer.cpp - libFuzzer target over the planner's readers ----===//
//
// Reads the input as a MiniMalloc CSV problem and as a JSON problem, as
// usmp-plan does; whatever is accepted is finalized, planned, checked by the
// verifier and written back. Rejected input is fine; a crash, a sanitizer
// report or a plan the verifier rejects (abort) is a finding.
//
//===----------------------------------------------------------------------===//

#include "usmp/Planner/Algorithm.h"
#include "usmp/Planner/CSV.h"
#include "usmp/Planner/JSON.h"
#include "usmp/Planner/Verifier.h"

#include "llvm/Support/raw_ostream.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>

using namespace usmp::planner;

/// Plans `problem` and aborts when the planner returns a wrong plan. Returns
/// the plan, or none when the problem or the planning is rejected.
static std::optional<Plan> planAndCheck(Problem &problem) {
  if (llvm::Error error = problem.finalize()) {
    llvm::consumeError(std::move(error));
    return std::nullopt;
  }
  auto algorithm = createAlgorithm("greedy-by-size");
  if (!algorithm) {
    llvm::errs() << llvm::toString(algorithm.takeError()) << '\n';
    abort();
  }
  llvm::Expected<Plan> plan = (*algorithm)->plan(problem, PlanOptions());
  if (!plan) {
    llvm::consumeError(plan.takeError());
    return std::nullopt;
  }
  if (llvm::Error error = verifyPlan(problem, *plan)) {
    llvm::errs() << "invalid plan: " << llvm::toString(std::move(error))
                 << '\n';
    abort();
  }
  return std::move(*plan);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::StringRef text(reinterpret_cast<const char *>(data), size);

  if (llvm::Expected<CsvDocument> csv = readCsv(text)) {
    if (std::optional<Plan> plan = planAndCheck(csv->problem))
      (void)writeCsvPlan(*csv, *plan);
  } else {
    llvm::consumeError(csv.takeError());
  }

  if (llvm::Expected<Problem> json = readJsonProblem(text)) {
    if (std::optional<Plan> plan = planAndCheck(*json))
      (void)writeJsonPlan(*json, *plan, PlanSummary());
  } else {
    llvm::consumeError(json.takeError());
  }
  return 0;
}
