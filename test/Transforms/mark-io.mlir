// RUN: usmp-opt %s -split-input-file -usmp-mark-io -verify-diagnostics | FileCheck %s

// Default names, by direction and position; non-tensor arguments are no I/O.
// CHECK-LABEL: func.func @main
// CHECK-SAME: (%{{.*}}: tensor<4xf32> {usmp.io = #usmp.io<input "input0", index = 0>}, %{{.*}}: i32, %{{.*}}: tensor<2xi8> {usmp.io = #usmp.io<input "input1", index = 1>})
// CHECK-SAME: -> (tensor<4xf32> {usmp.io = #usmp.io<output "output0", index = 0>})
func.func @main(%a: tensor<4xf32>, %n: i32, %b: tensor<2xi8>) -> tensor<4xf32> {
  return %a : tensor<4xf32>
}

// -----

// Names from a TensorFlow Lite importer; an existing marker is kept.
// CHECK-LABEL: func.func @main
// CHECK-SAME: (%{{.*}}: tensor<4xf32> {usmp.io = #usmp.io<input "serving_default_x:0", index = 0>}, %{{.*}}: tensor<4xf32> {usmp.io = #usmp.io<input "mine", index = 1>})
// CHECK-SAME: -> (tensor<4xf32> {usmp.io = #usmp.io<output "Identity:0", index = 0>})
func.func @main(%a: tensor<4xf32>, %b: tensor<4xf32> {usmp.io = #usmp.io<input "mine", index = 1>}) -> tensor<4xf32>
    attributes {tf.entry_function = {inputs = "serving_default_x:0,serving_default_y:0", outputs = "Identity:0"}} {
  return %a : tensor<4xf32>
}

// -----

// Markers set already keep their indices; the others take the lowest index
// of their direction still free (their position may be taken).
// CHECK-LABEL: func.func @main
// CHECK-SAME: (%{{.*}}: tensor<4xf32> {usmp.io = #usmp.io<input "x", index = 1>}, %{{.*}}: tensor<4xf32> {usmp.io = #usmp.io<input "input0", index = 0>}, %{{.*}}: tensor<4xf32> {usmp.io = #usmp.io<input "input2", index = 2>})
// CHECK-SAME: -> (tensor<4xf32> {usmp.io = #usmp.io<output "output1", index = 1>}, tensor<4xf32> {usmp.io = #usmp.io<output "y", index = 0>})
func.func @main(%a: tensor<4xf32> {usmp.io = #usmp.io<input "x", index = 1>}, %b: tensor<4xf32>, %c: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32> {usmp.io = #usmp.io<output "y", index = 0>}) {
  return %a, %b : tensor<4xf32>, tensor<4xf32>
}

// -----

// Default names skip those existing markers use, with their indices; any
// index is a marker's, the largest too.
// CHECK-LABEL: func.func @main
// CHECK-SAME: (%{{.*}}: tensor<4xf32> {usmp.io = #usmp.io<input "input0", index = 9223372036854775807>}, %{{.*}}: tensor<4xf32> {usmp.io = #usmp.io<input "input1", index = 1>})
func.func @main(%a: tensor<4xf32> {usmp.io = #usmp.io<input "input0", index = 9223372036854775807>}, %b: tensor<4xf32>) -> tensor<4xf32> {
  return %a : tensor<4xf32>
}

// -----

// A name the importer left out (empty, or blank) gets the default name of its
// position; the others keep theirs.
// CHECK-LABEL: func.func @main
// CHECK-SAME: (%{{.*}}: tensor<4xf32> {usmp.io = #usmp.io<input "input0", index = 0>}, %{{.*}}: tensor<4xf32> {usmp.io = #usmp.io<input "input1", index = 1>}, %{{.*}}: tensor<4xf32> {usmp.io = #usmp.io<input "z", index = 2>})
func.func @main(%a: tensor<4xf32>, %b: tensor<4xf32>, %c: tensor<4xf32>) -> tensor<4xf32>
    attributes {tf.entry_function = {inputs = " ,,z"}} {
  return %a : tensor<4xf32>
}

// -----

// expected-error @+2 {{I/O names 'x:0' and 'x_0' are both 'x_0' as C identifiers}}
// expected-note @below {{'x:0' is declared here}}
func.func @main(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32>
    attributes {tf.entry_function = {inputs = "x:0,x_0"}} {
  return %a : tensor<4xf32>
}

// -----

// Each output gets a buffer of its own: one value returned twice cannot be.
func.func @main(%a: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %0 = tosa.abs %a : (tensor<4xf32>) -> tensor<4xf32>
  // expected-error @+1 {{outputs 'output0' and 'output1' are the same value; the C API gives each output a buffer of its own, so compute each separately}}
  return %0, %0 : tensor<4xf32>, tensor<4xf32>
}

// -----

// The C API sizes inputs and outputs statically.
// expected-error @+2 {{argument 1 has a dynamic shape ('tensor<?x4xf32>'); model inputs and outputs need static shapes}}
// expected-error @+1 {{result 0 has a dynamic shape ('tensor<?x4xf32>'); model inputs and outputs need static shapes}}
func.func @main(%a: tensor<2x4xf32>, %b: tensor<?x4xf32>) -> tensor<?x4xf32> {
  return %b : tensor<?x4xf32>
}

// -----

// Nor do they have a rank to leave out.
// expected-error @+3 {{argument 0 is unranked ('tensor<*xf32>'); model inputs and outputs need static shapes}}
// expected-error @+2 {{argument 1 is unranked ('memref<*xf32>'); model inputs and outputs need static shapes}}
// expected-error @+1 {{result 0 is unranked ('memref<*xf32>'); model inputs and outputs need static shapes}}
func.func @main(%a: tensor<*xf32>, %b: memref<*xf32>) -> memref<*xf32> {
  return %b : memref<*xf32>
}

// -----

// Importer names go by position: another count would name the wrong tensors.
// expected-error @+2 {{'tf.entry_function' names 1 input, but @main has 2 (names go by position)}}
// expected-error @+1 {{'tf.entry_function' names 2 outputs, but @main has 1 (names go by position)}}
func.func @main(%a: tensor<4xf32>, %n: i32, %b: tensor<4xf32>) -> tensor<4xf32>
    attributes {tf.entry_function = {inputs = "x", outputs = "y,z"}} {
  return %a : tensor<4xf32>
}

// -----

// An empty list names no tensor.
// CHECK-LABEL: func.func @main()
// CHECK-SAME: -> (tensor<4xf32> {usmp.io = #usmp.io<output "y", index = 0>})
func.func @main() -> tensor<4xf32>
    attributes {tf.entry_function = {inputs = "", outputs = "y"}} {
  %0 = "tosa.const"() <{values = dense<1.0> : tensor<4xf32>}> : () -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// expected-error @below {{'tf.entry_function' entry 'inputs' must be a string of comma-separated names, got 5 : i32}}
func.func @main(%a: tensor<4xf32>) -> tensor<4xf32>
    attributes {tf.entry_function = {inputs = 5 : i32, outputs = "y"}} {
  return %a : tensor<4xf32>
}

// -----

// expected-error @below {{'tf.entry_function' must be a dictionary, got "x"}}
func.func @main(%a: tensor<4xf32>) -> tensor<4xf32>
    attributes {tf.entry_function = "x"} {
  return %a : tensor<4xf32>
}

// -----

// An entry bufferized already: a memref argument the model writes is an
// output, and takes an output's name from `tf.entry_function`.
// CHECK-LABEL: func.func @main
// CHECK-SAME: (%{{.*}}: memref<4xf32> {usmp.io = #usmp.io<input "x", index = 0>}, %{{.*}}: memref<4xf32> {usmp.io = #usmp.io<output "y", index = 0>}, %{{.*}}: memref<4xf32> {usmp.io = #usmp.io<input "z", index = 1>})
func.func @main(%x: memref<4xf32>, %y: memref<4xf32>, %z: memref<4xf32>) attributes {tf.entry_function = {inputs = "x,z", outputs = "y"}} {
  memref.copy %x, %y : memref<4xf32> to memref<4xf32>
  %c0 = arith.constant 0 : index
  %v = memref.load %z[%c0] : memref<4xf32>
  return
}

// -----

// A default name skips a name `tf.entry_function` gave in the same run.
// CHECK-LABEL: func.func @main
// CHECK-SAME: {usmp.io = #usmp.io<input "input1", index = 0>}, %{{.*}}: tensor<4xf32> {usmp.io = #usmp.io<input "input2", index = 2>}
func.func @main(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> attributes {tf.entry_function = {inputs = "input1,", outputs = "y"}} {
  return %a : tensor<4xf32>
}

// -----

// A model with state (TFLite's resource variables) has an interface beyond
// its inputs and outputs, which usmp-lower-variables lowers first.
// expected-error @+1 {{a model with state must have its variables lowered first: run usmp-lower-variables before usmp-mark-io (usmp-from-tosa does)}}
tosa.variable @state = dense<0.0> : tensor<4xf32>
func.func @main(%a: tensor<4xf32>) -> tensor<4xf32> {
  %s = tosa.variable_read @state : tensor<4xf32>
  %n = tosa.add %s, %a : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  tosa.variable_write @state, %n : tensor<4xf32>
  return %n : tensor<4xf32>
}

// -----

// So are mutable ml_program globals (what tosa-to-mlprogram makes of
// variables), whose stores upstream bufferizes wrongly.
// expected-error @+1 {{a model with state must have its variables lowered first: run usmp-lower-variables before usmp-mark-io (usmp-from-tosa does)}}
ml_program.global private mutable @state(dense<0.0> : tensor<4xf32>) : tensor<4xf32>
func.func @main(%a: tensor<4xf32>) -> tensor<4xf32> {
  %s = ml_program.global_load @state : tensor<4xf32>
  %n = tosa.add %s, %a : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  ml_program.global_store @state = %n : tensor<4xf32>
  return %n : tensor<4xf32>
}

// -----

// A constant global is no state.
// CHECK-LABEL: func.func @constant
ml_program.global private @weights(dense<1.0> : tensor<4xf32>) : tensor<4xf32>
func.func @constant(%a: tensor<4xf32>) -> tensor<4xf32> {
  %w = ml_program.global_load_const @weights : tensor<4xf32>
  %n = tosa.add %w, %a : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %n : tensor<4xf32>
}

// -----

// A nested module is a model of its own: its state is not this one's.
// CHECK-LABEL: func.func @main
// CHECK-SAME: usmp.io = #usmp.io<input "input0", index = 0>
module {
  func.func @main(%a: tensor<4xf32>) -> tensor<4xf32> {
    %n = tosa.add %a, %a : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    return %n : tensor<4xf32>
  }
  module @other {
    tosa.variable @state = dense<0.0> : tensor<4xf32>
  }
}
