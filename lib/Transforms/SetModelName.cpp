//===- SetModelName.cpp - Record the model's name for the C API -----------===//

#include "usmp/Transforms/Passes.h"

namespace usmp {
#define GEN_PASS_DEF_SETMODELNAMEPASS
#include "usmp/Transforms/Passes.h.inc"
} // namespace usmp

using namespace mlir;

namespace {

struct SetModelNamePass
    : public usmp::impl::SetModelNamePassBase<SetModelNamePass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (modelName.empty())
      module->removeAttr(kAttrName);
    else
      module->setAttr(kAttrName, StringAttr::get(&getContext(), modelName));
  }

  static constexpr StringLiteral kAttrName = "usmp.model_name";
};

} // namespace
