// Every buffer and every constant has its candidate pools already.
usmp.pool workspace @sram
usmp.pool constant @rom
memref.global "private" constant @w : memref<4xf32> = dense<1.0> {usmp.pools = [@rom]}
func.func @main(%out: memref<4xf32>) {
  %w = memref.get_global @w : memref<4xf32>
  %a = memref.alloc() {usmp.pools = [@sram]} : memref<4xf32>
  memref.copy %w, %a : memref<4xf32> to memref<4xf32>
  memref.copy %a, %out : memref<4xf32> to memref<4xf32>
  return
}
