//===- USMPDialect.td - The usmp dialect -------------------*- tablegen -*-===//
//
// Unified Static Memory Planning: memory pools, buffer placements in them and
// model I/O that lives inside pools.
//
//===----------------------------------------------------------------------===//

#ifndef USMP_DIALECT_USMP_USMPDIALECT_TD
#define USMP_DIALECT_USMP_USMPDIALECT_TD

include "mlir/IR/OpBase.td"

def USMP_Dialect : Dialect {
  let name = "usmp";
  let cppNamespace = "::usmp";
  let summary = "Unified static memory planning into workspace and constant pools";
  let description = [{
    The `usmp` dialect models the memory areas an embedded application owns
    ("pools"), where the static memory planner placed each buffer inside them,
    and which pool allocations stand for the model's inputs and outputs.

    Pools are module-level symbols (`usmp.pool`). A planned buffer carries the
    discardable attribute `usmp.placement = #usmp.placement<@pool, offset = N>`
    and a pool allocation that aliases a model input or output carries
    `usmp.io = #usmp.io<input "name", index = N>`. The dialect verifies both
    against the pools they name.
  }];
  let useDefaultAttributePrinterParser = 1;
  let hasOperationAttrVerify = 1;
  let extraClassDeclaration = [{
    void registerAttributes();

    /// Name of the discardable attribute that places a buffer in a pool.
    static constexpr ::llvm::StringLiteral getPlacementAttrName() {
      return ::llvm::StringLiteral("usmp.placement");
    }
    /// Name of the discardable attribute that marks a pool allocation as a
    /// model input or output.
    static constexpr ::llvm::StringLiteral getIOAttrName() {
      return ::llvm::StringLiteral("usmp.io");
    }
  }];
}

class USMP_Op<string mnemonic, list<Trait> traits = []>
    : Op<USMP_Dialect, mnemonic, traits>;

#endif // USMP_DIALECT_USMP_USMPDIALECT_TD
