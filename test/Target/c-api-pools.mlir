// Several workspace pools (one owned by the generated code), a constant pool
// with its data, and I/O outside the pools.
// RUN: usmp-opt %s --usmp-pipeline="model-name=Multi-Pool algorithm=greedy-by-size" --convert-usmp-to-emitc="internal-pools=scratch" | usmp-translate --usmp-emit-c --output-dir=%t
// RUN: FileCheck %s --input-file=%t/tvmgen_multi_pool.h
// RUN: FileCheck %s --input-file=%t/tvmgen_multi_pool.c --check-prefix=SOURCE
// RUN: cc -std=c99 -Wall -Wextra -Werror -pedantic -c %t/tvmgen_multi_pool.c -o %t/c.o
// RUN: c++ -x c++ -std=c++17 -Wall -Wextra -Werror -pedantic -c %t/tvmgen_multi_pool.c -o %t/cxx.o
// An internal constant pool says it is one.
// RUN: usmp-opt %s --usmp-pipeline="model-name=Multi-Pool algorithm=greedy-by-size" --convert-usmp-to-emitc="internal-pools=scratch,flash" | usmp-translate --usmp-emit-c --output-dir=%t/flash
// RUN: FileCheck %s --input-file=%t/flash/tvmgen_multi_pool.h --check-prefix=FLASH
// FLASH: /* Bytes and contents of internal constant pool flash (a static array of the source) */
// A declared pool the plan leaves empty is not in the pools struct: said at
// the pool (internal ones are no field anyway).
// RUN: usmp-opt %S/Inputs/internal-output.mlir --usmp-pipeline="use-workspace-io=1 pools=sram,spare,extra:internal" --convert-usmp-to-emitc -o /dev/null 2>&1 | FileCheck %s --check-prefix=UNUSED
// UNUSED: remark: pool @spare holds nothing of the model: the C API leaves it out
// UNUSED-NOT: remark
// Compilers without GNU attributes align the internal pools with the
// standard's spelling, and a C99 one without any stops.
// RUN: clang-22 -U__GNUC__ -std=c11 -E %t/tvmgen_multi_pool.c | FileCheck %s --check-prefix=C11
// RUN: clang++-22 -U__GNUC__ -x c++ -std=c++17 -E %t/tvmgen_multi_pool.c | FileCheck %s --check-prefix=CXX11
// RUN: clang-22 -U__GNUC__ -std=c11 -Wall -Wextra -Werror -pedantic -c %t/tvmgen_multi_pool.c -o %t/c11.o
// RUN: clang++-22 -U__GNUC__ -x c++ -std=c++17 -Wall -Wextra -Werror -pedantic -c %t/tvmgen_multi_pool.c -o %t/cxx11.o
// RUN: not clang-22 -U__GNUC__ -std=c99 -fsyntax-only %t/tvmgen_multi_pool.c 2>&1 | FileCheck %s --check-prefix=C99
// RUN: clang-22 -U__GNUC__ "-DUSMP_ALIGNED(n)=_Alignas(n)" -std=c99 -fsyntax-only %t/tvmgen_multi_pool.c
// C11: _Alignas(16) static uint8_t tvmgen_multi_pool_scratch[16];
// CXX11: alignas(16) static uint8_t tvmgen_multi_pool_scratch[16];
// C99: error: "no known way to align the static arrays with this compiler; define USMP_ALIGNED(n)"

// Provided pools are fields sorted by name; the internal one is not.
// CHECK: struct tvmgen_multi_pool_workspace_pools {
// CHECK-NEXT:   void* dtcm;
// CHECK-NEXT:   void* flash;
// CHECK-NEXT:   void* sram;
// CHECK-NEXT: };
// CHECK: extern int32_t tvmgen_multi_pool_run(struct tvmgen_multi_pool_inputs*, struct tvmgen_multi_pool_outputs*, struct tvmgen_multi_pool_workspace_pools*);
// CHECK: #define TVMGEN_MULTI_POOL_WORKSPACE_SIZE 96
// The pools' comments say how aligned the application's must be.
// CHECK: /* Bytes of pool dtcm, whose base must be aligned to 16 bytes */
// CHECK-NEXT: #define TVMGEN_MULTI_POOL_DTCM_WORKSPACE_POOL_SIZE 64
// CHECK: /* Bytes of pool sram, whose base must be aligned to 16 bytes */
// CHECK-NEXT: #define TVMGEN_MULTI_POOL_SRAM_WORKSPACE_POOL_SIZE 32
// CHECK: /* Bytes of internal pool scratch (a static array of the source) */
// CHECK-NEXT: #define TVMGEN_MULTI_POOL_SCRATCH_WORKSPACE_POOL_SIZE 16
// CHECK: /* Bytes and contents of constant pool flash, whose base must be aligned to 16 bytes */
// CHECK-NEXT: #define TVMGEN_MULTI_POOL_FLASH_CONSTANT_POOL_SIZE 16
// CHECK-NEXT: #define TVMGEN_MULTI_POOL_FLASH_CONSTANT_POOL_DATA \
// CHECK-NEXT:     0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x40, 0x40, 0x00, 0x00, 0x80, 0x40,{{$}}

// SOURCE: #define USMP_ALIGNED(n) __attribute__((aligned(n)))
// SOURCE: USMP_ALIGNED(16) static uint8_t tvmgen_multi_pool_scratch[16];
// SOURCE: tvmgen_multi_pool_scratch
usmp.pool workspace @dtcm size_hint(64) alignment(16)
usmp.pool workspace @sram alignment(16)
usmp.pool workspace @scratch alignment(16)
usmp.pool constant @flash alignment(16)
memref.global "private" constant @w : memref<4xf32> = dense<[1.0, 2.0, 3.0, 4.0]>
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  %w = memref.get_global @w : memref<4xf32>
  %a = memref.alloc() : memref<16xf32>
  %b = memref.alloc() : memref<8xf32>
  %c = memref.alloc() {usmp.pools = [@scratch]} : memref<4xf32>
  %c0 = arith.constant 0 : index
  %x = memref.load %in[%c0] : memref<4xf32>
  %y = memref.load %w[%c0] : memref<4xf32>
  memref.store %x, %a[%c0] : memref<16xf32>
  memref.store %y, %b[%c0] : memref<8xf32>
  memref.store %x, %c[%c0] : memref<4xf32>
  %z = memref.load %a[%c0] : memref<16xf32>
  %v = memref.load %b[%c0] : memref<8xf32>
  %u = memref.load %c[%c0] : memref<4xf32>
  %s = arith.addf %z, %v : f32
  %t = arith.addf %s, %u : f32
  memref.store %t, %out[%c0] : memref<4xf32>
  return
}
