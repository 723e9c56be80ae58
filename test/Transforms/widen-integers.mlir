// RUN: usmp-opt %s -split-input-file --usmp-widen-integers -verify-diagnostics | FileCheck %s

// i48 becomes i64 everywhere: signatures, buffers, globals (sign-extended),
// constants; sums and products wrap back to 48 bits; extensions from i48
// are the value (signed) or its low bits (unsigned); truncations to i48
// wrap; named operations are generalized first.
// CHECK-LABEL: memref.global "private" constant @bias : memref<2xi64> = dense<[5, -1]>
// CHECK-LABEL: func.func @main(%arg0: memref<2x3xi16>, %arg1: memref<3x2xi16>, %arg2: memref<2x2xi64>, %arg3: memref<2xi64>, %arg4: i64) -> i64
// CHECK: linalg.generic
// CHECK: ^bb0(%[[A:.*]]: i16, %[[B:.*]]: i16, %[[OUT:.*]]: i64):
// CHECK:   %[[AW:.*]] = arith.extsi %[[A]] : i16 to i64
// CHECK:   %[[BW:.*]] = arith.extsi %[[B]] : i16 to i64
// CHECK:   %[[P:.*]] = arith.muli %[[AW]], %[[BW]] : i64
// CHECK:   %[[S16:.*]] = arith.constant 16 : i64
// CHECK:   %[[PL:.*]] = arith.shli %[[P]], %[[S16]] : i64
// CHECK:   %[[PW:.*]] = arith.shrsi %[[PL]], %[[S16]] : i64
// CHECK:   %[[SUM:.*]] = arith.addi %[[OUT]], %[[PW]] : i64
// CHECK:   arith.shli %[[SUM]]
// CHECK: %[[WIDE:.*]] = arith.constant 140737488355327 : i64
// CHECK: %[[LOW:.*]] = arith.constant 281474976710655 : i64
// CHECK: %[[MASKED:.*]] = arith.andi %arg4, %[[LOW]] : i64
// CHECK: %[[T:.*]] = arith.trunci %{{.*}} : i64 to i32
// CHECK: return %{{.*}} : i64
memref.global "private" constant @bias : memref<2xi48> = dense<[5, -1]>
func.func @main(%a: memref<2x3xi16>, %b: memref<3x2xi16>, %c: memref<2x2xi48>, %out: memref<2xi48>, %x: i48) -> i48 {
  linalg.matmul ins(%a, %b : memref<2x3xi16>, memref<3x2xi16>) outs(%c : memref<2x2xi48>)
  %bias = memref.get_global @bias : memref<2xi48>
  memref.copy %bias, %out : memref<2xi48> to memref<2xi48>
  %max = arith.constant 140737488355327 : i48
  %u = arith.extui %x : i48 to i64
  %t = arith.trunci %x : i48 to i32
  %back = arith.extsi %t : i32 to i48
  %sum = arith.addi %back, %max : i48
  %s = arith.extsi %sum : i48 to i64
  %r = arith.addi %s, %u : i64
  %narrow = arith.trunci %r : i64 to i48
  return %narrow : i48
}

// -----

// Unsigned division reads the low 48 bits.
// CHECK-LABEL: func.func @unsigned
// CHECK: %[[M1:.*]] = arith.andi %arg0
// CHECK: %[[M2:.*]] = arith.andi %arg1
// CHECK: %[[Q:.*]] = arith.divui %[[M1]], %[[M2]] : i64
// CHECK: arith.shli %[[Q]]
func.func @unsigned(%x: i48, %y: i48) -> i48 {
  %q = arith.divui %x, %y : i48
  return %q : i48
}

// -----

// Loops carry the wide values.
// CHECK-LABEL: func.func @loop(%arg0: i64) -> i64
// CHECK: scf.for {{.*}} iter_args(%{{.*}} = %arg0) -> (i64)
// CHECK:   arith.addi {{.*}} : i64
// CHECK:   arith.shrsi
// CHECK:   scf.yield %{{.*}} : i64
func.func @loop(%x: i48) -> i48 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%acc = %x) -> (i48) {
    %d = arith.addi %acc, %acc : i48
    scf.yield %d : i48
  }
  return %r : i48
}

// -----

// i4 becomes i8 the same way.
// CHECK-LABEL: func.func @nibbles(%arg0: memref<4xi8>) -> i8
func.func @nibbles(%w: memref<4xi4>) -> i4 {
  %c0 = arith.constant 0 : index
  %v = memref.load %w[%c0] : memref<4xi4>
  return %v : i4
}

// -----

func.func @count(%x: i48) -> i48 {
  // expected-error @+1 {{cannot widen the integers C has no type for in 'math.ctlz': its meaning at a wider width is not known}}
  %n = math.ctlz %x : i48
  return %n : i48
}

// -----

func.func @counter(%n: i48) {
  %c0 = arith.constant 0 : i48
  %c1 = arith.constant 1 : i48
  // expected-error @+1 {{cannot widen the integers C has no type for in 'scf.for'}}
  scf.for %i = %c0 to %n step %c1 : i48 {
  }
  return
}

// -----

func.func private @f(%x: i48) -> i48
func.func @value(%x: i48) -> i48 {
  // expected-error @+1 {{cannot widen the integers C has no type for in 'func.constant'}}
  %f = func.constant @f : (i48) -> i48
  %r = func.call_indirect %f(%x) : (i48) -> i48
  return %r : i48
}

// -----

func.func @atomic(%m: memref<4xi48>, %x: i48) -> i48 {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{cannot widen the integers C has no type for in 'memref.atomic_rmw'}}
  %old = memref.atomic_rmw addi %x, %m[%c0] : (i48, memref<4xi48>) -> i48
  return %old : i48
}

// -----

// Functions of other kinds keep their types: those with no narrow integer
// are left alone, the others are refused.
// CHECK-LABEL: llvm.func @wide(i32) -> i64
llvm.func @wide(i32) -> i64

// -----

// expected-error @+1 {{cannot widen the integers C has no type for in 'llvm.func'}}
llvm.func @narrow(i48) -> i48

// -----

// Resources are read first (the global's elements are sign-extended).
// CHECK-LABEL: memref.global "private" constant @blob : memref<2xi64> = dense<[1, -1]>
memref.global "private" constant @blob : memref<2xi48> = dense_resource<blob>
{-#
  dialect_resources: {
    builtin: {
      blob: "0x08000000010000000000FFFFFFFFFFFF"
    }
  }
#-}
