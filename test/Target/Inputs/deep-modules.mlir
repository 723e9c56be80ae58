// Models two levels down.
module {
  module @group {
    module @inner attributes {usmp.model_name = "inner"} {
      func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
        linalg.add ins(%in, %in : memref<4xf32>, memref<4xf32>) outs(%out : memref<4xf32>)
        return
      }
    }
    module @deeper attributes {usmp.model_name = "deeper"} {
      func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
        linalg.add ins(%in, %in : memref<4xf32>, memref<4xf32>) outs(%out : memref<4xf32>)
        return
      }
    }
  }
}
