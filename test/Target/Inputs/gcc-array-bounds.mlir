// Two reductions whose views of the workspace share offset 0 with other
// shapes: GCC 12 at -O2 reported accesses through one as out of bounds
// (c-api-warnings.mlir).
func.func @main(%a: tensor<2x3x2xf32>, %b: tensor<2x2x3x2xf32>) -> (tensor<2x1x2xf32>, tensor<2x2x3x1xf32>) {
  %r1 = tosa.reduce_max %a {axis = 1 : i32, nan_mode = IGNORE} : (tensor<2x3x2xf32>) -> tensor<2x1x2xf32>
  %r2 = tosa.reduce_max %b {axis = 3 : i32, nan_mode = IGNORE} : (tensor<2x2x3x2xf32>) -> tensor<2x2x3x1xf32>
  return %r1, %r2 : tensor<2x1x2xf32>, tensor<2x2x3x1xf32>
}
