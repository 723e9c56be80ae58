// RUN: usmp-opt %s -usmp-print-buffer-liveness 2>&1 | FileCheck %s
// RUN: not usmp-opt %s -usmp-print-buffer-liveness=alignment=3 2>&1 | FileCheck %s --check-prefix=ALIGN

// ALIGN: error: option 'alignment' must be a power of two up to 2^62, got 3

// Name locations name buffers; clashing names get a suffix.
// CHECK: remark: buffer 'scratch' size 12 alignment 16 live [1, 1]
// CHECK: remark: buffer 'scratch_1' size 4 alignment 16 live [3, 3]
// CHECK: remark: buffer 'main.buf2' size 4 alignment 16 live [5, 5]
func.func @main() {
  %a = memref.alloc() : memref<3xi32> loc("scratch"("in.mlir":1:1))
  %b = memref.alloc() : memref<1xi32> loc("scratch"("in.mlir":2:1))
  %c = memref.alloc() : memref<1xi32>
  return
}
