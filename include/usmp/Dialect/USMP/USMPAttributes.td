//===- USMPAttributes.td - usmp attributes and enums -------*- tablegen -*-===//

#ifndef USMP_DIALECT_USMP_USMPATTRIBUTES_TD
#define USMP_DIALECT_USMP_USMPATTRIBUTES_TD

include "usmp/Dialect/USMP/USMPDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"

//===----------------------------------------------------------------------===//
// Enums
//===----------------------------------------------------------------------===//

def USMP_PoolKind : I32EnumAttr<"PoolKind", "what a pool holds", [
    I32EnumAttrCase<"Workspace", 0, "workspace">,
    I32EnumAttrCase<"Constant", 1, "constant">
  ]> {
  let cppNamespace = "::usmp";
}

def USMP_Access : I32EnumAttr<"Access", "how a target may access a pool", [
    I32EnumAttrCase<"ReadWrite", 0, "rw">,
    I32EnumAttrCase<"ReadOnly", 1, "ro">
  ]> {
  let cppNamespace = "::usmp";
  let genSpecializedAttr = 0;
}

def USMP_IODirection : I32EnumAttr<"IODirection",
    "whether a tensor is a model input or output", [
    I32EnumAttrCase<"Input", 0, "input">,
    I32EnumAttrCase<"Output", 1, "output">
  ]> {
  let cppNamespace = "::usmp";
  let genSpecializedAttr = 0;
}

//===----------------------------------------------------------------------===//
// Attributes
//===----------------------------------------------------------------------===//

class USMP_Attr<string name, string attrMnemonic, list<Trait> traits = []>
    : AttrDef<USMP_Dialect, name, traits> {
  let mnemonic = attrMnemonic;
}

def USMP_TargetAccessAttr : USMP_Attr<"TargetAccess", "target_access"> {
  let summary = "a target that may access a pool, read-write or read-only";
  let description = [{
    Names a compilation target (for example `"c"` or `"ethos-u"`) and whether
    it may write to the pool (`rw`) or only read it (`ro`). Buffers produced
    by a target are only placed in pools it can write.

    ```mlir
    #usmp.target_access<"c", rw>
    ```
  }];
  let parameters = (ins StringRefParameter<"target name">:$target,
                        EnumParameter<USMP_Access>:$access);
  let assemblyFormat = "`<` $target `,` $access `>`";
  let genVerifyDecl = 1;
}

// A property of #usmp.perf: an integer, which the generic parser would also
// take as `true` (-1) or `false` (0).
def USMP_PerfValue : OptionalParameter<"std::optional<int64_t>"> {
  let parser = [{ ::usmp::detail::parsePerfValue($_parser) }];
}

def USMP_PoolPerfAttr : USMP_Attr<"PoolPerf", "perf"> {
  let summary = "performance properties of a memory pool";
  let description = [{
    The optional performance figures TVM's pools carry; a planner may use them
    to order candidate pools. Every field is optional and non-negative.

    ```mlir
    #usmp.perf<clock_frequency_hz = 200000000, read_bandwidth_bytes_per_cycle = 8,
               read_latency_cycles = 2>
    ```
  }];
  let parameters = (ins
    USMP_PerfValue:$clock_frequency_hz,
    USMP_PerfValue:$read_bandwidth_bytes_per_cycle,
    USMP_PerfValue:$write_bandwidth_bytes_per_cycle,
    USMP_PerfValue:$read_latency_cycles,
    USMP_PerfValue:$write_latency_cycles,
    USMP_PerfValue:$target_burst_bytes);
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
}

def USMP_PlacementAttr : USMP_Attr<"Placement", "placement"> {
  let summary = "the pool and byte offset a buffer is placed at";
  let description = [{
    Attached to a buffer-producing operation under the name `usmp.placement`
    once the planner has placed it. The buffer must have an identity layout
    and the default memory space (it becomes a view of the pool's bytes).
    The dialect checks that the pool exists,
    that a constant `memref.global` is in a constant pool and every other
    buffer in a workspace pool (a global that is not constant is never
    placed), that the offset is a multiple of the pool's
    alignment (and of the allocation's own alignment), that the pool is at
    least as aligned as the allocation and its elements need (offsets count
    from the pool's base) and that the buffer ends inside the pool.

    ```mlir
    %0 = memref.alloc() {usmp.placement = #usmp.placement<@sram, offset = 64>}
        : memref<8xf32>
    ```
  }];
  let parameters = (ins "::mlir::FlatSymbolRefAttr":$pool,
                        "int64_t":$offset);
  let assemblyFormat = "`<` $pool `,` `offset` `=` $offset `>`";
  let genVerifyDecl = 1;
}

def USMP_IOAttr : USMP_Attr<"IO", "io"> {
  let summary = "marks a pool allocation as a model input or output";
  let description = [{
    Attached under the name `usmp.io` to an allocation that holds a model
    input or output inside a pool (workspace I/O). It records the tensor's
    name, its position among the inputs or outputs, and its direction; the
    allocation's type is the tensor's type. Within a function, its arguments,
    results and operations, names and (direction, index) pairs are unique.
    It is valid on `memref.alloc`,
    `memref.alloca` and `memref.view` (and on the entry function's
    arguments and results, where a result's is always an output); planning
    takes it only in the entry function.

    ```mlir
    %in = memref.alloc() {usmp.io = #usmp.io<input "serving_default_x", index = 0>}
        : memref<1x49x10xf32>
    ```
  }];
  let parameters = (ins EnumParameter<USMP_IODirection>:$direction,
                        StringRefParameter<"tensor name">:$name,
                        "int64_t":$index);
  let assemblyFormat = "`<` $direction $name `,` `index` `=` $index `>`";
  let genVerifyDecl = 1;
}

#endif // USMP_DIALECT_USMP_USMPATTRIBUTES_TD
