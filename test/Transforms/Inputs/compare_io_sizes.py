"""Checks, for one model, that the pool with workspace I/O is no larger than
the workspace pool plus the I/O buffers without it, and prints the figures.

Usage: compare_io_sizes.py NAME PLAIN_REPORT WORKSPACE_IO_REPORT MODEL_MLIR
"""
import json
import re
import sys

name, plain_path, io_path, planned_path = sys.argv[1:5]
with open(plain_path) as f:
    plain = json.load(f)
with open(io_path) as f:
    folded = json.load(f)
with open(planned_path) as f:
    planned = f.read()

# The I/O buffers of the plain plan are the entry's memref<...> arguments
# marked with usmp.io.
io_bytes = 0
widths = {"f32": 4, "i8": 1, "i32": 4, "f16": 2, "i16": 2, "i64": 8, "f64": 8}
for dims, elt in re.findall(r"memref<([0-9x]+)x([a-z0-9]+)> \{usmp\.io", planned):
    count = 1
    for d in dims.split("x"):
        count *= int(d)
    io_bytes += count * widths[elt]

plain_size = sum(p["size"] for p in plain["pools"])
io_size = sum(p["size"] for p in folded["pools"])
print(f"{name}: workspace {plain_size} + I/O {io_bytes} = {plain_size + io_bytes}; "
      f"with workspace I/O {io_size}")
if io_size > plain_size + io_bytes:
    print(f"{name}: workspace I/O made the pool larger", file=sys.stderr)
    sys.exit(1)
