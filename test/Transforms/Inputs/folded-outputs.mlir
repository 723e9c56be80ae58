// Two outputs that bufferization folds into one buffer: a sum over a unit
// dimension is its input.
func.func @main(%arg0: tensor<1x3x1xi8>) -> (tensor<1x3x1xi32>, tensor<1x3x1xi32>) {
  %0 = tosa.cast %arg0 : (tensor<1x3x1xi8>) -> tensor<1x3x1xi32>
  %1 = tosa.reduce_sum %0 {axis = 2 : i32} : (tensor<1x3x1xi32>) -> tensor<1x3x1xi32>
  return %1, %0 : tensor<1x3x1xi32>, tensor<1x3x1xi32>
}
