// Resource constants the C lowering cannot read (resource-constants.mlir).

// expected-error @+1 {{cannot lower @w to C: the data of its resource '__elided__' is missing (was it elided when the model was printed?)}}
memref.global "private" constant @w : memref<4xf32> = dense_resource<__elided__>
func.func @main(%out: memref<4xf32>) {
  %w = memref.get_global @w : memref<4xf32>
  memref.copy %w, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// expected-error @+1 {{cannot lower @w to C: its resource 'short' holds 8 bytes, which are not the elements of 'tensor<4xf32>'}}
memref.global "private" constant @w : memref<4xf32> = dense_resource<short>
func.func @main(%out: memref<4xf32>) {
  %w = memref.get_global @w : memref<4xf32>
  memref.copy %w, %out : memref<4xf32> to memref<4xf32>
  return
}
{-#
  dialect_resources: {
    builtin: {
      short: "0x040000000000803F00000040"
    }
  }
#-}

// -----

// expected-error @+1 {{cannot lower @k to C: its resource 'bits' holds 1 bytes, which are not the elements of 'tensor<4xi1>'}}
memref.global "private" constant @k : memref<4xi1> = dense_resource<bits>
func.func @main(%out: memref<4xi1>) {
  %k = memref.get_global @k : memref<4xi1>
  memref.copy %k, %out : memref<4xi1> to memref<4xi1>
  return
}
{-#
  dialect_resources: {
    builtin: {
      bits: "0x010000000F"
    }
  }
#-}
