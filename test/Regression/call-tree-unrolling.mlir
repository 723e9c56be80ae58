// Every call is analysed on its own: functions that each call the next
// twice unroll into 2^21 calls, and the analysis stops with an error instead
// of running for minutes.
// RUN: usmp-opt %s -usmp-print-buffer-liveness -verify-diagnostics -o /dev/null

func.func private @f0(%x: memref<4xf32>, %y: memref<4xf32>) {
  %s = memref.alloc() : memref<4xf32>
  call @f1(%x, %s) : (memref<4xf32>, memref<4xf32>) -> ()
  call @f1(%s, %y) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}
func.func private @f1(%x: memref<4xf32>, %y: memref<4xf32>) {
  %s = memref.alloc() : memref<4xf32>
  call @f2(%x, %s) : (memref<4xf32>, memref<4xf32>) -> ()
  call @f2(%s, %y) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}
func.func private @f2(%x: memref<4xf32>, %y: memref<4xf32>) {
  %s = memref.alloc() : memref<4xf32>
  call @f3(%x, %s) : (memref<4xf32>, memref<4xf32>) -> ()
  call @f3(%s, %y) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}
func.func private @f3(%x: memref<4xf32>, %y: memref<4xf32>) {
  %s = memref.alloc() : memref<4xf32>
  call @f4(%x, %s) : (memref<4xf32>, memref<4xf32>) -> ()
  call @f4(%s, %y) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}
func.func private @f4(%x: memref<4xf32>, %y: memref<4xf32>) {
  %s = memref.alloc() : memref<4xf32>
  call @f5(%x, %s) : (memref<4xf32>, memref<4xf32>) -> ()
  call @f5(%s, %y) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}
func.func private @f5(%x: memref<4xf32>, %y: memref<4xf32>) {
  %s = memref.alloc() : memref<4xf32>
  call @f6(%x, %s) : (memref<4xf32>, memref<4xf32>) -> ()
  call @f6(%s, %y) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}
func.func private @f6(%x: memref<4xf32>, %y: memref<4xf32>) {
  %s = memref.alloc() : memref<4xf32>
  call @f7(%x, %s) : (memref<4xf32>, memref<4xf32>) -> ()
  call @f7(%s, %y) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}
func.func private @f7(%x: memref<4xf32>, %y: memref<4xf32>) {
  %s = memref.alloc() : memref<4xf32>
  call @f8(%x, %s) : (memref<4xf32>, memref<4xf32>) -> ()
  call @f8(%s, %y) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}
func.func private @f8(%x: memref<4xf32>, %y: memref<4xf32>) {
  %s = memref.alloc() : memref<4xf32>
  call @f9(%x, %s) : (memref<4xf32>, memref<4xf32>) -> ()
  call @f9(%s, %y) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}
func.func private @f9(%x: memref<4xf32>, %y: memref<4xf32>) {
  %s = memref.alloc() : memref<4xf32>
  call @f10(%x, %s) : (memref<4xf32>, memref<4xf32>) -> ()
  call @f10(%s, %y) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}
func.func private @f10(%x: memref<4xf32>, %y: memref<4xf32>) {
  %s = memref.alloc() : memref<4xf32>
  call @f11(%x, %s) : (memref<4xf32>, memref<4xf32>) -> ()
  call @f11(%s, %y) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}
func.func private @f11(%x: memref<4xf32>, %y: memref<4xf32>) {
  %s = memref.alloc() : memref<4xf32>
  call @f12(%x, %s) : (memref<4xf32>, memref<4xf32>) -> ()
  call @f12(%s, %y) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}
func.func private @f12(%x: memref<4xf32>, %y: memref<4xf32>) {
  %s = memref.alloc() : memref<4xf32>
  call @f13(%x, %s) : (memref<4xf32>, memref<4xf32>) -> ()
  call @f13(%s, %y) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}
func.func private @f13(%x: memref<4xf32>, %y: memref<4xf32>) {
  %s = memref.alloc() : memref<4xf32>
  call @f14(%x, %s) : (memref<4xf32>, memref<4xf32>) -> ()
  call @f14(%s, %y) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}
func.func private @f14(%x: memref<4xf32>, %y: memref<4xf32>) {
  %s = memref.alloc() : memref<4xf32>
  call @f15(%x, %s) : (memref<4xf32>, memref<4xf32>) -> ()
  call @f15(%s, %y) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}
func.func private @f15(%x: memref<4xf32>, %y: memref<4xf32>) {
  %s = memref.alloc() : memref<4xf32>
  call @f16(%x, %s) : (memref<4xf32>, memref<4xf32>) -> ()
  call @f16(%s, %y) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}
func.func private @f16(%x: memref<4xf32>, %y: memref<4xf32>) {
  %s = memref.alloc() : memref<4xf32>
  call @f17(%x, %s) : (memref<4xf32>, memref<4xf32>) -> ()
  call @f17(%s, %y) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}
func.func private @f17(%x: memref<4xf32>, %y: memref<4xf32>) {
  %s = memref.alloc() : memref<4xf32>
  call @f18(%x, %s) : (memref<4xf32>, memref<4xf32>) -> ()
  call @f18(%s, %y) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}
func.func private @f18(%x: memref<4xf32>, %y: memref<4xf32>) {
  %s = memref.alloc() : memref<4xf32>
  call @f19(%x, %s) : (memref<4xf32>, memref<4xf32>) -> ()
  call @f19(%s, %y) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}
func.func private @f19(%x: memref<4xf32>, %y: memref<4xf32>) {
  %s = memref.alloc() : memref<4xf32>
  call @f20(%x, %s) : (memref<4xf32>, memref<4xf32>) -> ()
  call @f20(%s, %y) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}
func.func private @f20(%x: memref<4xf32>, %y: memref<4xf32>) {
  %s = memref.alloc() : memref<4xf32>
  call @f21(%x, %s) : (memref<4xf32>, memref<4xf32>) -> ()
  call @f21(%s, %y) : (memref<4xf32>, memref<4xf32>) -> ()
  // expected-error @+1 {{the calls unroll into more than 2097152 operation instances, each analysed on its own; liveness stops here}}
  return
}
func.func private @f21(%x: memref<4xf32>, %y: memref<4xf32>) {
  memref.copy %x, %y : memref<4xf32> to memref<4xf32>
  return
}
func.func @main(%x: memref<4xf32>, %y: memref<4xf32>) {
  call @f0(%x, %y) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}
