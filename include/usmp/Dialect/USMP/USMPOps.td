//===- USMPOps.td - usmp operations ------------------------*- tablegen -*-===//

#ifndef USMP_DIALECT_USMP_USMPOPS_TD
#define USMP_DIALECT_USMP_USMPOPS_TD

include "usmp/Dialect/USMP/USMPDialect.td"
include "usmp/Dialect/USMP/USMPAttributes.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/IR/BuiltinAttributes.td"

def USMP_PoolOp : USMP_Op<"pool", [
    Symbol, HasParent<"::mlir::ModuleOp">]> {
  let summary = "declares a memory pool buffers are planned into";
  let description = [{
    A memory area the application owns (or, when internal, the generated code
    owns): a `workspace` pool holds buffers that are written at run time, a
    `constant` pool holds read-only data. Pools are symbols of the module;
    their order in the module is their order of preference when a buffer may
    go to several.

    - `size_hint(N)`: the pool's capacity in bytes; the planner never exceeds
      it and falls back to the next candidate pool instead. No hint: unbounded.
    - `alignment(N)`: every offset in the pool is a multiple of this power of
      two (default 16).
    - `targets("name": rw | ro, ...)`: the targets that may access the pool
      and how; no list means every target may read and write it.
    - `perf<...>`: optional performance properties (see `#usmp.perf`).
    - `internal`: the generated code owns the pool (the C API makes it a
      static array of the source), not the application; the pool
      usmp-assign-pools creates when none is declared is internal (use case
      U1, as in TVM).
    - `planned_size(N)`: set by planning, the bytes the plan needs.

    ```mlir
    usmp.pool workspace @dtcm size_hint(1000) alignment(16) targets("c": rw)
    usmp.pool workspace @sram alignment(16)
        perf<clock_frequency_hz = 200000000, read_bandwidth_bytes_per_cycle = 8>
        planned_size(2048)
    usmp.pool constant @flash alignment(4) targets("c": ro)
    usmp.pool workspace @global_workspace alignment(16) internal
    ```
  }];
  let arguments = (ins
    SymbolNameAttr:$sym_name,
    USMP_PoolKind:$kind,
    OptionalAttr<I64Attr>:$size_hint,
    I64Attr:$alignment,
    OptionalAttr<TypedArrayAttrBase<USMP_TargetAccessAttr,
                                    "target access list">>:$targets,
    OptionalAttr<USMP_PoolPerfAttr>:$perf,
    OptionalAttr<I64Attr>:$planned_size,
    UnitAttr:$internal);

  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;

  let extraClassDeclaration = [{
    /// The default alignment of a pool, in bytes.
    static constexpr int64_t kDefaultAlignment = 16;

    /// The capacity buffers must stay within: the planned size once planned,
    /// else the size hint; none for an unplanned pool without a hint.
    std::optional<int64_t> getCapacity();

    /// Whether `target` may access the pool with `access`.
    bool allowsAccess(::llvm::StringRef target, ::usmp::Access access);
  }];
}

#endif // USMP_DIALECT_USMP_USMPOPS_TD
