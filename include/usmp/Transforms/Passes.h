//===- Passes.h - usmp passes and pipelines ---------------------*- C++ -*-===//

#ifndef USMP_TRANSFORMS_PASSES_H
#define USMP_TRANSFORMS_PASSES_H

#include "usmp/Dialect/USMP/USMPDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassOptions.h"

namespace usmp {

#define GEN_PASS_DECL
#include "usmp/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "usmp/Transforms/Passes.h.inc"

/// Options of the `usmp-pipeline` pass pipeline.
struct PipelineOptions : public mlir::PassPipelineOptions<PipelineOptions> {
  Option<std::string> algorithm{*this, "algorithm",
                                llvm::cl::desc("Planning algorithm"),
                                llvm::cl::init("auto")};
  ListOption<std::string> pools{
      *this, "pools",
      llvm::cl::desc("Pools to declare (see usmp-assign-pools)")};
  Option<std::string> entry{*this, "entry", llvm::cl::desc("Entry function"),
                            llvm::cl::init("")};
  Option<uint64_t> alignment{
      *this, "alignment",
      llvm::cl::desc("Default alignment of buffers and created pools (a "
                     "power of two up to 2^62)"),
      llvm::cl::init(16)};
  Option<std::string> target{
      *this, "target",
      llvm::cl::desc("The target whose access rights filter the candidate "
                     "pools (see usmp-assign-pools)"),
      llvm::cl::init("c")};
  Option<bool> useWorkspaceIO{
      *this, "use-workspace-io",
      llvm::cl::desc("Place every model input and output in a pool"),
      llvm::cl::init(false)};
  ListOption<std::string> workspaceIO{
      *this, "workspace-io",
      llvm::cl::desc("Place the inputs and outputs with these names in a "
                     "pool (selective workspace I/O)")};
  Option<std::string> modelName{
      *this, "model-name",
      llvm::cl::desc("The model's name in the C API (tvmgen_<name>)"),
      llvm::cl::init("")};
  Option<std::string> report{*this, "report",
                             llvm::cl::desc("Write a JSON plan report here "
                                            "({module}: the module's name)"),
                             llvm::cl::init("")};
  Option<uint64_t> timeLimitMs{
      *this, "time-limit-ms",
      llvm::cl::desc("Time budget of searching algorithms (0: their default)"),
      llvm::cl::init(0)};
  Option<uint64_t> seed{*this, "seed",
                        llvm::cl::desc("Seed of randomized algorithms"),
                        llvm::cl::init(0)};
};

/// Options of the `usmp-from-tosa` pass pipeline.
struct FromTosaOptions : public mlir::PassPipelineOptions<FromTosaOptions> {
  Option<std::string> entry{
      *this, "entry",
      llvm::cl::desc("Entry function, whose inputs and outputs are named "
                     "(default: the single public function, else @main, else "
                     "the one uncalled function marking inputs or outputs)"),
      llvm::cl::init("")};
};

/// Adds the usmp pipeline (fold workspace I/O, assign pools, plan, convert to
/// pool views, verify) to `pm`.
void buildUSMPPipeline(mlir::OpPassManager &pm, const PipelineOptions &options);

/// Adds the front end from TOSA to the planner's input contract to `pm`,
/// naming the entry function's inputs and outputs first.
void buildFromTosaPipeline(mlir::OpPassManager &pm,
                           const FromTosaOptions &options);

/// Registers `usmp-pipeline` and `usmp-from-tosa`.
void registerUSMPPipelines();

} // namespace usmp

#endif // USMP_TRANSFORMS_PASSES_H
