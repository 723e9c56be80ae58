// RUN: usmp-opt %s -split-input-file -usmp-assign-pools -verify-diagnostics

usmp.pool workspace @npu_only targets("npu": rw)
func.func @main() {
  // expected-error @below {{no workspace pool is writable by target 'c'}}
  %a = memref.alloc() : memref<4xf32>
  return
}

// -----

// expected-error @below {{cannot create the default pool @global_workspace: the name is taken}}
module {
  func.func @main() {
    return
  }
  func.func private @global_workspace()
}
