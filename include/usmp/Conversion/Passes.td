//===- Passes.td - usmp conversions -------------------------*- tablegen -*-===//

#ifndef USMP_CONVERSION_PASSES_TD
#define USMP_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertUSMPToEmitCPass : Pass<"convert-usmp-to-emitc", "mlir::ModuleOp"> {
  let summary = "Lower a planned model and its C API to EmitC";
  let description = [{
    Takes a module after `usmp-pipeline` and produces two `emitc.file`s,
    `tvmgen_<model>.h` and `tvmgen_<model>.c`, that
    `usmp-translate --usmp-emit-c --output-dir=DIR` prints: the C API that
    TVM's generated code has (pools, inputs and outputs structs, size macros,
    `map_inputs`/`map_outputs` for I/O in pools, `run`, and for a model
    with state `reset_state`), and the model's own code. Every buffer must
    be a view of its pool by then: an allocation left is an error saying which step is missing (planning, when the
    module has no pools; `usmp-convert-to-pool-views`, when it is placed)
    or, when planning left it out, pointing at the remarks of
    `usmp-plan-buffers`.

    The model's functions are renamed `tvmgen_<model>_<name>` and become
    static; those the entry never calls or names, directly or not, are left
    out (with a remark when they have a body), and so are the globals
    outside pools only they read. Globals outside the pools are renamed the
    same way, a declaration without a value included (an `extern` array the
    application defines under the prefixed name). A constant global outside
    the pools is a `const` C array, unless it is passed to a call (C cannot pass a `const`
    array for an array parameter); a multi-dimensional one is a flat array
    (the printer writes no nested braces), which a call cannot take, so
    passing one to a call is an error naming it (a constant pool holds it).
    A global that is not constant and that the model defines is its state,
    kept from one run to the next: `reset_state` copies its initial value
    back from a `const` copy (`<name>_initial`, numbered when taken; one
    element, repeated, when all are the same) or
    clears it when it has none or its bytes are all zero (a model whose
    state the lowering drops as unread keeps an empty `reset_state`). Constants whose data is in a resource
    blob (`dense_resource`, as converters write large constants) are read
    from it; one whose blob is missing (elided) or of the wrong size is an
    error. A boolean takes a byte (C's `bool`) in a constant pool. A
    function without a body keeps its name and gets an `extern` prototype
    (C linkage in C++); a name the generated C cannot declare (not an
    identifier, a keyword or macro, reserved, one of the printer's names or
    the generated code's prefixes, a known C library function, or a
    `<math.h>` function with another type) is an error. Each function that takes views of pools is
    split: its body takes the views as parameters, and a wrapper computes
    them as typed pointers into the pool bytes. Operators are lowered with
    upstream conversions (linalg to loops, folding of view operations, affine
    lowering, `convert-to-emitc`); an operation they cannot lower is
    an error naming it. Math operations on floats become calls of their C99
    `<math.h>` functions (`tanhf` on f32, `tanh` on f64; f16 and bf16 are
    computed in float and rounded back; rsqrt divides one by `sqrt`, for
    f16 and bf16 in float too, so rounded once where upstream's LLVM
    lowering rounds twice and can be an ulp away;
    roundeven, C23's, is `nearbyint` in the default rounding mode, which
    the generated code assumes for all its arithmetic), and so does
    `arith.remf` (`fmod`, LLVM's `frem`); `math.ctlz` is
    expanded into shifts and compares; `math.fpowi`, `math.sincos`,
    `math.clampf` and the other integer ones are errors. Operations of the
    `index` dialect (TOSA's FFT lowerings use them) become their arith
    equivalents on index values; `index.sizeof` is an error. A 0-d view of a
    pool (what a vector is reduced into), a 0-d parameter (a scalar input
    or output, say) and a 0-d global outside the pools (an external one is
    then a one-element array the application defines) are one-element
    arrays; their accesses become accesses of element 0 (a use that does
    not fold is an operation the conversion cannot lower), and a call
    passes a 0-d buffer as the array (a function value of a function taking
    one is an error).
    Before that, a value whose type C cannot express (an element type
    other than i1, i8 to i64, index, f16, bf16, f32 and f64, a vector,
    complex, `none` or tuple, and a tensor in another function's signature)
    is an error at the value (naming `usmp-widen-integers` for
    integers of other widths below 64), and so is a function parameter that
    is not a contiguous row-major memref of static shape with elements (a
    declaration's too, at the declaration), a
    view of a pool with a dynamic shape, a
    function returning a memref (C returns no arrays) or several values, a
    constant array of index values outside the pools (upstream's conversion
    does not verify), a loop or branch
    yielding one or an `arith.select` choosing one (C assigns no arrays), a
    function value that does not fold into a direct call, an
    array of 2^61 bytes or more (clang counts sizes in bits), an
    `scf.while` carrying index values (upstream's conversion of it does not
    verify), a branch (no conversion handles them), an argument of the
    entry function that is not a statically shaped memref (a scalar, say:
    the C API's inputs and outputs are buffers), an input or output
    whose size in bytes does not fit in 63 bits, workspace pools the
    application provides that take more than 2^63 - 1 bytes in all, and a
    constant pool of more than 2^28 bytes (its data is written out as
    text) and an internal pool or a global aligned to more than 2^28
    bytes (GCC's limit for a static array). C has no bf16 literals: a
    bf16 constant is printed as a cast of the same f32 value, and so are
    the elements of a bf16 global's initializer. `arith.minimumf` and
    `arith.maximumf` keep -0.0 below +0.0 and return a NaN operand as it is
    (upstream's expansion takes either zero). `arith.cmpf true` and `false`
    become their constant first (upstream's canonicalization crashes on some),
    signed division and remainder of `index` values are computed on
    `int64_t` (upstream's conversion divides `size_t` values) and unsigned
    division, remainder and bitwise operations on `uint64_t` (upstream's
    conversion refuses them), signed
    operations on i1 take true as -1 (upstream's use C's `bool`, where it is
    1), products of i8 and i16 (also those expanding floordivsi and
    ceildivsi) are computed on `uint32_t` (C promotes narrower unsigned
    values to `int`, which overflows), INT64_MIN is spelled `INT64_MIN` (the
    literal upstream's printer writes draws a warning), and a function
    returning an index value returns it as i64 (upstream's conversion of
    its calls does not verify; a declaration or a function value returning
    index is an error, and so is `math.ctlz` on index, whose result depends
    on the width of `size_t`). A float converted to an integer type that
    cannot hold it (or a NaN), poison in arith, converts zero: in C the
    conversion is undefined (`tosa.cast` saturates by a select after it).

    The model name comes from the `model-name` option, else the module's
    `usmp.model_name` attribute, else `default`. It, tensor names and pool
    names are sanitized for C (docs/CAPI.md): one spelled otherwise gets a
    remark naming the spelling, and one with no ASCII letter or digit is an
    error. Pools marked `internal` (as the default pool is) and pools named
    in `internal-pools` (without `@`) are static arrays of the generated
    source instead of fields the application fills; a name there that is no
    pool of the module, or that it lists twice, is an error.
  }];
  let options = [
    Option<"modelName", "model-name", "std::string", /*default=*/"\"\"",
           "Model name in the C API prefix tvmgen_<model>">,
    ListOption<"internalPools", "internal-pools", "std::string",
               "Pools the generated code owns as static arrays">,
    Option<"entry", "entry", "std::string", /*default=*/"\"\"",
           "Entry function (default: the single public function, else @main, "
           "else the one uncalled function marking inputs or outputs)">,
  ];
  let dependentDialects = [
    "mlir::emitc::EmitCDialect",
    "mlir::linalg::LinalgDialect",
    "mlir::scf::SCFDialect",
  ];
}

#endif // USMP_CONVERSION_PASSES_TD
