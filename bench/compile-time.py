#!/usr/bin/env python3
"""Compile time of the usmp flow on generated models of growing size.

usage: bench/compile-time.py [--bin=build/bin] [--sizes=1000,4000,16000]
                             [--families=chain,calls,...]

Each family is generated at each size (about that many operators) and run
through the README's flow in three stages: `usmp-opt` with `--usmp-from-tosa`
(TOSA families) and `--usmp-pipeline`, `usmp-opt --convert-usmp-to-emitc`,
and `usmp-translate --usmp-emit-c`. Per stage it prints the wall time, the
peak memory and the slowest usmp pass (`--mlir-timing`), so a stage growing
faster than its input shows at once. Upstream passes in the same stage
(bufferization, the lowering to loops and EmitC) are part of the stage's
time but never named as the slowest usmp pass; the time of
ConvertUSMPToEmitCPass includes the upstream lowering it runs inside.

Families:
  chain        one TOSA function, a chain of elementwise operators
  io           TOSA, n/2 inputs each giving one of n/2 outputs, workspace I/O
  calls        memref-level, main calls n operator functions, each with a
               scratch buffer
  weights      memref-level, as calls, each function reading a constant of
               its own passed by main
  repeated     memref-level, n/4 buffers live across the run while one
               function with four scratch buffers is called n/2 times
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

T = "tensor<1x16xf32>"
M = "memref<16xf32>"


def tanh_copy(x, y):
    return (
        "  linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, "
        "affine_map<(d0) -> (d0)>], iterator_types = [\"parallel\"]} "
        f"ins({x} : {M}) outs({y} : {M}) {{\n"
        "  ^bb0(%a: f32, %b: f32):\n    %r = math.tanh %a : f32\n"
        "    linalg.yield %r : f32\n  }"
    )


def chain(n):
    ops = ["tosa.tanh {0}", "tosa.add {0}, {0}", "tosa.abs {0}", "tosa.sub {0}, {0}"]
    out = [f"func.func @main(%arg0: {T}) -> {T} {{"]
    prev = "%arg0"
    for i in range(n):
        kind = ops[i % 4]
        types = f"({T}, {T})" if "," in kind else f"({T})"
        out.append(f"  %v{i} = {kind.format(prev)} : {types} -> {T}")
        prev = f"%v{i}"
    out.append(f"  return {prev} : {T}\n}}")
    return "\n".join(out)


def io(n):
    k = max(n // 2, 1)
    args = ", ".join(f"%in{i}: {T}" for i in range(k))
    results = ", ".join([T] * k)
    out = [f"func.func @main({args}) -> ({results}) {{"]
    out += [f"  %o{i} = tosa.tanh %in{i} : ({T}) -> {T}" for i in range(k)]
    out.append("  return " + ", ".join(f"%o{i}" for i in range(k)) +
               f" : {results}\n}}")
    return "\n".join(out)


def calls(n, weights=False):
    out = []
    for i in range(n):
        if weights:
            values = ", ".join(str((i * 7 + j) % 97) + ".0" for j in range(16))
            out.append(f'memref.global "private" constant @w{i} : {M} = '
                       f"dense<[{values}]>")
        extra = f", %w: {M}" if weights else ""
        source = "%w" if weights else "%x"
        out.append(f"func.func private @op{i}(%x: {M}{extra}, %y: {M}) {{\n"
                   f"  %s = memref.alloc() : {M}\n{tanh_copy(source, '%s')}\n"
                   f"{tanh_copy('%s', '%y')}\n  return\n}}")
    out.append(f"func.func @main(%in: {M}, %out: {M}) {{")
    prev = "%in"
    for i in range(n):
        out.append(f"  %t{i} = memref.alloc() : {M}")
        if weights:
            out.append(f"  %g{i} = memref.get_global @w{i} : {M}")
            out.append(f"  call @op{i}({prev}, %g{i}, %t{i}) : "
                       f"({M}, {M}, {M}) -> ()")
        else:
            out.append(f"  call @op{i}({prev}, %t{i}) : ({M}, {M}) -> ()")
        prev = f"%t{i}"
    out.append(f"  memref.copy {prev}, %out : {M} to {M}\n  return\n}}")
    return "\n".join(out)


def repeated(n):
    live, times = max(n // 4, 1), max(n // 2, 1)
    out = [f"func.func private @op(%x: {M}, %y: {M}) {{"]
    out += [f"  %s{j} = memref.alloc() : {M}" for j in range(4)]
    steps = ["%x", "%s0", "%s1", "%s2", "%s3", "%y"]
    out += [tanh_copy(a, b) for a, b in zip(steps, steps[1:])]
    out.append("  return\n}")
    out.append(f"func.func @main(%in: {M}, %out: {M}) {{")
    for i in range(live):
        out.append(f"  %w{i} = memref.alloc() : {M}")
        out.append(tanh_copy("%in", f"%w{i}"))
    prev = "%in"
    for i in range(times):
        out.append(f"  %t{i} = memref.alloc() : {M}")
        out.append(f"  call @op({prev}, %t{i}) : ({M}, {M}) -> ()")
        prev = f"%t{i}"
    out += [f"  call @op(%w{i}, {prev}) : ({M}, {M}) -> ()" for i in range(live)]
    out.append(f"  memref.copy {prev}, %out : {M} to {M}\n  return\n}}")
    return "\n".join(out)


# name: (generator, TOSA input, extra usmp-pipeline options)
FAMILIES = {
    "chain": (chain, True, ""),
    "io": (io, True, " use-workspace-io=1"),
    "calls": (calls, False, ""),
    "weights": (lambda n: calls(n, weights=True), False, ""),
    "repeated": (repeated, False, ""),
}


def run_stage(command, source, target, work):
    """Runs `command` on `source` into `target`; returns the wall time, the
    peak memory in MiB and the slowest usmp pass with its time."""
    errors = os.path.join(work, "stderr")
    start = time.monotonic()
    with open(source) as stdin, open(target, "w") as stdout, \
            open(errors, "w") as stderr:
        process = subprocess.Popen(command, stdin=stdin, stdout=stdout,
                                   stderr=stderr)
        # This child's own peak, which subprocess's wait does not keep.
        _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - start
    with open(errors) as file:
        report = file.read()
    if status != 0:
        sys.exit(f"{' '.join(command)} failed:\n{report[-2000:]}")
    slowest = ("", 0.0)
    # Lines of one column (wall time) or two (user, then wall time).
    column = r"([0-9.]+) \(\s*[0-9.]+%\)\s+"
    for match in re.finditer(rf"^\s+(?:{column})?{column}(\S+Pass)$", report,
                             re.M):
        seconds, name = float(match.group(2)), match.group(3)
        if ("USMP" in name or name in usmp_passes) and seconds > slowest[1]:
            slowest = (name, seconds)
    return wall, usage.ru_maxrss // 1024, slowest


# The usmp passes whose class names do not say USMP.
usmp_passes = {
    "MarkIOPass", "FoldWorkspaceIOPass", "AssignPoolsPass", "PlanBuffersPass",
    "ConvertToPoolViewsPass", "VerifyPlanPass", "SetModelNamePass",
    "OrderConstantsPass", "InlineResourcesPass", "CopyYieldedBuffersPass",
    "CopyRepeatedResultsPass", "CopyReshapedArgumentsPass", "WidenIntegersPass",
}


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default=os.path.join(root, "build", "bin"))
    parser.add_argument("--sizes", default="1000,4000,16000")
    parser.add_argument("--families", default=",".join(FAMILIES))
    args = parser.parse_args()
    opt = os.path.join(args.bin, "usmp-opt")
    translate = os.path.join(args.bin, "usmp-translate")
    families = args.families.split(",")
    for family in families:
        if family not in FAMILIES:
            sys.exit(f"unknown family '{family}' (known: {', '.join(FAMILIES)})")
    print(f"{'family':10} {'n':>6} {'stage':9} {'wall s':>8} {'peak MiB':>9}"
          "  slowest usmp pass")
    with tempfile.TemporaryDirectory() as work:
        for family in families:
            generate, tosa, options = FAMILIES[family]
            for n in (int(size) for size in args.sizes.split(",")):
                model = os.path.join(work, f"{family}{n}.mlir")
                with open(model, "w") as file:
                    file.write(generate(n) + "\n")
                planned, lowered = model + ".planned", model + ".emitc"
                pipeline = (["--usmp-from-tosa"] if tosa else []) + [
                    f"--usmp-pipeline=model-name=m{options}"]
                stages = [
                    ("pipeline", [opt, "-", "--mlir-timing"] + pipeline,
                     model, planned),
                    ("to-emitc", [opt, "-", "--mlir-timing",
                                  "--convert-usmp-to-emitc"], planned, lowered),
                    ("translate", [translate, "-", "--usmp-emit-c",
                                   f"--output-dir={work}/out"], lowered,
                     os.devnull),
                ]
                for stage, command, source, target in stages:
                    wall, peak, (name, seconds) = run_stage(
                        command, source, target, work)
                    slowest = f"{name} {seconds:.2f} s" if name else ""
                    print(f"{family:10} {n:6} {stage:9} {wall:8.2f} {peak:9}"
                          f"  {slowest}", flush=True)


if __name__ == "__main__":
    main()
