"""Prints a model whose entry passes its one buffer down a chain of N
functions, the last of which writes it."""
import sys

n = int(sys.argv[1])
print("func.func @main(%out: memref<4xf32>) {")
print("  %a = memref.alloc() : memref<4xf32>")
print("  call @f1(%a) : (memref<4xf32>) -> ()")
print("  memref.copy %a, %out : memref<4xf32> to memref<4xf32>")
print("  return")
print("}")
for i in range(1, n + 1):
    print(f"func.func private @f{i}(%p: memref<4xf32>) {{")
    if i < n:
        print(f"  call @f{i + 1}(%p) : (memref<4xf32>) -> ()")
    else:
        print("  %c0 = arith.constant 0 : index")
        print("  %one = arith.constant 1.0 : f32")
        print("  memref.store %one, %p[%c0] : memref<4xf32>")
    print("  return")
    print("}")
