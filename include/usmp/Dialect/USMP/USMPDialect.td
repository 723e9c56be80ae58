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

    Pools are module-level symbols (`usmp.pool`). Discardable attributes tie
    buffers to them, and the dialect verifies each against the pools it names:

    - `usmp.pools = [@dtcm, @sram]` on an allocation (`memref.alloc` or
      `memref.alloca`) or a constant `memref.global`: its candidate pools in
      preference order;
    - `usmp.placement = #usmp.placement<@pool, offset = N>`: where the planner
      placed it (also on the `memref.view` it becomes);
    - `usmp.io = #usmp.io<input "name", index = N>` on a pool allocation: the
      model input or output it holds;
    - `usmp.pool = @name` on a function argument: the argument is that pool's
      bytes (`memref<Nxi8>` of signless i8 in the default memory space),
      after planned buffers became views of pools; it carries no `usmp.io`
      or `usmp.workspace_io`;
    - `usmp.io = #usmp.io<...>` on an entry function's argument or result:
      the model input or output it is, before workspace I/O folding (a
      result is an output);
    - `usmp.workspace_io` (a unit attribute) on an entry function's memref
      or tensor argument: fold this input or output into a pool (selective
      workspace I/O).
  }];
  let useDefaultAttributePrinterParser = 1;
  let hasOperationAttrVerify = 1;
  let hasRegionArgAttrVerify = 1;
  let hasRegionResultAttrVerify = 1;
  let extraClassDeclaration = [{
    void registerAttributes();

    /// Name of the discardable attribute that places a buffer in a pool.
    static constexpr ::llvm::StringLiteral getPlacementAttrName() {
      return ::llvm::StringLiteral("usmp.placement");
    }
    /// Name of the discardable attribute listing a buffer's candidate pools
    /// in preference order.
    static constexpr ::llvm::StringLiteral getPoolsAttrName() {
      return ::llvm::StringLiteral("usmp.pools");
    }
    /// Name of the argument attribute marking a function argument as a pool.
    static constexpr ::llvm::StringLiteral getPoolArgAttrName() {
      return ::llvm::StringLiteral("usmp.pool");
    }
    /// Name of the discardable attribute that marks a pool allocation as a
    /// model input or output.
    static constexpr ::llvm::StringLiteral getIOAttrName() {
      return ::llvm::StringLiteral("usmp.io");
    }
    /// Name of the unit argument attribute selecting an I/O argument for
    /// workspace I/O.
    static constexpr ::llvm::StringLiteral getWorkspaceIOAttrName() {
      return ::llvm::StringLiteral("usmp.workspace_io");
    }
  }];
}

class USMP_Op<string mnemonic, list<Trait> traits = []>
    : Op<USMP_Dialect, mnemonic, traits>;

#endif // USMP_DIALECT_USMP_USMPDIALECT_TD
