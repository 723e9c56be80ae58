// RUN: not usmp-opt %s -usmp-fold-workspace-io=names=nope 2>&1 | FileCheck %s
// RUN: not usmp-opt %s -usmp-pipeline=workspace-io=nope 2>&1 | FileCheck %s
// RUN: not usmp-opt %s -usmp-pipeline=workspace-io=input1,serving_default_x:0,input1 2>&1 | FileCheck %s --check-prefix=TWICE
// An unknown name is an error listing the names there are, sorted.
// CHECK: error: option 'names' ('workspace-io' of usmp-pipeline) lists 'nope', which is no input or output of @main (known: 'input1', 'serving_default_x:0')
// A name given twice is most likely meant to be another one.
// TWICE: error: option 'names' ('workspace-io' of usmp-pipeline) lists 'input1' twice
func.func @main(%x: memref<4xf32> {usmp.io = #usmp.io<input "serving_default_x:0", index = 0>}, %in: memref<4xf32>) {
  return
}
