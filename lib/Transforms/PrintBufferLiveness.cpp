//===- PrintBufferLiveness.cpp - Print the buffer liveness analysis -------===//

#include "usmp/Analysis/BufferLiveness.h"
#include "usmp/Transforms/Passes.h"

namespace usmp {
#define GEN_PASS_DEF_PRINTBUFFERLIVENESSPASS
#include "usmp/Transforms/Passes.h.inc"
} // namespace usmp

using namespace mlir;
using namespace usmp;

namespace {

struct PrintBufferLivenessPass
    : public usmp::impl::PrintBufferLivenessPassBase<PrintBufferLivenessPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    FailureOr<func::FuncOp> entryFunc = findEntryFunction(module, entry);
    if (failed(entryFunc) || failed(verifyAlignmentOption(module, alignment)))
      return signalPassFailure();
    FailureOr<BufferLiveness> liveness =
        BufferLiveness::compute(*entryFunc, alignment);
    if (failed(liveness))
      return signalPassFailure();
    for (const PlannableBuffer &buffer : liveness->getBuffers()) {
      InFlightDiagnostic remark = buffer.op->emitRemark();
      remark << "buffer '" << buffer.name << "' size " << buffer.size
             << " alignment " << buffer.alignment << " live";
      for (const LiveInterval &live : buffer.live)
        remark << " [" << live.start << ", " << live.end << "]";
    }
    for (const UnplannedBuffer &buffer : liveness->getUnplanned())
      buffer.op->emitRemark() << "buffer not planned: " << buffer.reason;
  }
};

} // namespace
