"""Compiles a model to C with usmp, builds a small application against the
generated API the way the brief's applications are written, runs it under
AddressSanitizer and compares its outputs with the reference that mlir-runner
printed for the unplanned model (examples/runner/<model>.expected).

The application maps inputs and outputs (workspace I/O) or passes its own
buffers, runs the model twice (first on other data, then on the reference
input, so stale pool contents or wrong re-mapping would show), and allocates
each pool it provides with exactly the size the header gives, so ASan
catches any access outside it (and outside the static arrays of the pools
the generated code owns).

Usage: run_model.py USMP_OPT USMP_TRANSLATE MODEL.mlir EXPECTED WORKDIR NAME
                    [--workspace-io] [--cxx]
"""
import os
import re
import subprocess
import sys

usmp_opt, usmp_translate, model, expected, workdir, name = sys.argv[1:7]
workspace_io = "--workspace-io" in sys.argv[7:]
as_cxx = "--cxx" in sys.argv[7:]
os.makedirs(workdir, exist_ok=True)


def run(cmd, **kwargs):
    result = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.stderr.write("command failed: %s\n%s%s" % (" ".join(cmd), result.stdout, result.stderr))
        sys.exit(1)
    return result.stdout


# With workspace I/O the application provides a pool the inputs and outputs
# live in; without, the model keeps its default pool, which the generated
# code owns.
pipeline = "model-name=%s" % name + (" use-workspace-io=1 pools=sram" if workspace_io else "")
lowered = os.path.join(workdir, name + ".emitc.mlir")
run([usmp_opt, model, "--usmp-from-tosa", "--usmp-pipeline=" + pipeline,
     "--convert-usmp-to-emitc", "-o", lowered])
run([usmp_translate, "--usmp-emit-c", "--output-dir=" + workdir, lowered])

header = open(os.path.join(workdir, "tvmgen_%s.h" % name)).read()
upper = name.upper()
tensors = re.findall(r"/\* (Input|Output) tensor (.*) size \(in bytes\) \*/\n#define TVMGEN_%s_(\w+)_SIZE (\d+)" % upper, header)
inputs = [(m[2].lower(), int(m[3])) for m in tensors if m[0] == "Input"]
outputs = [(m[2].lower(), int(m[3])) for m in tensors if m[0] == "Output"]
# The pools the application provides: the fields of the pools struct.
pool_struct = re.search(r"struct tvmgen_%s_workspace_pools \{\n((?:  void\* \w+;\n)*)\};" % name, header)
has_pool_struct = pool_struct is not None
pools = re.findall(r"void\* (\w+);", pool_struct.group(1)) if pool_struct else []

p = "tvmgen_" + name
lines = ['#include "%s.h"' % p, "#include <stdio.h>", "#include <stdlib.h>", ""]
lines.append("static void fill(float* data, size_t count, size_t input, int other) {")
lines.append("  for (size_t i = 0; i < count; ++i)")
lines.append("    data[i] = other ? (float)(i % 5) - 2.0f")
lines.append("                    : (float)((long)(((i + 5 * input) * 7) % 13) - 6) / 8.0f;")
lines.append("}")
lines.append("int main(void) {")
if has_pool_struct:
    lines.append("  struct %s_workspace_pools pools;" % p)
for pool in pools:
    lines.append("  void* %s = malloc(TVMGEN_%s_%s_WORKSPACE_POOL_SIZE);" % (pool, upper, pool.upper()))
    lines.append("  pools.%s = %s;" % (pool, pool))
if workspace_io:
    lines.append("  struct %s_inputs inputs = %s_map_inputs(&pools);" % (p, p))
    lines.append("  struct %s_outputs outputs = %s_map_outputs(&pools);" % (p, p))
else:
    lines.append("  struct %s_inputs inputs;" % p)
    lines.append("  struct %s_outputs outputs;" % p)
    for tensor, size in inputs + outputs:
        kind = "inputs" if (tensor, size) in inputs else "outputs"
        lines.append("  %s.%s = malloc(TVMGEN_%s_%s_SIZE);" % (kind, tensor, upper, tensor.upper()))
run_args = ["&inputs", "&outputs"] if not workspace_io else []
if has_pool_struct:
    run_args.append("&pools")
lines.append("  for (int round = 0; round < 2; ++round) {")
for k, (tensor, size) in enumerate(inputs):
    lines.append("    fill((float*)inputs.%s, TVMGEN_%s_%s_SIZE / sizeof(float), %d, round == 0);"
                 % (tensor, upper, tensor.upper(), k))
lines.append("    if (%s_run(%s) != 0) return 1;" % (p, ", ".join(run_args)))
lines.append("  }")
for tensor, size in outputs:
    lines.append("  for (size_t i = 0; i < TVMGEN_%s_%s_SIZE / sizeof(float); ++i)" % (upper, tensor.upper()))
    lines.append('    printf("%%.9g\\n", (double)((float*)outputs.%s)[i]);' % tensor)
for pool in pools:
    lines.append("  free(%s);" % pool)
if not workspace_io:
    for tensor, size in inputs:
        lines.append("  free(inputs.%s);" % tensor)
    for tensor, size in outputs:
        lines.append("  free(outputs.%s);" % tensor)
lines.append("  return 0;")
lines.append("}")
app = os.path.join(workdir, "app.c")
open(app, "w").write("\n".join(lines) + "\n")

compiler = ["c++", "-x", "c++", "-std=c++17"] if as_cxx else ["cc", "-std=c99"]
flags = ["-Wall", "-Wextra", "-Werror", "-pedantic", "-O1", "-g",
         "-fsanitize=address,undefined", "-fno-sanitize-recover=all"]
exe = os.path.join(workdir, "app")
run(compiler + flags + ["-I", workdir, app, os.path.join(workdir, p + ".c"), "-o", exe, "-lm"])
if as_cxx:
    # No name of the generated C is one C++ reserves (GCC has no such warning).
    run(["clang++-22", "-x", "c++", "-std=c++17", "-Wreserved-identifier",
         "-Wreserved-macro-identifier", "-Werror", "-fsyntax-only", "-I", workdir,
         os.path.join(workdir, p + ".c")])
got = [float(x) for x in run([exe]).split()]
want = [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?", open(expected).read())]
if len(got) != len(want):
    sys.exit("%s: %d outputs, the reference has %d" % (name, len(got), len(want)))
# The reference prints 6 significant digits: compare to that precision.
for i, (g, w) in enumerate(zip(got, want)):
    if abs(g - w) > 1e-5 * max(abs(w), 1.0):
        sys.exit("%s: output %d is %r, the reference %r" % (name, i, g, w))
print("%s: %d outputs match the reference" % (name, len(got)))
