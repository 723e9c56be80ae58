// A module with a data layout: the lowering keeps it, so usmp-translate
// reads DLTI attributes.
module attributes {dlti.dl_spec = #dlti.dl_spec<index = 64 : i64>} {
  func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
    memref.copy %in, %out : memref<4xf32> to memref<4xf32>
    return
  }
}
