// A TOSA loop yielding tensors (tosa-ops.mlir).
func.func @main(%n: tensor<i32>, %a: tensor<4xi32>) -> tensor<4xi32> {
  %zero = "tosa.const"() <{values = dense<0> : tensor<i32>}> : () -> tensor<i32>
  %i, %r = tosa.while_loop (%i = %zero, %x = %a) : (tensor<i32>, tensor<4xi32>) -> (tensor<i32>, tensor<4xi32>) {
    %more = tosa.greater %n, %i : (tensor<i32>, tensor<i32>) -> tensor<i1>
    tosa.yield %more : tensor<i1>
  } do {
  ^bb0(%i: tensor<i32>, %x: tensor<4xi32>):
    %one = "tosa.const"() <{values = dense<1> : tensor<i32>}> : () -> tensor<i32>
    %next = tosa.add %i, %one : (tensor<i32>, tensor<i32>) -> tensor<i32>
    %shape = tosa.const_shape {values = dense<1> : tensor<1xindex>} : () -> !tosa.shape<1>
    %step = tosa.reshape %next, %shape : (tensor<i32>, !tosa.shape<1>) -> tensor<1xi32>
    %y = tosa.add %x, %step : (tensor<4xi32>, tensor<1xi32>) -> tensor<4xi32>
    tosa.yield %next, %y : tensor<i32>, tensor<4xi32>
  }
  return %r : tensor<4xi32>
}
