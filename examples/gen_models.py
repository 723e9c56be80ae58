#!/usr/bin/env python3
"""Deterministic generator of the example TOSA models of usmp (MLIR 22 syntax).

Usage (from the repository root):
    python3 examples/gen_models.py                 # (re)write the .mlir files
    python3 examples/gen_models.py --selfcheck     # also compare the pure-Python
                                                   # reference with runner/*.expected
    python3 examples/gen_models.py --run           # also run mlir-opt/mlir-runner,
                                                   # rewrite runner/*.expected, print
                                                   # alloc counts and EmitC leftovers

Python 3 standard library only.  Weights come from a tiny xorshift32 PRNG seeded by
an FNV-1a hash of "<model>/<tensor>", so every tensor is reproducible on its own.
Weights and biases are multiples of 1/256 (exact in float32, short in text).

Every model is built by a `Net` object that both emits the TOSA text and computes the
model on the reference input in plain Python (double precision), an independent
check of the MLIR lowering (see --selfcheck).

Files written, relative to this script's directory:
    <model>.mlir              the model, @main public, tensors in, tensors out
    runner/<model>_ref.mlir   the model + @ref_main, which builds the reference input
                              with tensor.generate, calls @main and prints every
                              output with printMemrefF32 (for mlir-runner)
"""

import math
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LLVM_BIN = "/usr/lib/llvm-22/bin"
LLVM_LIB = "/usr/lib/llvm-22/lib"

FRONT_END = ("func.func(tosa-to-linalg-named,tosa-to-linalg,tosa-to-arith,tosa-to-tensor),"
             "one-shot-bufferize{bufferize-function-boundaries "
             "function-boundary-type-conversion=identity-layout-map},"
             "buffer-results-to-out-params{hoist-static-allocs modify-public-functions},"
             "canonicalize")
TO_LLVM = ("func.func(convert-linalg-to-loops),expand-strided-metadata,lower-affine,"
           "finalize-memref-to-llvm,convert-scf-to-cf,convert-to-llvm,"
           "reconcile-unrealized-casts")
TO_EMITC = "func.func(convert-linalg-to-loops),arith-expand,convert-to-emitc"
# What it takes to get further: affine.apply (strided convs, pooling windows) needs
# lower-affine; math.exp (softmax) needs convert-math-to-emitc (scalar f32, so no clash
# with convert-to-emitc's type converter); fold-memref-alias-ops folds the
# collapse_shape/expand_shape/subview views of tosa.reshape into loads and stores.
TO_EMITC_AMENDED = ("func.func(convert-linalg-to-loops),fold-memref-alias-ops,lower-affine,"
                    "arith-expand,convert-math-to-emitc,convert-to-emitc")

F32_MAX = "3.40282347E+38"


# ----------------------------------------------------------------------------
# Deterministic pseudo-random numbers
# ----------------------------------------------------------------------------

def fnv1a(text):
    h = 0x811C9DC5
    for b in text.encode("utf-8"):
        h ^= b
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h or 1


class XorShift32:
    def __init__(self, seed):
        self.s = seed & 0xFFFFFFFF or 1

    def next(self):
        x = self.s
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        self.s = x
        return x

    def int_in(self, lo, hi):
        """Uniform-ish integer in [lo, hi]."""
        return lo + self.next() % (hi - lo + 1)


def rand_values(key, count, limit):
    """`count` multiples of 1/256 in [-limit, limit] (limit rounded to a multiple)."""
    k = max(1, int(round(limit * 256)))
    rng = XorShift32(fnv1a(key))
    return [rng.int_in(-k, k) / 256.0 for _ in range(count)]


def ref_input_value(i):
    """Reference input, element i of the flattened (row-major) input tensor."""
    return ((i * 7) % 13 - 6) / 8.0


# ----------------------------------------------------------------------------
# Text helpers
# ----------------------------------------------------------------------------

def prod(xs):
    p = 1
    for x in xs:
        p *= x
    return p


def ttype(shape, elt="f32"):
    return "tensor<%sx%s>" % ("x".join(str(d) for d in shape), elt) if shape else "tensor<%s>" % elt


def fmt_float(v):
    r = repr(float(v))
    if r == "-0.0":
        r = "0.0"
    return r


def dense_text(shape, flat):
    """Nested dense literal for `flat` (row-major) with `shape`."""
    if all(v == flat[0] for v in flat):
        return fmt_float(flat[0])

    def rec(dim, off):
        if dim == len(shape) - 1:
            return "[" + ", ".join(fmt_float(v) for v in flat[off:off + shape[dim]]) + "]"
        stride = prod(shape[dim + 1:])
        return "[" + ", ".join(rec(dim + 1, off + i * stride) for i in range(shape[dim])) + "]"
    return rec(0, 0)


# ----------------------------------------------------------------------------
# A value: SSA name, shape and (optionally) its concrete reference data
# ----------------------------------------------------------------------------

class Val:
    def __init__(self, name, shape, data=None):
        self.name = name
        self.shape = list(shape)
        self.data = data  # flat row-major list of floats, or None

    @property
    def type(self):
        return ttype(self.shape)


def idx4(shape, n, h, w, c):
    return ((n * shape[1] + h) * shape[2] + w) * shape[3] + c


# ----------------------------------------------------------------------------
# Net: emits TOSA and computes the reference at the same time
# ----------------------------------------------------------------------------

def window_output(key, ih, iw, kh, kw, stride, pad):
    """Output height and width of a kh x kw window sliding with `stride` over
    an ih x iw input padded by `pad` (top, bottom, left, right)."""
    assert (ih - 1 + pad[0] + pad[1] - (kh - 1)) % stride[0] == 0, key
    assert (iw - 1 + pad[2] + pad[3] - (kw - 1)) % stride[1] == 0, key
    return ((ih - 1 + pad[0] + pad[1] - (kh - 1)) // stride[0] + 1,
            (iw - 1 + pad[2] + pad[3] - (kw - 1)) // stride[1] + 1)


class Net:
    def __init__(self, model, compute=True):
        self.model = model
        self.lines = []
        self.counter = 0
        self.params = 0
        self.compute = compute
        self.zp = None
        self.shift = None

    def fresh(self, hint):
        self.counter += 1
        return "%%%s%d" % (hint, self.counter)

    def emit(self, line):
        self.lines.append("  " + line)

    # -- constants -------------------------------------------------------------
    def const(self, hint, shape, flat, count_params=True):
        name = self.fresh(hint)
        t = ttype(shape)
        self.emit('%s = "tosa.const"() <{values = dense<%s> : %s}> : () -> %s'
                  % (name, dense_text(shape, flat), t, t))
        if count_params:
            self.params += len(flat)
        return Val(name, shape, list(flat))

    def weights(self, key, shape, limit):
        return self.const("w", shape, rand_values("%s/%s" % (self.model, key), prod(shape), limit))

    def zero_point(self):
        if self.zp is None:
            self.zp = self.const("zp", [1], [0.0], count_params=False)
        return self.zp

    def shift_zero(self):
        if self.shift is None:
            name = self.fresh("shift")
            self.emit('%s = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>'
                      % name)
            self.shift = name
        return self.shift

    def const_shape(self, shape):
        name = self.fresh("shape")
        self.emit("%s = tosa.const_shape {values = dense<[%s]> : tensor<%dxindex>} : () -> !tosa.shape<%d>"
                  % (name, ", ".join(str(d) for d in shape), len(shape), len(shape)))
        return name

    def result(self, hint, shape, data):
        return Val(self.fresh(hint), shape, data if self.compute else None)

    # -- layers ----------------------------------------------------------------
    def conv2d(self, key, x, oc, kh, kw, stride=(1, 1), pad=(0, 0, 0, 0)):
        n, ih, iw, ic = x.shape
        fan_in = kh * kw * ic
        w = self.weights(key + ".w", [oc, kh, kw, ic], math.sqrt(6.0 / fan_in))
        b = self.weights(key + ".b", [oc], 0.125)
        zp = self.zero_point()
        oh, ow = window_output(key, ih, iw, kh, kw, stride, pad)
        oshape = [n, oh, ow, oc]
        data = None
        if self.compute:
            data = [0.0] * prod(oshape)
            for y in range(oh):
                for xo in range(ow):
                    for o in range(oc):
                        acc = b.data[o]
                        for i in range(kh):
                            yy = y * stride[0] + i - pad[0]
                            if yy < 0 or yy >= ih:
                                continue
                            for j in range(kw):
                                xx = xo * stride[1] + j - pad[2]
                                if xx < 0 or xx >= iw:
                                    continue
                                wbase = ((o * kh + i) * kw + j) * ic
                                xbase = idx4(x.shape, 0, yy, xx, 0)
                                for c in range(ic):
                                    acc += w.data[wbase + c] * x.data[xbase + c]
                        data[idx4(oshape, 0, y, xo, o)] = acc
        r = self.result("conv", oshape, data)
        self.emit("%s = tosa.conv2d %s, %s, %s, %s, %s {acc_type = f32, dilation = array<i64: 1, 1>, "
                  "pad = array<i64: %s>, stride = array<i64: %d, %d>} : (%s, %s, %s, %s, %s) -> %s"
                  % (r.name, x.name, w.name, b.name, zp.name, zp.name, ", ".join(map(str, pad)),
                     stride[0], stride[1], x.type, w.type, b.type, zp.type, zp.type, r.type))
        return r

    def depthwise(self, key, x, kh, kw, stride=(1, 1), pad=(0, 0, 0, 0)):
        n, ih, iw, c = x.shape
        w = self.weights(key + ".w", [kh, kw, c, 1], math.sqrt(6.0 / (kh * kw)))
        b = self.weights(key + ".b", [c], 0.125)
        zp = self.zero_point()
        oh, ow = window_output(key, ih, iw, kh, kw, stride, pad)
        oshape = [n, oh, ow, c]
        data = None
        if self.compute:
            data = [0.0] * prod(oshape)
            for y in range(oh):
                for xo in range(ow):
                    for ch in range(c):
                        acc = b.data[ch]
                        for i in range(kh):
                            yy = y * stride[0] + i - pad[0]
                            if yy < 0 or yy >= ih:
                                continue
                            for j in range(kw):
                                xx = xo * stride[1] + j - pad[2]
                                if xx < 0 or xx >= iw:
                                    continue
                                acc += w.data[(i * kw + j) * c + ch] * x.data[idx4(x.shape, 0, yy, xx, ch)]
                        data[idx4(oshape, 0, y, xo, ch)] = acc
        r = self.result("dw", oshape, data)
        self.emit("%s = tosa.depthwise_conv2d %s, %s, %s, %s, %s {acc_type = f32, dilation = array<i64: 1, 1>, "
                  "pad = array<i64: %s>, stride = array<i64: %d, %d>} : (%s, %s, %s, %s, %s) -> %s"
                  % (r.name, x.name, w.name, b.name, zp.name, zp.name, ", ".join(map(str, pad)),
                     stride[0], stride[1], x.type, w.type, b.type, zp.type, zp.type, r.type))
        return r

    def clamp(self, x, lo, hi=None):
        data = None
        if self.compute:
            top = float("inf") if hi is None else hi
            data = [min(max(v, lo), top) for v in x.data]
        r = self.result("relu", x.shape, data)
        self.emit("%s = tosa.clamp %s {max_val = %s : f32, min_val = %s : f32} : (%s) -> %s"
                  % (r.name, x.name, F32_MAX if hi is None else fmt_float(hi), fmt_float(lo),
                     x.type, r.type))
        return r

    def avg_pool_global(self, x):
        n, ih, iw, c = x.shape
        zp = self.zero_point()
        data = None
        if self.compute:
            data = [sum(x.data[idx4(x.shape, 0, i, j, ch)] for i in range(ih) for j in range(iw)) / (ih * iw)
                    for ch in range(c)]
        r = self.result("pool", [n, 1, 1, c], data)
        self.emit("%s = tosa.avg_pool2d %s, %s, %s {acc_type = f32, kernel = array<i64: %d, %d>, "
                  "pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (%s, %s, %s) -> %s"
                  % (r.name, x.name, zp.name, zp.name, ih, iw, x.type, zp.type, zp.type, r.type))
        return r

    def max_pool(self, x, k):
        n, ih, iw, c = x.shape
        oshape = [n, ih // k, iw // k, c]
        data = None
        if self.compute:
            data = [0.0] * prod(oshape)
            for y in range(oshape[1]):
                for xo in range(oshape[2]):
                    for ch in range(c):
                        data[idx4(oshape, 0, y, xo, ch)] = max(
                            x.data[idx4(x.shape, 0, y * k + i, xo * k + j, ch)]
                            for i in range(k) for j in range(k))
        r = self.result("maxpool", oshape, data)
        self.emit("%s = tosa.max_pool2d %s {kernel = array<i64: %d, %d>, pad = array<i64: 0, 0, 0, 0>, "
                  "stride = array<i64: %d, %d>} : (%s) -> %s"
                  % (r.name, x.name, k, k, k, k, x.type, r.type))
        return r

    def reshape(self, x, shape):
        assert prod(shape) == prod(x.shape)
        s = self.const_shape(shape)
        r = self.result("reshape", shape, x.data)
        self.emit("%s = tosa.reshape %s, %s : (%s, !tosa.shape<%d>) -> %s"
                  % (r.name, x.name, s, x.type, len(shape), r.type))
        return r

    def matmul(self, a, b):
        """[N,H,C] x [N,C,W] -> [N,H,W] (N = 1)."""
        n, h, c = a.shape
        _, c2, w = b.shape
        assert n == 1 and c == c2
        zp = self.zero_point()
        data = None
        if self.compute:
            data = [sum(a.data[i * c + k] * b.data[k * w + j] for k in range(c))
                    for i in range(h) for j in range(w)]
        r = self.result("mm", [n, h, w], data)
        self.emit("%s = tosa.matmul %s, %s, %s, %s : (%s, %s, %s, %s) -> %s"
                  % (r.name, a.name, b.name, zp.name, zp.name, a.type, b.type, zp.type, zp.type, r.type))
        return r

    def _binary(self, op, hint, x, y, fn, extra=None):
        shape = [max(p, q) for p, q in zip(x.shape, y.shape)]
        data = None
        if self.compute:
            data = []
            for lin in range(prod(shape)):
                idx, rem = [], lin
                for d in reversed(shape):
                    idx.append(rem % d)
                    rem //= d
                idx.reverse()

                def get(v):
                    off = 0
                    for k, d in enumerate(v.shape):
                        off = off * d + (idx[k] if d != 1 else 0)
                    return v.data[off]
                data.append(fn(get(x), get(y)))
        r = self.result(hint, shape, data)
        if extra is None:
            self.emit("%s = tosa.%s %s, %s : (%s, %s) -> %s" % (r.name, op, x.name, y.name, x.type, y.type, r.type))
        else:
            self.emit("%s = tosa.%s %s, %s, %s : (%s, %s, tensor<1xi8>) -> %s"
                      % (r.name, op, x.name, y.name, extra, x.type, y.type, r.type))
        return r

    def add(self, x, y):
        return self._binary("add", "add", x, y, lambda a, b: a + b)

    def sub(self, x, y):
        return self._binary("sub", "sub", x, y, lambda a, b: a - b)

    def mul(self, x, y):
        return self._binary("mul", "mul", x, y, lambda a, b: a * b, extra=self.shift_zero())

    def _unary(self, op, x, fn):
        r = self.result(op, x.shape, [fn(v) for v in x.data] if self.compute else None)
        self.emit("%s = tosa.%s %s : (%s) -> %s" % (r.name, op, x.name, x.type, r.type))
        return r

    def _reduce(self, op, x, axis, fn):
        shape = list(x.shape)
        shape[axis] = 1
        data = None
        if self.compute:
            outer = prod(x.shape[:axis])
            n = x.shape[axis]
            inner = prod(x.shape[axis + 1:])
            data = [fn([x.data[(o * n + k) * inner + i] for k in range(n)])
                    for o in range(outer) for i in range(inner)]
        r = self.result(op, shape, data)
        self.emit("%s = tosa.%s %s {axis = %d : i32} : (%s) -> %s" % (r.name, op, x.name, axis, x.type, r.type))
        return r

    def softmax(self, x):
        """softmax along the last axis: exp(x - max) * (1 / sum)."""
        ax = len(x.shape) - 1
        m = self._reduce("reduce_max", x, ax, max)
        d = self.sub(x, m)
        e = self._unary("exp", d, math.exp)
        s = self._reduce("reduce_sum", e, ax, sum)
        inv = self._unary("reciprocal", s, lambda v: 1.0 / v)
        return self.mul(e, inv)

    def fully_connected_conv(self, key, x, classes):
        """FC as a 1x1 conv on a [1,1,1,C] tensor, then reshape to [1,classes]."""
        assert x.shape[1] == 1 and x.shape[2] == 1
        y = self.conv2d(key, x, classes, 1, 1)
        return self.reshape(y, [1, classes])

    def fully_connected_matmul(self, key, x, classes):
        """FC as reshape to [1,1,K], matmul by [1,K,classes], reshape to [1,classes], bias add."""
        k = prod(x.shape)
        a = self.reshape(x, [1, 1, k])
        w = self.weights(key + ".w", [1, k, classes], math.sqrt(6.0 / k))
        b = self.weights(key + ".b", [1, classes], 0.125)
        # Bias added after the reshape, so the model's last op writes the output
        # buffer directly (a trailing reshape would leave a memref.copy to the output).
        y = self.reshape(self.matmul(a, w), [1, classes])
        return self.add(y, b)


# ----------------------------------------------------------------------------
# Models
# ----------------------------------------------------------------------------

def same_pad(size, k, s):
    """TF 'SAME' padding (before, after) and output size."""
    out = (size + s - 1) // s
    total = max((out - 1) * s + k - size, 0)
    return total // 2, total - total // 2, out


def make_input(shape):
    return [ref_input_value(i) for i in range(prod(shape))]


def kws_dscnn(net, xs):
    """MLPerf Tiny KWS DS-CNN (float, batch norm folded)."""
    x, = xs
    pt, pb, _ = same_pad(49, 10, 2)
    pl, pr, _ = same_pad(10, 4, 2)
    y = net.clamp(net.conv2d("conv1", x, 64, 10, 4, (2, 2), (pt, pb, pl, pr)), 0.0)
    for i in range(1, 5):
        y = net.clamp(net.depthwise("dw%d" % i, y, 3, 3, (1, 1), (1, 1, 1, 1)), 0.0)
        y = net.clamp(net.conv2d("pw%d" % i, y, 64, 1, 1), 0.0)
    y = net.avg_pool_global(y)
    y = net.fully_connected_conv("fc", y, 12)
    return [net.softmax(y)]


def mobilenet_tiny(net, xs):
    """MobileNet-v1-style net with ReLU6 (batch norm folded)."""
    x, = xs
    y = net.clamp(net.conv2d("conv1", x, 8, 3, 3, (2, 2), (0, 1, 0, 1)), 0.0, 6.0)
    blocks = [(1, 16), (2, 32), (1, 32), (2, 64), (1, 64)]
    for i, (s, oc) in enumerate(blocks, 1):
        pad = (1, 1, 1, 1) if s == 1 else (0, 1, 0, 1)
        y = net.clamp(net.depthwise("dw%d" % i, y, 3, 3, (s, s), pad), 0.0, 6.0)
        y = net.clamp(net.conv2d("pw%d" % i, y, oc, 1, 1), 0.0, 6.0)
    y = net.avg_pool_global(y)
    return [net.fully_connected_matmul("fc", y, 10)]


def small_cnn(net, xs):
    x, = xs
    y = net.clamp(net.conv2d("conv1", x, 4, 3, 3), 0.0)
    y = net.max_pool(y, 2)
    y = net.conv2d("conv2", y, 4, 1, 1)
    return [net.fully_connected_matmul("fc", y, 3)]


def two_outputs(net, xs):
    a, b = xs
    s = net.add(a, b)
    out1 = net.mul(s, b)
    p = net.mul(a, b)
    w = net.weights("mm.w", [1, 8, 3], 0.5)
    out2 = net.clamp(net.matmul(p, w), 0.0)
    return [out1, out2]


MODELS = [
    # name, builder, input shapes, one-line description
    ("kws_dscnn", kws_dscnn, [[1, 49, 10, 1]],
     "MLPerf Tiny keyword-spotting DS-CNN (float32, batch norm folded, softmax output)"),
    ("mobilenet_tiny", mobilenet_tiny, [[1, 32, 32, 3]],
     "small MobileNet-v1-style net (ReLU6, 5 depthwise-separable blocks, 10 classes)"),
    ("small_cnn", small_cnn, [[1, 8, 8, 1]],
     "tiny CNN for fast lit tests (conv 3x3, maxpool, conv 1x1, FC via matmul)"),
    ("two_outputs", two_outputs, [[1, 4, 8], [1, 4, 8]],
     "two inputs and two outputs (elementwise add/mul and a matmul), for I/O tests"),
]


def header(name, desc, ref=False):
    what = "reference wrapper for mlir-runner around" if ref else ""
    lines = [
        "// %s: %s%s." % (name + ("_ref" if ref else ""), (what + " ") if ref else "", desc),
        "// Generated by examples/gen_models.py; do not edit. Regenerate with:",
        "//   python3 examples/gen_models.py",
        "// Deterministic pseudo-random weights (xorshift32, multiples of 1/256).",
    ]
    return lines


def build(name, fn, in_shapes):
    net = Net(name)
    inputs = []
    for k, shape in enumerate(in_shapes):
        # Different (but formula-defined) data for a second input: offset index.
        data = [ref_input_value(i + k * 5) for i in range(prod(shape))]
        inputs.append(Val("%%arg%d" % k, shape, data))
    outs = fn(net, inputs)
    return net, inputs, outs


def model_text(name, desc, in_shapes, net, inputs, outs, ref=False):
    lines = header(name, desc, ref)
    lines.append("// Parameters: %d. Inputs: %s. Outputs: %s." % (
        net.params, ", ".join(v.type for v in inputs), ", ".join(v.type for v in outs)))
    if ref:
        lines.append("// @ref_main fills input k with element i (row-major) = "
                     "(((i + 5*k) * 7) mod 13 - 6) / 8.0 and prints every output.")
    lines.append("module {")
    args = ", ".join("%s: %s" % (v.name, v.type) for v in inputs)
    res = ", ".join(v.type for v in outs)
    if len(outs) > 1:
        res = "(" + res + ")"
    lines.append("func.func @main(%s) -> %s {" % (args, res))
    lines.extend(net.lines)
    lines.append("  return %s : %s" % (", ".join(v.name for v in outs), ", ".join(v.type for v in outs)))
    lines.append("}")
    if ref:
        lines.extend(ref_main_text(inputs, outs))
    lines.append("}")
    return "\n".join(lines) + "\n"


def ref_main_text(inputs, outs):
    L = ["", "func.func private @printMemrefF32(memref<*xf32>)", "", "func.func @ref_main() {"]
    names = []
    for k, v in enumerate(inputs):
        rank = len(v.shape)
        idx = ["%%i%d_%d" % (k, d) for d in range(rank)]
        L.append("  %%in%d = tensor.generate {" % k)
        L.append("  ^bb0(%s):" % ", ".join("%s: index" % i for i in idx))
        # linear index i = ((i0 * d1 + i1) * d2 + i2) ...
        lin = idx[0]
        for d in range(1, rank):
            L.append("    %%d%d_%d = arith.constant %d : index" % (k, d, v.shape[d]))
            L.append("    %%m%d_%d = arith.muli %s, %%d%d_%d : index" % (k, d, lin, k, d))
            L.append("    %%l%d_%d = arith.addi %%m%d_%d, %s : index" % (k, d, k, d, idx[d]))
            lin = "%%l%d_%d" % (k, d)
        L.append("    %%off%d = arith.constant %d : index" % (k, 5 * k))
        L.append("    %%li%d = arith.addi %s, %%off%d : index" % (k, lin, k))
        L.append("    %%c7_%d = arith.constant 7 : index" % k)
        L.append("    %%c13_%d = arith.constant 13 : index" % k)
        L.append("    %%t%d = arith.muli %%li%d, %%c7_%d : index" % (k, k, k))
        L.append("    %%r%d = arith.remui %%t%d, %%c13_%d : index" % (k, k, k))
        L.append("    %%ri%d = arith.index_cast %%r%d : index to i32" % (k, k))
        L.append("    %%rf%d = arith.sitofp %%ri%d : i32 to f32" % (k, k))
        L.append("    %%c6_%d = arith.constant 6.0 : f32" % k)
        L.append("    %%c8_%d = arith.constant 8.0 : f32" % k)
        L.append("    %%s%d = arith.subf %%rf%d, %%c6_%d : f32" % (k, k, k))
        L.append("    %%v%d = arith.divf %%s%d, %%c8_%d : f32" % (k, k, k))
        L.append("    tensor.yield %%v%d : f32" % k)
        L.append("  } : %s" % v.type)
        names.append("%%in%d" % k)
    outn = ["%%out%d" % k for k in range(len(outs))]
    res = ", ".join(v.type for v in outs)
    if len(outs) > 1:
        res = "(" + res + ")"
    L.append("  %s = func.call @main(%s) : (%s) -> %s" % (
        ", ".join(outn), ", ".join(names), ", ".join(v.type for v in inputs), res))
    for k, v in enumerate(outs):
        mt = "memref<%sxf32>" % "x".join(str(d) for d in v.shape)
        L.append("  %%buf%d = bufferization.to_buffer %%out%d : %s to %s" % (k, k, v.type, mt))
        L.append("  %%u%d = memref.cast %%buf%d : %s to memref<*xf32>" % (k, k, mt))
        L.append("  func.call @printMemrefF32(%%u%d) : (memref<*xf32>) -> ()" % k)
    L.append("  return")
    L.append("}")
    return L


# ----------------------------------------------------------------------------
# Reference output handling
# ----------------------------------------------------------------------------

def parse_numbers(text):
    return [float(t) for t in re.findall(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?|-?nan|-?inf", text)]


def strip_runner_output(out):
    return "\n".join(l for l in out.splitlines() if not l.startswith("Unranked Memref")) + "\n"


def strip_global_alignment(text):
    return re.sub(r"^(\s*memref\.global .*?) \{alignment = \d+ : i64\}$", r"\1", text, flags=re.M)


def count_non_emitc_ops(text):
    ops = {}
    for line in text.splitlines():
        m = re.match(r"\s*(?:%[^=]+= )?\"?([a-z_]+\.[a-z_.0-9]+)", line)
        if m and not m.group(1).startswith("emitc."):
            ops[m.group(1)] = ops.get(m.group(1), 0) + 1
    return ops


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout


def tool_checks(name, path, ref_path):
    opt = os.path.join(LLVM_BIN, "mlir-opt")
    fe = run([opt, path, "--pass-pipeline=builtin.module(%s)" % FRONT_END])
    allocs = len(re.findall(r"memref\.alloc\b", fe))
    # convert-to-emitc fails on memref.global with an alignment (which bufferization
    # always sets); strip it first (see README).
    fe_noalign = strip_global_alignment(fe)
    # Third variant: also rewrite memref.copy (padding copies into a subview) as
    # linalg.copy, which convert-linalg-to-loops turns into loops whose subview
    # fold-memref-alias-ops then folds away.
    fe_linalg_copy = re.sub(r"memref\.copy (%\w+), (%\w+) : (.*) to (.*)$",
                            r"linalg.copy ins(\1 : \3) outs(\2 : \4)", fe_noalign, flags=re.M)
    left = {}
    for label, pipeline, text in (("brief", TO_EMITC, fe_noalign),
                                  ("amended", TO_EMITC_AMENDED, fe_noalign),
                                  ("amended+linalg.copy", TO_EMITC_AMENDED, fe_linalg_copy)):
        p = subprocess.run([opt, "--pass-pipeline=builtin.module(%s)" % pipeline],
                           input=text, capture_output=True, text=True)
        if p.returncode != 0:
            left[label] = {"<failed: %s>" % p.stderr.splitlines()[0][:160]: 1}
            continue
        left[label] = count_non_emitc_ops(p.stdout)
    lowered = run([opt, ref_path, "--pass-pipeline=builtin.module(%s,%s)" % (FRONT_END, TO_LLVM)])
    out = run([os.path.join(LLVM_BIN, "mlir-runner"), "-e", "ref_main", "-entry-point-result=void",
               "-shared-libs=%s/libmlir_runner_utils.so,%s/libmlir_c_runner_utils.so" % (LLVM_LIB, LLVM_LIB)],
              input=lowered)
    return allocs, left, strip_runner_output(out)


def main(argv):
    do_run = "--run" in argv
    selfcheck = "--selfcheck" in argv or do_run
    os.makedirs(os.path.join(HERE, "runner"), exist_ok=True)
    ok = True
    for name, fn, shapes, desc in MODELS:
        net, inputs, outs = build(name, fn, shapes)
        path = os.path.join(HERE, name + ".mlir")
        ref_path = os.path.join(HERE, "runner", name + "_ref.mlir")
        with open(path, "w") as f:
            f.write(model_text(name, desc, shapes, net, inputs, outs))
        with open(ref_path, "w") as f:
            f.write(model_text(name, desc, shapes, net, inputs, outs, ref=True))
        print("%-16s params=%-6d %s -> %s  (%d bytes)" % (
            name, net.params, ", ".join(v.type for v in inputs), ", ".join(v.type for v in outs),
            os.path.getsize(path)))
        exp_path = os.path.join(HERE, "runner", name + ".expected")
        if do_run:
            allocs, left, out = tool_checks(name, path, ref_path)
            with open(exp_path, "w") as f:
                f.write(out)
            print("    memref.alloc after the front end: %d" % allocs)
            for label in ("brief", "amended", "amended+linalg.copy"):
                print("    non-EmitC ops after the %s EmitC pipeline: %s" % (label, ", ".join(
                    "%s x%d" % kv for kv in sorted(left[label].items())) or "none"))
        if selfcheck:
            if not os.path.exists(exp_path):
                print("    no %s: run with --run first" % exp_path)
                continue
            with open(exp_path) as f:
                got = parse_numbers(f.read())
            want = [d for v in outs for d in v.data]
            worst = max(abs(g - w) / max(1.0, abs(w)) for g, w in zip(got, want)) if got else float("inf")
            good = len(got) == len(want) and worst < 1e-4
            ok = ok and good
            print("    python reference vs %s: %s (%d values, max rel. diff %.2e)" % (
                os.path.relpath(exp_path, HERE), "OK" if good else "MISMATCH", len(want), worst))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
