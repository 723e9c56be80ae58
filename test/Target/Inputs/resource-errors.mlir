// Resource constants the C lowering cannot read (resource-constants.mlir;
// usmp-inline-resources has the same errors for TOSA models).

// expected-error @+1 {{the data of resource '__elided__' is missing (was it elided when the model was printed?)}}
memref.global "private" constant @w : memref<4xf32> = dense_resource<__elided__>
func.func @main(%out: memref<4xf32>) {
  %w = memref.get_global @w : memref<4xf32>
  memref.copy %w, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// One element's bytes are not four elements (a dense attribute's raw data
// would take them as a splat).
// expected-error @+1 {{resource 'one' holds 4 bytes, not the elements of 'tensor<4xf32>'}}
memref.global "private" constant @w : memref<4xf32> = dense_resource<one>
func.func @main(%out: memref<4xf32>) {
  %w = memref.get_global @w : memref<4xf32>
  memref.copy %w, %out : memref<4xf32> to memref<4xf32>
  return
}
{-#
  dialect_resources: {
    builtin: {
      one: "0x040000000000803F"
    }
  }
#-}
