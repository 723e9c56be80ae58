"""Prints a model whose entry calls a chain of N functions, each with a
scratch buffer and a call to the next."""
import sys

n = int(sys.argv[1])
print("func.func @main(%out: memref<4xf32>) {")
print("  call @f1(%out) : (memref<4xf32>) -> ()")
print("  return")
print("}")
for i in range(1, n + 1):
    print(f"func.func private @f{i}(%out: memref<4xf32>) {{")
    print("  %a = memref.alloc() : memref<4xf32>")
    print("  memref.copy %out, %a : memref<4xf32> to memref<4xf32>")
    if i < n:
        print(f"  call @f{i + 1}(%a) : (memref<4xf32>) -> ()")
    print("  memref.copy %a, %out : memref<4xf32> to memref<4xf32>")
    print("  return")
    print("}")
