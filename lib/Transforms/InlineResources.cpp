//===- InlineResources.cpp - Read constants out of resource blobs ---------===//

#include "usmp/Dialect/USMP/USMPUtils.h"
#include "usmp/Transforms/Passes.h"

namespace usmp {
#define GEN_PASS_DEF_INLINERESOURCESPASS
#include "usmp/Transforms/Passes.h.inc"
} // namespace usmp

using namespace mlir;

namespace {

struct InlineResourcesPass
    : public usmp::impl::InlineResourcesPassBase<InlineResourcesPass> {
  void runOnOperation() override {
    if (failed(usmp::inlineResourceElements(getOperation())))
      signalPassFailure();
  }
};

} // namespace
