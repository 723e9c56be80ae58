// RUN: not usmp-opt %s -usmp-fold-workspace-io=names=nope 2>&1 | FileCheck %s
// RUN: not usmp-opt %s -usmp-pipeline=workspace-io=nope 2>&1 | FileCheck %s
// CHECK: error: option 'names' ('workspace-io' of usmp-pipeline) lists 'nope', which is no input or output of @main
func.func @main(%in: memref<4xf32>) {
  return
}
