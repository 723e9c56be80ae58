//===- Passes.td - usmp passes ------------------------------*- tablegen -*-===//

#ifndef USMP_TRANSFORMS_PASSES_TD
#define USMP_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def PrintBufferLivenessPass : Pass<"usmp-print-buffer-liveness", "mlir::ModuleOp"> {
  let summary = "Print every plannable buffer with its size, alignment and liveness";
  let description = [{
    Runs the unified buffer liveness analysis from the entry function and
    emits one remark per buffer at its allocation: its name, size in bytes,
    alignment and live time steps (one interval per call of its function).
    Buffers the planner must leave alone get a remark saying why (dynamic
    shape, escaping through a return, a store, an unknown call, allocated in
    a parallel loop, used in an `async.execute`, ...). For tests and for
    understanding a plan.
  }];
  let options = [
    Option<"entry", "entry", "std::string", /*default=*/"\"\"",
           "Entry function (default: the single public function, else @main, "
           "else the one uncalled function marking inputs or outputs)">,
    Option<"alignment", "alignment", "uint64_t", /*default=*/"16",
           "Alignment of allocations that carry none, in bytes (a power of "
           "two up to 2^62)">,
  ];
  let dependentDialects = ["usmp::USMPDialect"];
}

def InlineResourcesPass : Pass<"usmp-inline-resources"> {
  let summary = "Read constants out of their resource blobs";
  let description = [{
    Replaces every `dense_resource` attribute of an operation (the values of
    `tosa.const`, `arith.constant` or `memref.global`, where converters keep
    large constants in resource blobs) by the dense attribute of the same
    bytes, one byte per boolean. Upstream's TOSA lowerings cannot iterate
    resource attributes (a `tosa.mul` shift held in one aborts them), and
    EmitC's printer cannot print them. A blob that is missing (elided when
    the model was printed) or that does not hold exactly the attribute's
    elements is an error at its operation. `usmp-from-tosa` runs it first;
    `convert-usmp-to-emitc` reads the constants it is given the same way.
  }];
}

def LowerVariablesPass : Pass<"usmp-lower-variables", "mlir::ModuleOp"> {
  let summary = "Keep a model's state (TOSA variables) in static arrays";
  let description = [{
    A `tosa.variable` (TFLite's resource variables: the state a streaming
    model keeps between runs) becomes a private mutable `memref.global` of
    the same name, initialized to the variable's initial value (zeros when
    it has none), which the C lowering prints as a static array of the
    generated source: the state lives beside the code, not in a pool, and
    keeps its value from one `tvmgen_<model>_run` to the next (one model
    instance per program; `tvmgen_<model>_reset_state` sets it back). A
    `tosa.variable_read` becomes a copy of the global into a new buffer, so
    a later write does not change the value read
    (`usmp-forward-global-copies` drops the copies that are not needed after
    bufferization); a `tosa.variable_write` copies its value into the global
    (`bufferization.materialize_in_destination`), so reads and writes keep
    their order; a read or write of a type with fewer static sizes gets a
    `tensor.cast`. The `ml_program.global`s upstream's `tosa-to-mlprogram`
    makes of variables are lowered the same way (`global_load`,
    `global_load_const` and `global_store` as reads and writes; an immutable
    global becomes a constant; one whose type leaves sizes open takes them
    from its value): upstream's own bufferization of
    `ml_program.global_store` stores an uninitialized buffer in MLIR 22. A
    variable or global of dynamic shape, of elements a buffer cannot hold,
    or whose initial value is not dense elements of its type, an `ml_program`
    global that is no tensor, has no shape or is defined elsewhere
    (`#ml_program.extern`), the token-ordered `global_load_graph` and
    `global_store_graph`, and a reference into another module are errors.
    Run before bufferization (`usmp-from-tosa` runs it first after
    `usmp-inline-resources`).
  }];
  let dependentDialects = ["mlir::bufferization::BufferizationDialect",
                           "mlir::memref::MemRefDialect",
                           "mlir::tensor::TensorDialect"];
}

def MarkIOPass : Pass<"usmp-mark-io", "mlir::ModuleOp"> {
  let summary = "Name the entry function's inputs and outputs";
  let description = [{
    Gives every tensor or memref argument of the entry function
    `usmp.io = #usmp.io<input "name", index = i>` and every tensor or memref
    result `usmp.io = #usmp.io<output "name", index = j>`, unless it already
    has one; a memref argument the model writes (an entry bufferized
    already) is an output, as `usmp-fold-workspace-io` takes it. The indices count the inputs (outputs) in order, skipping those
    markers set already take (and those whose default name one has). Names
    come from the function's
    `tf.entry_function` attribute (its `inputs` and `outputs` entries,
    comma-separated by position, as TensorFlow Lite importers attach them)
    when present, else (and for an empty entry) `input<i>` and `output<j>`.
    Since the names go by position, an entry that is not a string (or a
    `tf.entry_function` that is not a dictionary) or that lists another
    number of names than there are tensor or memref arguments (results) is
    an error; an empty string lists none.
    Run it before bufferization: `buffer-results-to-out-params` keeps a
    result's marker on the out-parameter it becomes. Two names that are the
    same C identifier after sanitizing are an error naming both, and so is
    one value returned as two outputs (each output becomes an out-parameter
    of its own) or a tensor or memref argument or result with a dynamic
    shape or no rank (the C API sizes inputs and outputs statically). A
    model with state kept between runs (a `tosa.variable`, or the mutable
    `ml_program.global` tosa-to-mlprogram makes of one) is an error:
    `usmp-lower-variables` lowers them first.
  }];
  let options = [
    Option<"entry", "entry", "std::string", /*default=*/"\"\"",
           "Entry function (default: the single public function, else @main, "
           "else the one uncalled function marking inputs or outputs)">,
  ];
  let dependentDialects = ["usmp::USMPDialect"];
}

def FoldWorkspaceIOPass : Pass<"usmp-fold-workspace-io", "mlir::ModuleOp"> {
  let summary = "Fold the model's input and output buffers into pool allocations";
  let description = [{
    Workspace I/O (use case U4): the chosen memref arguments of the entry
    function become `memref.alloc`s carrying their I/O identity
    (`usmp.io = #usmp.io<input "name", index = N>`), so that planning places
    them in a workspace pool, where the application writes inputs and reads
    outputs in place. An input is live from the start of the run to its last
    read, so its space is reused after that (the run clobbers it); an output
    from its first write to the end of the run, so its space can hold
    intermediates before.

    Chosen are every I/O argument with `all`, else those marked
    `usmp.workspace_io` and those named in `names` (selective workspace I/O,
    A2); the rest stay ordinary arguments. An argument's identity is its
    `usmp.io` marker (see `usmp-mark-io`); unmarked arguments are outputs when
    the model writes them and inputs otherwise, named `input<i>`/`output<j>`;
    arguments that stay get their identity as a marker, except those with a
    dynamic shape or no rank, which the C API cannot pass. Errors: a chosen
    argument with a dynamic shape, no rank, a non-identity layout or a size in
    bytes beyond 63 bits, one that escapes (returned, stored, passed to an
    unknown function, turned into a value other than its elements; also
    inside a loop it enters or a function it is passed to), an unknown
    name in `names` (the error lists the names there are) or one it lists
    twice, an entry function that is called, names that clash as C
    identifiers, and a module planned already (a pool with a planned size).
    An input the model overwrites gets a remark, in a pool or not (either way
    its data does not survive the run), and so does an output in a pool that
    the model never writes.
  }];
  let options = [
    Option<"entry", "entry", "std::string", /*default=*/"\"\"",
           "Entry function (default: the single public function, else @main, "
           "else the one uncalled function marking inputs or outputs)">,
    Option<"all", "all", "bool", /*default=*/"false",
           "Fold every input and output">,
    ListOption<"names", "names", "std::string",
               "Fold the inputs and outputs with these names">,
  ];
  let dependentDialects = ["mlir::memref::MemRefDialect", "usmp::USMPDialect"];
}

def CopyRepeatedResultsPass
    : Pass<"usmp-copy-repeated-results", "mlir::func::FuncOp"> {
  let summary = "Give each memref result of a function a buffer of its own";
  let description = [{
    A buffer a `func.return` returns more than once gets a copy for each
    repetition (a new allocation and `memref.copy` before the return), so
    every result has a buffer of its own, as the C API's outputs do.
    Bufferization can fold distinct tensors into one buffer (a reduction
    over a unit dimension is its input), and upstream's
    `buffer-results-to-out-params`, which `usmp-from-tosa` runs next,
    crashes on a repeated result. A repeated result whose layout is not the
    identity is an error (a new allocation could not have its type).
  }];
  let dependentDialects = ["mlir::memref::MemRefDialect"];
}

def CopyYieldedBuffersPass
    : Pass<"usmp-copy-yielded-buffers", "mlir::func::FuncOp"> {
  let summary = "Turn buffers that scf.if, scf.while and scf.for yield into copies";
  let description = [{
    C cannot assign arrays, and the planner cannot plan a buffer that flows
    through control flow, so buffers that control flow yields (what
    bufferization makes of a `tosa.cond_if` or `tosa.while_loop` on tensors)
    become buffers allocated before it, which the terminators copy into:

    - a memref result of an `scf.if` becomes a buffer each branch copies
      what it yielded into;
    - a memref carried by an `scf.while` becomes a buffer the initial value
      and each `scf.yield` copy into, which the condition region reads;
      one the condition forwards becomes a buffer `scf.condition` copies
      into, which the body reads and which is the loop's result;
    - a memref carried by an `scf.for` becomes a buffer the initial value
      and each `scf.yield` copy into, which the body reads and which is the
      loop's result. The yield assigns all at once: what it yields other
      than a buffer the iteration allocated, or the carried buffer itself,
      is copied aside first (it may be another carried buffer, which a
      copy overwrites). A buffer the body yields unchanged is the initial
      one in every iteration (the loop of a `tosa.scatter` writes in
      place), and stays that one, whatever its shape and layout.

    The new buffers no longer alias what was yielded: a write through a
    result does not reach the buffer a branch yielded (one-shot
    bufferization, which makes tensors buffers, never relies on that).
    A buffer with another layout (bufferization gives an `scf.if` whose
    branches yield new buffers a fully dynamic one) is an allocation cast
    to it. A layout no such cast gives (branches yielding views at one
    static offset give the result theirs) is replaced by the allocation
    itself where every user of the `scf.if` result takes any layout
    (linalg operations, `memref.copy`, loads, stores, deallocations, and
    the terminators of an `scf.if` that copies all it yields). An `scf.if`,
    `scf.while` or `scf.for` that also yields a buffer of dynamic shape
    (which no allocation here could replace, and which may view one of the
    others) or one of those layouts otherwise, other than one an `scf.for`
    yields unchanged, is left as it is (the C lowering refuses it).
  }];
  let dependentDialects = ["mlir::memref::MemRefDialect"];
}

def OrderConstantsPass : Pass<"usmp-order-constants", "mlir::ModuleOp"> {
  let summary = "Name and order the constants bufferization made by first use";
  let description = [{
    One-shot bufferization at function boundaries turns tensor constants into
    private `memref.global`s named `__constant_<shape>x<element>` (`_0`,
    `_1`, ... when several share a type), created in an order that depends
    on where functions sit in memory (MLIR 22 walks them through hash
    containers keyed by pointers). Names and order reach the generated C
    and the constant pools, so the same model would compile to different
    files from run to run. This pass renames those globals (private
    constants whose names start with `__constant_`) after their type, in the
    order of their first `memref.get_global` in the module (functions in
    module order, operations in order; unused ones last, by type and
    value), and moves them together in that order where the first of them
    was. Other symbols keep their names: a name taken gets the next suffix.
    Nested modules, whose symbols are their own, are left as they are.
  }];
}

def ForwardGlobalCopiesPass
    : Pass<"usmp-forward-global-copies", "mlir::ModuleOp"> {
  let summary = "Read a global in place of a copy that only reads";
  let description = [{
    A `memref.copy` of a global (`memref.get_global`) into a new buffer of
    the same type (a static `memref.alloc` or `memref.alloca`) is dropped,
    and the buffer's uses read the global instead, when the copy is not
    needed: every use of the buffer, and of buffers derived from it, comes
    after the copy in its block (or nested in operations there) and only
    reads, and nothing from the copy to the last such use may write the
    global (an operation writing a buffer derived from the global, or
    one whose effects are not known, such as a call). A copy whose buffer
    is passed to a call, yielded, returned, made a tensor
    (`bufferization.to_tensor`: run the pass after bufferization) or used
    as a plain value (stored, its address taken) is kept, and so is every
    copy of a global whose own buffer is (it may be written under another
    name). `usmp-lower-variables` makes such a copy of every read of
    a model's state, so the value read does not change with a later write;
    where the reads are done before the write, the copy would take a
    buffer as large as the state in the workspace pool for nothing.
  }];
}

def CopyReshapedArgumentsPass
    : Pass<"usmp-copy-reshaped-arguments", "mlir::ModuleOp"> {
  let summary = "Pass calls a copy of a reshaped buffer";
  let description = [{
    A buffer reshaped by `memref.collapse_shape` or `memref.expand_shape`
    (what `tosa.reshape`, reductions and `tosa.tile` bufferize to) and passed
    to a `func.call` becomes a new buffer of the reshaped type, which the
    reshaped one is copied into before the call and, when the callee may
    write it, out of after it (never into a constant global). C has no
    array type that views another with a different shape; the copies are
    loops whose accesses through the reshape become accesses of the
    original buffer. A callee may write its parameter unless every use of
    it, and of every buffer an operation derives from it (views, selects,
    casts), only reads it (loads, inputs of linalg operations, sources of
    copies, parameters other functions only read); a terminator handing it
    on and a function without a body may write anything. A value passed
    twice gets one copy; a call that also passes another view of the
    reshaped buffer is an error when the callee may write through either
    (the copy would not alias the other view), and else gets a copy of
    each reshape (two reshapes of one input read by one operator). A
    reshape of a global that is not constant is an error when the callee,
    or a function it calls, takes the global itself (the copy would not
    follow it). Reshapes
    whose type is not a statically shaped memref with the identity layout
    are left as they are.
  }];
  let dependentDialects = ["mlir::memref::MemRefDialect"];
}

def WidenIntegersPass : Pass<"usmp-widen-integers", "mlir::ModuleOp"> {
  let summary = "Widen integers C has no type for to the next C width";
  let description = [{
    Integers of a width below 64 that C has no type for (i48, the
    accumulator of TOSA's int16 convolutions and matrix products; i4) become
    the next of i8, i16, i32 and i64, in every value, buffer, global and
    function signature, before the planner sizes the buffers. A widened
    value holds the narrow value sign-extended: arithmetic whose result may
    leave the narrow range (add, sub, mul, shifts left, truncations to the
    narrow width) sign-extends the result's low bits again, unsigned
    division, remainder, right shift and conversions read the low bits
    alone, and extensions from the narrow width become the value itself or
    its low bits. Linalg named operations on such integers are generalized
    first, so their bodies' arithmetic is rewritten too, and resource
    constants are read first (usmp-inline-resources). An operation on them
    whose meaning at the wider width is not known (math's integer
    operations, bit counts, bitcasts, atomic updates), a function value of
    such a type and a loop counting with one are errors naming the
    operation. A model input or output of such a type is an array of the
    wider C type.
  }];
  let dependentDialects = ["mlir::arith::ArithDialect",
                           "mlir::linalg::LinalgDialect"];
}

def SetModelNamePass : Pass<"usmp-set-model-name", "mlir::ModuleOp"> {
  let summary = "Record the model's name for the C API";
  let description = [{
    Sets the module attribute `usmp.model_name`, which
    `convert-usmp-to-emitc` uses for the C API prefix `tvmgen_<name>` unless
    its own option says otherwise. An empty name removes the attribute.
  }];
  let options = [
    Option<"modelName", "model-name", "std::string", /*default=*/"\"\"",
           "The model's name">,
  ];
}

def AssignPoolsPass : Pass<"usmp-assign-pools", "mlir::ModuleOp"> {
  let summary = "Give every buffer its ordered candidate pools";
  let description = [{
    Collects the pools: `usmp.pool` ops in the module, plus those given with
    the `pools` option, each `name[:key=value...]` with keys `size_hint`,
    `alignment`, `kind` (`workspace` or `constant`) and `targets` (a
    `+`-separated list of `target.rw` or `target.ro`), and the key `internal`
    without a value (the generated code owns the pool), for example
    `pools=dtcm:size_hint=1000:targets=c.rw,sram:internal`; a key or target given
    twice, an alignment that is not a power of two, a name the module already
    uses, a name listed twice and a name with a leading `@` (pools are named
    without it, as in `internal-pools`) are errors quoting the pool's text;
    so is running on a module planned already.
    With no workspace pool at all, one unbounded, internal workspace pool
    `@global_workspace` is created (use case U1: as in TVM, the generated
    code owns it; declare a pool to provide the memory yourself).

    Every statically shaped allocation in a function reachable from the entry
    gets `usmp.pools = [@p, ...]`: the workspace pools the target may write, in
    module order, the order in which the planner tries them. Every constant
    `memref.global` with data (not a declaration, not `uninitialized`) the
    model reads gets the constant pools the target may
    read, when there are any; with none it stays an ordinary global (with a
    warning when the module has constant pools, none of them readable). Of
    those, each buffer gets the pools aligned as much as it needs (its
    `alignment` attribute and its elements: offsets count from a pool's
    base), or all of them when none is, so that planning names the
    shortfall. An allocation or global with `usmp.pools` already keeps
    them; a pool there the target may not write (read, for a constant) is
    an error. So is a pool the `pools` option declares where there are
    buffers (constants, for a constant pool) to give pools to and every one
    has its candidates already, since it could hold nothing: declare every
    pool in one run, not in a second (`usmp-assign-pools` and then
    `usmp-pipeline` with `pools`).
  }];
  let options = [
    Option<"entry", "entry", "std::string", /*default=*/"\"\"",
           "Entry function (default: the single public function, else @main, "
           "else the one uncalled function marking inputs or outputs)">,
    ListOption<"pools", "pools", "std::string",
               "Pools to declare: name[:size_hint=N][:alignment=N]"
               "[:kind=workspace|constant][:targets=t.rw+u.ro][:internal]">,
    Option<"alignment", "alignment", "uint64_t", /*default=*/"16",
           "Alignment of pools created by this pass, in bytes (a power of "
           "two up to 2^62)">,
    Option<"target", "target", "std::string", /*default=*/"\"c\"",
           "The target whose access rights filter the candidate pools">,
  ];
  let dependentDialects = ["usmp::USMPDialect"];
}

def PlanBuffersPass : Pass<"usmp-plan-buffers", "mlir::ModuleOp"> {
  let summary = "Plan every buffer into a pool at a static offset";
  let description = [{
    Hands the buffers found by the liveness analysis, with their candidate
    pools (`usmp.pools`, else every workspace pool), to the planner core and
    records the answer: `usmp.placement = #usmp.placement<@pool, offset = N>`
    on every planned allocation and constant global, and `planned_size(N)` on
    every pool. A buffer's alignment is its `alignment` attribute, else the
    `alignment` option, raised to its elements' own (an f64 buffer asking
    for 1 still gets offsets that are multiples of 8; `index` elements take
    at least 8 bytes whatever the data layout says, since the C code holds
    them as `size_t`). Offsets count from
    the pool's base, which the application aligns only as the pool says, so
    a pool must meet the buffer's `alignment` attribute and its elements'
    alignment: a pool in `usmp.pools` that does not is an error at the
    buffer, and a buffer without `usmp.pools` has the workspace pools that do
    as candidates (an error when none does). Constants live for
    the whole run and go to constant pools
    only, everything else to workspace pools: a candidate of the other kind
    is an error, and so is a global with `usmp.pools` that is not constant
    (the model may write it) or has no data for the pool. A buffer that fits in no
    candidate pool is an error at its allocation naming the pools and what
    each had left; a pool without a size hint still ends at 2^63 - 1 bytes,
    the largest planned size an attribute holds. A pool with a planned size
    already is an error: a module is planned once; so is a `usmp.placement`
    written by hand (every buffer is placed by the planner). Buffers the
    analysis leaves alone get a remark saying why, and so do constants of a
    non-identity layout or memory space, which no view of a pool could be.
    With `report=<path>` a JSON plan report is written; `{module}` in the
    path stands for the module's name (`module @m`), so that a pipeline
    nesting the pass in several modules writes one report per module (without
    it, each module's report replaces the one before); a module without a
    name, or whose name has a '/', '\' or NUL, is then an error.
  }];
  let options = [
    Option<"entry", "entry", "std::string", /*default=*/"\"\"",
           "Entry function (default: the single public function, else @main, "
           "else the one uncalled function marking inputs or outputs)">,
    Option<"algorithm", "algorithm", "std::string", /*default=*/"\"auto\"",
           "Planning algorithm registered with the planner core">,
    Option<"alignment", "alignment", "uint64_t", /*default=*/"16",
           "Alignment of allocations that carry none, in bytes (a power of "
           "two up to 2^62)">,
    Option<"seed", "seed", "uint64_t", /*default=*/"0",
           "Seed of randomized algorithms">,
    Option<"timeLimitMs", "time-limit-ms", "uint64_t", /*default=*/"0",
           "Time budget of searching algorithms (0: their default)">,
    Option<"report", "report", "std::string", /*default=*/"\"\"",
           "Write a JSON plan report to this path ({module}: the module's "
           "name)">,
  ];
  let dependentDialects = ["usmp::USMPDialect"];
}

def ConvertToPoolViewsPass : Pass<"usmp-convert-to-pool-views", "mlir::ModuleOp"> {
  let summary = "Rewrite planned buffers into views of pool arguments";
  let description = [{
    Every function that uses a pool, itself or through its callees, takes one
    `memref<Nxi8>` argument per such pool (N its planned size), appended after
    its other arguments in the module order of the pools and marked
    `{usmp.pool = @name}`; every call passes them on. Each placed allocation
    becomes `memref.view` of its pool argument at its offset, each read of a
    placed constant global a view of its constant pool, and deallocations of
    planned buffers and of their views disappear. A view keeps the allocation's `usmp.placement`
    and `usmp.io` attributes, so later lowerings find each I/O tensor's pool
    and offset. Unplanned buffers stay as they were. A function value
    (`func.constant`) of a function that takes pool arguments is an error:
    its type would lack them.
  }];
  let dependentDialects = ["mlir::arith::ArithDialect",
                           "mlir::memref::MemRefDialect"];
}

def VerifyPlanPass : Pass<"usmp-verify-plan", "mlir::ModuleOp"> {
  let summary = "Re-check a planned module independently of the planner";
  let description = [{
    Checks the module after `usmp-convert-to-pool-views`: every view of a pool
    argument is at a constant offset that is a multiple of the pool's
    alignment and ends inside the pool, and no two views of the same
    workspace pool that are live at the same time (by the liveness analysis,
    over every call instance) share a byte. A view's `usmp.placement` must
    name the pool and offset it views (the C API maps I/O by it). Any
    violation is an error at the view. Allocations that still carry the
    `usmp.placement` of `usmp-plan-buffers` (before the conversion, or for a
    lowering of one's own) are checked the same way; the dialect checks
    their alignment and bounds. Constants placed in a constant pool hold its
    bytes for the whole run: two sharing a byte are an error at the later
    one. A pool's bytes are checked through its views alone: any other use
    of a pool argument (a subview, an operation on the whole pool, a call
    passing it to a parameter not marked `usmp.pool` with that pool) is an
    error, since bytes reached that way are never checked. A view is live
    from its first to its last use: after `cse`, which
    merges views of one pool at one offset, two buffers that took turns
    there are one, and the buffers placed between their turns are reported;
    verify before `cse`.
  }];
  let options = [
    Option<"entry", "entry", "std::string", /*default=*/"\"\"",
           "Entry function (default: the single public function, else @main, "
           "else the one uncalled function marking inputs or outputs)">,
  ];
}

#endif // USMP_TRANSFORMS_PASSES_TD
