// RUN: usmp-opt %s -split-input-file --usmp-inline-resources -verify-diagnostics | FileCheck %s

// Every dense_resource attribute becomes the dense attribute of its bytes,
// whatever operation holds it; a boolean takes a byte.
// CHECK-LABEL: func.func @main
// CHECK: "tosa.const"() <{values = dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>}>
// CHECK: arith.constant dense<[true, false, true]> : tensor<3xi1>
// CHECK: "tosa.const"() <{values = dense<1> : tensor<1xi8>}>
// CHECK: memref.global "private" constant @g : memref<2xi16> = dense<[-1, 258]>
func.func @main() -> (tensor<2xf32>, tensor<3xi1>, tensor<1xi8>) {
  %f = "tosa.const"() <{values = dense_resource<floats> : tensor<2xf32>}> : () -> tensor<2xf32>
  %b = arith.constant dense_resource<bools> : tensor<3xi1>
  %s = "tosa.const"() <{values = dense_resource<shift> : tensor<1xi8>}> : () -> tensor<1xi8>
  return %f, %b, %s : tensor<2xf32>, tensor<3xi1>, tensor<1xi8>
}
memref.global "private" constant @g : memref<2xi16> = dense_resource<shorts>
{-#
  dialect_resources: {
    builtin: {
      floats: "0x040000000000803F00000040",
      bools: "0x01000000010001",
      shift: "0x0100000001",
      shorts: "0x02000000FFFF0201"
    }
  }
#-}

// -----

func.func @elided() -> tensor<2xf32> {
  // expected-error @+1 {{the data of resource '__elided__' is missing (was it elided when the model was printed?)}}
  %f = "tosa.const"() <{values = dense_resource<__elided__> : tensor<2xf32>}> : () -> tensor<2xf32>
  return %f : tensor<2xf32>
}

// -----

func.func @short() -> tensor<2xf32> {
  // expected-error @+1 {{resource 'short' holds 6 bytes, not the elements of 'tensor<2xf32>'}}
  %f = "tosa.const"() <{values = dense_resource<short> : tensor<2xf32>}> : () -> tensor<2xf32>
  return %f : tensor<2xf32>
}
{-#
  dialect_resources: {
    builtin: {
      short: "0x040000000000803F0000"
    }
  }
#-}

// -----

func.func @splat() -> tensor<2xf32> {
  // expected-error @+1 {{resource 'one' holds 4 bytes, not the elements of 'tensor<2xf32>'}}
  %f = "tosa.const"() <{values = dense_resource<one> : tensor<2xf32>}> : () -> tensor<2xf32>
  return %f : tensor<2xf32>
}
{-#
  dialect_resources: {
    builtin: {
      one: "0x040000000000803F"
    }
  }
#-}

// -----

func.func @bits() -> tensor<4xi1> {
  // expected-error @+1 {{resource 'bits' holds 1 byte, not the elements of 'tensor<4xi1>'}}
  %b = "tosa.const"() <{values = dense_resource<bits> : tensor<4xi1>}> : () -> tensor<4xi1>
  return %b : tensor<4xi1>
}
{-#
  dialect_resources: {
    builtin: {
      bits: "0x010000000F"
    }
  }
#-}
