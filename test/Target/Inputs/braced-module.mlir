// Module names that are no plain part of a file name.
module {
  module @"x{module}" {
    func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
      linalg.add ins(%in, %in : memref<4xf32>, memref<4xf32>) outs(%out : memref<4xf32>)
      return
    }
  }
  module @"../escaped" {
    func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
      linalg.add ins(%in, %in : memref<4xf32>, memref<4xf32>) outs(%out : memref<4xf32>)
      return
    }
  }
}
