// RUN: not usmp-translate --usmp-emit-c --output-dir=%t %s 2>&1 | FileCheck %s
// RUN: touch %t.file
// RUN: not usmp-translate --usmp-emit-c --output-dir=%t.file/sub %S/Inputs/empty-file.mlir 2>&1 | FileCheck %s --check-prefix=DIR
// RUN: not usmp-translate --usmp-emit-c --output-dir=%t.escape/sub %S/Inputs/escaping-file.mlir 2>&1 | FileCheck %s --check-prefix=ESCAPE
// RUN: not ls %t.escape/escape.h

// CHECK: error: the module has no emitc.file to write; run convert-usmp-to-emitc first
// DIR: error: cannot create directory '{{.*}}.file/sub'
// ESCAPE: error: file id '../escape.h' is not a plain file name
module {
}
