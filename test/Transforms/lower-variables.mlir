// RUN: usmp-opt %s -split-input-file -usmp-lower-variables -verify-diagnostics | FileCheck %s

// A variable becomes a private mutable global of the same name and initial
// value; a read copies it into a buffer of its own (a snapshot no later
// write changes), a write copies into it.
// CHECK-LABEL: module
// CHECK: memref.global "private" @sum : memref<4xf32> = dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]>
// CHECK-NOT: constant
// CHECK-LABEL: func.func @main
// CHECK: %[[G:.*]] = memref.get_global @sum : memref<4xf32>
// CHECK: %[[SNAP:.*]] = memref.alloc() : memref<4xf32>
// CHECK: memref.copy %[[G]], %[[SNAP]]
// CHECK: %[[S:.*]] = bufferization.to_tensor %[[SNAP]] restrict writable
// CHECK: %[[N:.*]] = tosa.add %[[S]], %{{.*}}
// CHECK: %[[G2:.*]] = memref.get_global @sum : memref<4xf32>
// CHECK: bufferization.materialize_in_destination %[[N]] in restrict writable %[[G2]]
// CHECK: return %[[S]]
tosa.variable @sum = dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
func.func @main(%a: tensor<4xf32>) -> tensor<4xf32> {
  %s = tosa.variable_read @sum : tensor<4xf32>
  %n = tosa.add %s, %a : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  tosa.variable_write @sum, %n : tensor<4xf32>
  return %s : tensor<4xf32>
}

// -----

// Without an initial value, uninitialized (a zeroed static array in C); a
// rank-0 variable too; reads and writes in regions and nested modules find
// their own variable.
// CHECK-LABEL: module
// CHECK: memref.global "private" @count : memref<i32> = uninitialized
// CHECK: module @inner
// CHECK: memref.global "private" @count : memref<2xi8> = uninitialized
// CHECK: memref.get_global @count : memref<2xi8>
// CHECK: func.func @bump
// CHECK: scf.if
// CHECK: %[[G:.*]] = memref.get_global @count : memref<i32>
// CHECK: bufferization.materialize_in_destination %{{.*}} in restrict writable %[[G]]
tosa.variable @count : tensor<i32>
module @inner {
  tosa.variable @count : tensor<2xi8>
  func.func @read() -> tensor<2xi8> {
    %c = tosa.variable_read @count : tensor<2xi8>
    return %c : tensor<2xi8>
  }
}
func.func @bump(%p: i1, %v: tensor<i32>) {
  scf.if %p {
    tosa.variable_write @count, %v : tensor<i32>
  }
  return
}

// -----

// expected-error @+1 {{a variable of dynamic shape ('tensor<?x2xf32>') is not supported: its static array in the generated C needs a size}}
tosa.variable @state : tensor<?x2xf32>

// -----

// expected-error @+1 {{the initial value of a variable of type 'tensor<4xf32>' must be dense elements of that type, not dense<1> : tensor<4xi32>}}
"tosa.variable"() <{sym_name = "state", type = f32, var_shape = dense<4> : tensor<1xindex>, initial_value = dense<1> : tensor<4xi32>}> : () -> ()

// -----

// expected-error @+1 {{the initial value of a variable of type 'tensor<4xf32>' must be dense elements of that type, not 1.000000e+00 : f32}}
"tosa.variable"() <{sym_name = "state", type = f32, var_shape = dense<4> : tensor<1xindex>, initial_value = 1.0 : f32}> : () -> ()

// -----

// A read or write may spell the type with fewer static sizes: casts.
// CHECK-LABEL: func.func @dynamic
// CHECK: %[[S:.*]] = bufferization.to_tensor %{{.*}} restrict writable : memref<2xi32> to tensor<2xi32>
// CHECK: %[[R:.*]] = tensor.cast %[[S]] : tensor<2xi32> to tensor<?xi32>
// CHECK: %[[W:.*]] = tensor.cast %[[R]] : tensor<?xi32> to tensor<2xi32>
// CHECK: bufferization.materialize_in_destination %[[W]] in restrict writable
tosa.variable @v = dense<[1, 2]> : tensor<2xi32>
func.func @dynamic() -> tensor<?xi32> {
  %r = tosa.variable_read @v : tensor<?xi32>
  tosa.variable_write @v, %r : tensor<?xi32>
  return %r : tensor<?xi32>
}

// -----

// expected-error @+1 {{a variable of elements of type 'none' is not supported: a buffer cannot hold them}}
"tosa.variable"() <{sym_name = "state", type = none, var_shape = dense<2> : tensor<1xindex>}> : () -> ()

// -----

// The ml_program globals tosa-to-mlprogram makes of variables are lowered
// the same way (upstream's bufferization stores an uninitialized buffer for
// `ml_program.global_store`); an immutable one becomes a constant.
// CHECK-LABEL: module
// CHECK: memref.global "private" @state : memref<2xf32> = dense<[1.000000e+00, 2.000000e+00]>
// CHECK: memref.global "private" @none : memref<2xi8> = uninitialized
// CHECK: memref.global "private" constant @weights : memref<2xf32> = dense<3.000000e+00>
// CHECK-LABEL: func.func @main
// CHECK: %[[G:.*]] = memref.get_global @state : memref<2xf32>
// CHECK: %[[SNAP:.*]] = memref.alloc() : memref<2xf32>
// CHECK: memref.copy %[[G]], %[[SNAP]]
// CHECK: %[[S:.*]] = bufferization.to_tensor %[[SNAP]] restrict writable
// CHECK: %[[W:.*]] = memref.get_global @weights : memref<2xf32>
// CHECK: memref.copy %[[W]]
// CHECK: %[[N:.*]] = tosa.add %[[S]], %{{.*}}
// CHECK: %[[G2:.*]] = memref.get_global @state : memref<2xf32>
// CHECK: bufferization.materialize_in_destination %[[N]] in restrict writable %[[G2]]
ml_program.global private mutable @state(dense<[1.0, 2.0]> : tensor<2xf32>) : tensor<2xf32>
ml_program.global private mutable @none : tensor<2xi8>
ml_program.global private @weights(dense<3.0> : tensor<2xf32>) : tensor<2xf32>
func.func @main() -> tensor<2xf32> {
  %s = ml_program.global_load @state : tensor<2xf32>
  %w = ml_program.global_load_const @weights : tensor<2xf32>
  %n = tosa.add %s, %w : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  ml_program.global_store @state = %n : tensor<2xf32>
  return %n : tensor<2xf32>
}

// -----

// expected-error @+1 {{an 'ml_program.global' of type 'i32' is not supported: only tensors are}}
ml_program.global private mutable @x : i32

// -----

// expected-error @+1 {{an 'ml_program.global' defined elsewhere (#ml_program.extern) is not supported}}
ml_program.global private mutable @e(#ml_program.extern<tensor<4xi32>>) : tensor<4xi32>

// -----

ml_program.global private mutable @g(dense<1> : tensor<2xi32>) : tensor<2xi32>
func.func @graph() -> tensor<2xi32> {
  %t = ml_program.token
  // expected-error @+1 {{'ml_program.global_load_graph' is not supported: load and store the global with 'ml_program.global_load' and 'ml_program.global_store'}}
  %v, %t2 = ml_program.global_load_graph @g ordering(%t -> !ml_program.token) : tensor<2xi32>
  return %v : tensor<2xi32>
}

// -----

module @m {
  ml_program.global public mutable @g(dense<1> : tensor<2xi32>) : tensor<2xi32>
}
func.func @nested() -> tensor<2xi32> {
  // expected-error @+1 {{names no variable or global of its module (@m::@g)}}
  %v = ml_program.global_load @m::@g : tensor<2xi32>
  return %v : tensor<2xi32>
}

// -----

// expected-error @+1 {{the initial value of a global of type 'tensor<4xi32>' must be dense elements of that type, not sparse<0, 9> : tensor<4xi32>}}
ml_program.global private @k(sparse<[[0]], [9]> : tensor<4xi32>) : tensor<4xi32>

// -----

// A global's type may leave sizes open that its value gives; reads and
// writes of that type get casts.
// CHECK-LABEL: module
// CHECK: memref.global "private" @open : memref<2xi32> = dense<1>
// CHECK: %[[S:.*]] = bufferization.to_tensor %{{.*}} restrict writable : memref<2xi32> to tensor<2xi32>
// CHECK: %[[R:.*]] = tensor.cast %[[S]] : tensor<2xi32> to tensor<*xi32>
// CHECK: %[[W:.*]] = tensor.cast %[[R]] : tensor<*xi32> to tensor<2xi32>
// CHECK: bufferization.materialize_in_destination %[[W]]
ml_program.global private mutable @open(dense<1> : tensor<2xi32>) : tensor<*xi32>
func.func @unranked() -> tensor<*xi32> {
  %v = ml_program.global_load @open : tensor<*xi32>
  ml_program.global_store @open = %v : tensor<*xi32>
  return %v : tensor<*xi32>
}

// -----

// expected-error @+1 {{an 'ml_program.global' of type 'tensor<*xi32>' is not supported: its value gives no shape}}
ml_program.global private mutable @unknown : tensor<*xi32>
