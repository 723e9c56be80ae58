// RUN: usmp-opt %s -split-input-file -usmp-plan-buffers=algorithm=greedy-by-size -verify-diagnostics

// An exceeded size hint is an error at the allocation naming every pool.
usmp.pool workspace @dtcm size_hint(100) alignment(16)
usmp.pool workspace @sram size_hint(200) alignment(16)
func.func @main(%in: memref<64xf32>, %out: memref<64xf32>) {
  // expected-error @below {{planning failed: buffer 'main.buf0' of size 256 fits in no candidate pool: 'dtcm' had 100 bytes left (size hint 100), 'sram' had 200 bytes left (size hint 200)}}
  %a = memref.alloc() : memref<64xf32>
  memref.copy %in, %a : memref<64xf32> to memref<64xf32>
  memref.copy %a, %out : memref<64xf32> to memref<64xf32>
  return
}

// -----

usmp.pool workspace @sram alignment(16)
usmp.pool constant @flash alignment(16)
func.func @main() {
  // expected-error @below {{buffer 'main.buf0' lists constant pool @flash as a candidate; only constants go there}}
  %a = memref.alloc() {usmp.pools = [@flash]} : memref<4xf32>
  return
}

// -----

// expected-error @below {{there is no usmp.pool to plan into; run usmp-assign-pools first}}
module {
  func.func @main() {
    %a = memref.alloc() : memref<4xf32>
    return
  }
}

// -----

// Nothing to plan and no pool: nothing happens.
module {
  func.func @main() {
    return
  }
}
