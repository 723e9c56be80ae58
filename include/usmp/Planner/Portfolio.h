//===- Portfolio.h - The default `auto` planner -----------------*- C++ -*-===//
//
// `auto` runs every interval heuristic (best-fit, first-fit-by-size,
// start-best-fit, best-fit-by-duration), keeps the smallest layout, tries
// more placement orders and then improves the best order by local search
// within a budget; on small problems it also runs TVM's greedy algorithms
// and, with most of the budget, the `exact` search when registered. The
// budget is counted in work units of the placement engine and search nodes,
// never in wall-clock time, so the same input always gives the same plan.
// See docs/Planner.md.
//
//===----------------------------------------------------------------------===//

#ifndef USMP_PLANNER_PORTFOLIO_H
#define USMP_PLANNER_PORTFOLIO_H

#include "usmp/Planner/Algorithm.h"

#include <cstdint>
#include <memory>

namespace usmp::planner {

/// Budget of `auto` when `PlanOptions::timeLimitMs` is 0.
constexpr uint64_t kDefaultPortfolioBudgetMs = 1000;

std::unique_ptr<Algorithm> createPortfolio();

} // namespace usmp::planner

#endif // USMP_PLANNER_PORTFOLIO_H
