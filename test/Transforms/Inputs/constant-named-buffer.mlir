// An allocation whose name location names a constant placed beside it.
usmp.pool constant @flash alignment(16)
usmp.pool workspace @sram alignment(16)
memref.global "private" constant @weights : memref<4xf32> = dense<1.0> {usmp.pools = [@flash]}
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  %w = memref.get_global @weights : memref<4xf32>
  %a = memref.alloc() {usmp.pools = [@sram]} : memref<4xf32> loc("weights")
  linalg.add ins(%in, %w : memref<4xf32>, memref<4xf32>) outs(%a : memref<4xf32>)
  linalg.copy ins(%a : memref<4xf32>) outs(%out : memref<4xf32>)
  return
}
