//===- main.cpp - An out-of-tree compiler embedding usmp ------------------===//
//
// Registers the usmp dialect and passes beside upstream ones and a planning
// algorithm of its own, then plans a small module with `usmp-pipeline`, once
// with a built-in algorithm and once with its own selected by name, and
// prints each pool's planned size; then lowers it to C. Exits non-zero when
// a result is not the expected one.
//
//===----------------------------------------------------------------------===//

#include "usmp/Dialect/USMP/USMPOps.h"
#include "usmp/InitAllUSMP.h"
#include "usmp/Planner/Algorithm.h"

#include "mlir/Dialect/EmitC/IR/EmitC.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <atomic>
#include <optional>
#include <string>

using namespace usmp::planner;

namespace {

std::atomic<unsigned> bumpRuns{0};

/// Places every buffer after the previous one in its first candidate pool,
/// whatever the live ranges: the simplest valid plan, easy to recognize.
class BumpAlgorithm : public Algorithm {
public:
  llvm::StringRef getName() const override { return "consumer-bump"; }

  llvm::Expected<Plan> planFinalized(const Problem &problem,
                                     const PlanOptions &) const override {
    ++bumpRuns;
    Plan plan;
    plan.algorithm = getName().str();
    plan.poolSizes.assign(problem.pools.size(), 0);
    for (unsigned b = 0, e = problem.buffers.size(); b != e; ++b) {
      const Buffer &buffer = problem.buffers[b];
      unsigned pool = problem.candidates(b).front();
      uint64_t alignment =
          std::max(buffer.alignment, problem.pools[pool].alignment);
      uint64_t offset = llvm::alignTo(plan.poolSizes[pool], alignment);
      std::optional<uint64_t> capacity = problem.pools[pool].sizeHint;
      if (capacity && (offset > *capacity || buffer.size > *capacity - offset))
        return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                       "buffer '" + buffer.name +
                                           "' does not fit in pool '" +
                                           problem.pools[pool].name + "'");
      plan.placements.push_back({pool, offset});
      plan.poolSizes[pool] = offset + buffer.size;
    }
    return plan;
  }
};

// Three 64-byte buffers in a chain: a and c are never live together.
constexpr const char *kModule = R"mlir(
func.func @main(%in: memref<16xf32>, %out: memref<16xf32>) {
  %a = memref.alloc() : memref<16xf32>
  %b = memref.alloc() : memref<16xf32>
  %c = memref.alloc() : memref<16xf32>
  memref.copy %in, %a : memref<16xf32> to memref<16xf32>
  memref.copy %a, %b : memref<16xf32> to memref<16xf32>
  memref.copy %b, %c : memref<16xf32> to memref<16xf32>
  memref.copy %c, %out : memref<16xf32> to memref<16xf32>
  return
}
)mlir";

/// Plans kModule with `algorithm` and returns the planned size of its one
/// pool, printing every pool; none when parsing or the pipeline fails.
std::optional<uint64_t> planWith(mlir::MLIRContext &context,
                                 llvm::StringRef algorithm) {
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::parseSourceString<mlir::ModuleOp>(kModule, &context);
  if (!module)
    return std::nullopt;

  // An upstream pass and ours in one textual pipeline on the module.
  std::string pipeline =
      ("cse,usmp-pipeline{algorithm=" + algorithm + "}").str();
  auto pm = mlir::PassManager::on<mlir::ModuleOp>(&context);
  if (mlir::failed(mlir::parsePassPipeline(pipeline, pm, llvm::errs())) ||
      mlir::failed(pm.run(*module)))
    return std::nullopt;

  std::optional<uint64_t> size;
  module->walk([&](usmp::PoolOp pool) {
    llvm::outs() << algorithm << ": pool @" << pool.getSymName()
                 << " planned_size " << pool.getPlannedSize().value_or(0)
                 << '\n';
    size = pool.getPlannedSize();
  });
  return size;
}

/// Plans kModule and lowers it to C; returns the number of files made.
/// The registry has the dialects alone: the lowering brings the upstream
/// conversions to EmitC it needs.
unsigned lowerToC(mlir::MLIRContext &context) {
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::parseSourceString<mlir::ModuleOp>(kModule, &context);
  auto pm = mlir::PassManager::on<mlir::ModuleOp>(&context);
  if (!module ||
      mlir::failed(mlir::parsePassPipeline(
          "usmp-pipeline,convert-usmp-to-emitc", pm, llvm::errs())) ||
      mlir::failed(pm.run(*module)))
    return 0;
  unsigned files = 0;
  module->walk([&](mlir::emitc::FileOp file) {
    llvm::outs() << "C file " << file.getId() << '\n';
    ++files;
  });
  return files;
}

} // namespace

int main() {
  mlir::DialectRegistry registry;
  registry.insert<mlir::func::FuncDialect, mlir::memref::MemRefDialect,
                  mlir::arith::ArithDialect>();
  usmp::registerAllUSMPDialects(registry);
  mlir::registerTransformsPasses();
  usmp::registerAllUSMPPasses();
  registerAlgorithm("consumer-bump",
                    [] { return std::make_unique<BumpAlgorithm>(); });

  mlir::MLIRContext context(registry);
  context.loadAllAvailableDialects();

  bool ok = true;
  // a and c share bytes: 2 * 64.
  ok &= planWith(context, "greedy-by-size") == std::optional<uint64_t>(128);
  ok &= bumpRuns == 0;
  // One after another: 3 * 64, and the pipeline ran our algorithm once.
  ok &= planWith(context, "consumer-bump") == std::optional<uint64_t>(192);
  ok &= bumpRuns == 1;
  // An unknown name fails the pipeline; the diagnostic lists ours.
  ok &= !planWith(context, "no-such-algorithm");
  // The header and the source.
  ok &= lowerToC(context) == 2;

  llvm::outs() << (ok ? "consumer: ok" : "consumer: FAILED") << '\n';
  return ok ? 0 : 1;
}
