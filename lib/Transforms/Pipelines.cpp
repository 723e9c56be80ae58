//===- Pipelines.cpp - usmp-pipeline and usmp-from-tosa -------------------===//

#include "usmp/Transforms/Passes.h"

#include "mlir/Conversion/TosaToArith/TosaToArith.h"
#include "mlir/Conversion/TosaToLinalg/TosaToLinalg.h"
#include "mlir/Conversion/TosaToSCF/TosaToSCF.h"
#include "mlir/Conversion/TosaToTensor/TosaToTensor.h"
#include "mlir/Dialect/Bufferization/Transforms/OneShotAnalysis.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Tosa/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

void usmp::buildUSMPPipeline(OpPassManager &pm,
                             const PipelineOptions &options) {
  FoldWorkspaceIOPassOptions fold;
  fold.entry = options.entry;
  fold.all = options.useWorkspaceIO;
  fold.names.assign(options.workspaceIO.begin(), options.workspaceIO.end());
  pm.addPass(createFoldWorkspaceIOPass(fold));

  AssignPoolsPassOptions assign;
  assign.entry = options.entry;
  assign.pools.assign(options.pools.begin(), options.pools.end());
  assign.alignment = options.alignment;
  assign.target = options.target;
  pm.addPass(createAssignPoolsPass(assign));

  PlanBuffersPassOptions plan;
  plan.entry = options.entry;
  plan.algorithm = options.algorithm;
  plan.alignment = options.alignment;
  plan.report = options.report;
  plan.timeLimitMs = options.timeLimitMs;
  plan.seed = options.seed;
  pm.addPass(createPlanBuffersPass(plan));

  pm.addPass(createConvertToPoolViewsPass());

  VerifyPlanPassOptions verify;
  verify.entry = options.entry;
  pm.addPass(createVerifyPlanPass(verify));

  if (!options.modelName.empty()) {
    SetModelNamePassOptions name;
    name.modelName = options.modelName;
    pm.addPass(createSetModelNamePass(name));
  }
}

void usmp::buildFromTosaPipeline(OpPassManager &pm,
                                 const FromTosaOptions &options) {
  pm.addPass(createInlineResourcesPass());
  // Before usmp-mark-io, which refuses the state it leaves.
  pm.addPass(createLowerVariablesPass());
  MarkIOPassOptions mark;
  mark.entry = options.entry;
  pm.addPass(createMarkIOPass(mark));
  OpPassManager &function = pm.nest<func::FuncOp>();
  // tosa.transpose_conv2d has no lowering of its own: it becomes a conv2d
  // (as in upstream's TOSA-to-linalg pipeline).
  function.addPass(tosa::createTosaOptionalDecompositionsPass());
  // Control flow and tosa.scatter become scf loops and conditions.
  function.addPass(createTosaToSCFPass());
  function.addPass(tosa::createTosaToLinalgNamed());
  function.addPass(tosa::createTosaToLinalg());
  // tosa.rescale, the requantization of every int8 model, leaves
  // tosa.apply_scale, which only this option lowers (on i64, which C has).
  TosaToArithPassOptions arith;
  arith.includeApplyRescale = true;
  function.addPass(createTosaToArithPass(arith));
  function.addPass(createTosaToTensorPass());

  bufferization::OneShotBufferizePassOptions bufferize;
  bufferize.bufferizeFunctionBoundaries = true;
  bufferize.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  // No alignment of its own (upstream asks for 64): the buffers get the
  // planner's `alignment` option, which the pools it declares meet.
  bufferize.bufferAlignment = 0;
  // A loop whose body yields a new tensor (tosa.while_loop's do, say) gets a
  // new buffer, which the next pass turns into copies; without the option,
  // bufferization fails with an error about equivalence.
  bufferize.allowReturnAllocsFromLoops = true;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferize));
  // It names and orders constants differently from run to run.
  pm.addPass(createOrderConstantsPass());
  // tosa.cond_if and tosa.while_loop on tensors yield buffers, which C
  // cannot assign.
  pm.addNestedPass<func::FuncOp>(createCopyYieldedBuffersPass());
  // Bufferization may return one buffer twice, which the next pass crashes
  // on.
  pm.addNestedPass<func::FuncOp>(createCopyRepeatedResultsPass());

  bufferization::BufferResultsToOutParamsPassOptions outParams;
  outParams.hoistStaticAllocs = true;
  outParams.modifyPublicFunctions = true;
  pm.addPass(bufferization::createBufferResultsToOutParamsPass(outParams));
  // Upstream's fold of a float comparison between an integer converted to
  // float and a constant crashes on the always-true and always-false
  // predicates (MLIR 22); the C lowering folds those itself.
  pm.addPass(
      createCanonicalizerPass(GreedyRewriteConfig(),
                              /*disabledPatterns=*/{"CmpFIntToFPConst"}));
  // Reads of a model's state that end before its write need no copy.
  pm.addPass(createForwardGlobalCopiesPass());
  // C has no array viewing another with a different shape.
  pm.addPass(createCopyReshapedArgumentsPass());
  // int16 convolutions accumulate on i48.
  pm.addPass(createWidenIntegersPass());
}

void usmp::registerUSMPPipelines() {
  PassPipelineRegistration<PipelineOptions>(
      "usmp-pipeline",
      "Plan every buffer into pools: assign pools, plan, rewrite into pool "
      "views, verify",
      buildUSMPPipeline);
  PassPipelineRegistration<FromTosaOptions>(
      "usmp-from-tosa",
      "Bring a TOSA model to the usmp input contract: TOSA to linalg, one-shot "
      "bufferization at function boundaries, results to out-parameters",
      buildFromTosaPipeline);
}
