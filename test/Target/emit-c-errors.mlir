// RUN: not usmp-translate --usmp-emit-c --output-dir=%t %s 2>&1 | FileCheck %s
// RUN: touch %t.file
// RUN: not usmp-translate --usmp-emit-c --output-dir=%t.file/sub %S/Inputs/empty-file.mlir 2>&1 | FileCheck %s --check-prefix=DIR

// CHECK: error: the module has no emitc.file to write; run convert-usmp-to-emitc first
// DIR: error: cannot create directory '{{.*}}.file/sub'
module {
}
