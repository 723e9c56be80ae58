// RUN: not usmp-translate --usmp-emit-c --output-dir=%t %s 2>&1 | FileCheck %s
// RUN: touch %t.file
// RUN: not usmp-translate --usmp-emit-c --output-dir=%t.file/sub %S/Inputs/empty-file.mlir 2>&1 | FileCheck %s --check-prefix=DIR
// RUN: not usmp-translate --usmp-emit-c --output-dir=%t.escape/sub %S/Inputs/escaping-file.mlir 2>&1 | FileCheck %s --check-prefix=ESCAPE --implicit-check-not="see current operation"
// RUN: not ls %t.escape/escape.h
// RUN: not usmp-translate --usmp-emit-c --output-dir=%t.nul %S/Inputs/nul-file.mlir 2>&1 | FileCheck %s --check-prefix=NUL
// RUN: not usmp-translate --usmp-emit-c --output-dir=%t.twice %S/Inputs/twice-file.mlir 2>&1 | FileCheck %s --check-prefix=TWICE --implicit-check-not="see current operation"
// RUN: not usmp-translate --usmp-emit-c --output-dir=/dev %S/Inputs/full-file.mlir 2>&1 | FileCheck %s --check-prefix=FULL --implicit-check-not="see current operation"
// What is outside the files would be copied into each; a file in a file
// would not be written.
// RUN: not usmp-translate --usmp-emit-c --output-dir=%t.outside %S/Inputs/outside-file.mlir 2>&1 | FileCheck %s --check-prefix=OUTSIDE
// RUN: not usmp-translate --usmp-emit-c --output-dir=%t.nested %S/Inputs/nested-file.mlir 2>&1 | FileCheck %s --check-prefix=NESTED
// RUN: not usmp-translate --usmp-emit-c --output-dir=%t.beside %S/Inputs/beside-modules.mlir 2>&1 | FileCheck %s --check-prefix=BESIDE
// RUN: not ls %t.beside
// The source cannot be written where a directory is: the header is not
// written either.
// RUN: rm -rf %t.pair && mkdir -p %t.pair/m.c
// RUN: not usmp-translate --usmp-emit-c --output-dir=%t.pair %S/Inputs/pair-file.mlir 2>&1 | FileCheck %s --check-prefix=PAIR --implicit-check-not="see current operation"
// RUN: not ls %t.pair/m.h
// A header that was there before the run is not the run's to remove, nor is
// the file a symlink there points to.
// RUN: rm -rf %t.link && mkdir -p %t.link/m.c && touch %t.target && ln -s %t.target %t.link/m.h
// RUN: not usmp-translate --usmp-emit-c --output-dir=%t.link %S/Inputs/pair-file.mlir 2>&1 | FileCheck %s --check-prefix=LINK
// RUN: test -L %t.link/m.h
// Nor is a header that was there before rewritten when its source cannot
// be: the old header and the old source stay a pair.
// RUN: rm -rf %t.old && mkdir -p %t.old/m.c && echo old > %t.old/m.h
// RUN: not usmp-translate --usmp-emit-c --output-dir=%t.old %S/Inputs/pair-file.mlir 2>&1 | FileCheck %s --check-prefix=OLD
// RUN: FileCheck %s --input-file=%t.old/m.h --check-prefix=OLD-H
// RUN: ls -A %t.old | FileCheck %s --check-prefix=OLD-LS --implicit-check-not=tmp
// Files are replaced whole; a symlink stays one, and the file it points to
// keeps its permissions.
// RUN: rm -rf %t.sym && mkdir -p %t.sym && echo old > %t.sym-target && chmod 600 %t.sym-target && ln -s %t.sym-target %t.sym/m.h
// RUN: usmp-translate --usmp-emit-c --output-dir=%t.sym %S/Inputs/pair-file.mlir
// RUN: test -L %t.sym/m.h
// RUN: FileCheck %s --input-file=%t.sym-target --check-prefix=SYM-H
// RUN: stat -c %%a %t.sym-target | FileCheck %s --check-prefix=SYM-MODE
// RUN: ls -A %t.sym | FileCheck %s --check-prefix=OLD-LS --implicit-check-not=tmp
// What cannot be replaced so is written in place: through a dangling
// symlink (which stays one), into a file with another hard link (which sees
// the new text), under a name too long for a temporary suffix.
// RUN: rm -rf %t.places %t.nowhere %t.places-hard && mkdir -p %t.places && ln -s %t.nowhere %t.places/m.h && echo old > %t.places/m.c && ln %t.places/m.c %t.places-hard
// RUN: usmp-translate --usmp-emit-c --output-dir=%t.places %S/Inputs/pair-file.mlir
// RUN: test -L %t.places/m.h
// RUN: FileCheck %s --input-file=%t.nowhere --check-prefix=SYM-H
// RUN: FileCheck %s --input-file=%t.places-hard --check-prefix=HARD
// RUN: ls -A %t.places | FileCheck %s --check-prefix=OLD-LS --implicit-check-not=tmp
// A directory where a file goes fails before anything is written, also a
// file written in place (one with another hard link).
// RUN: rm -rf %t.inplace %t.inplace-hard && mkdir -p %t.inplace/m.c && echo old > %t.inplace/m.h && ln %t.inplace/m.h %t.inplace-hard
// RUN: not usmp-translate --usmp-emit-c --output-dir=%t.inplace %S/Inputs/pair-file.mlir 2>&1 | FileCheck %s --check-prefix=INPLACE
// RUN: FileCheck %s --input-file=%t.inplace-hard --check-prefix=OLD-H
// A symlink loop is an error too; the link stays and the source stays old.
// RUN: rm -rf %t.loop && mkdir -p %t.loop && ln -s m.h %t.loop/m.h && echo old > %t.loop/m.c
// RUN: not usmp-translate --usmp-emit-c --output-dir=%t.loop %S/Inputs/pair-file.mlir 2>&1 | FileCheck %s --check-prefix=LOOP
// RUN: test -L %t.loop/m.h
// RUN: FileCheck %s --input-file=%t.loop/m.c --check-prefix=OLD-H
// RUN: ls -A %t.loop | FileCheck %s --check-prefix=OLD-LS --implicit-check-not=tmp
// Two files that are one (linked to each other): an error, nothing written.
// RUN: rm -rf %t.same && mkdir -p %t.same && echo old > %t.same/m.c && ln -s m.c %t.same/m.h
// RUN: not usmp-translate --usmp-emit-c --output-dir=%t.same %S/Inputs/pair-file.mlir 2>&1 | FileCheck %s --check-prefix=SAME
// RUN: test -L %t.same/m.h
// RUN: FileCheck %s --input-file=%t.same/m.c --check-prefix=OLD-H
// RUN: ls -A %t.same | FileCheck %s --check-prefix=OLD-LS --implicit-check-not=tmp
// RUN: rm -rf %t.same-hard && mkdir -p %t.same-hard && echo old > %t.same-hard/m.h && ln %t.same-hard/m.h %t.same-hard/m.c
// RUN: not usmp-translate --usmp-emit-c --output-dir=%t.same-hard %S/Inputs/pair-file.mlir 2>&1 | FileCheck %s --check-prefix=SAME
// RUN: FileCheck %s --input-file=%t.same-hard/m.h --check-prefix=OLD-H
// A file written in place cannot be taken back: a later failure names it.
// RUN: not usmp-translate --usmp-emit-c --output-dir=/dev %S/Inputs/null-full-file.mlir 2>&1 | FileCheck %s --check-prefix=WRITTEN
// RUN: rm -rf %t.long && usmp-translate --usmp-emit-c --output-dir=%t.long %S/Inputs/long-name-file.mlir
// RUN: ls -A %t.long | FileCheck %s --check-prefix=LONG --implicit-check-not=tmp
// RUN: usmp-translate --usmp-emit-c --output-dir=%t.void/ %S/Inputs/void-in-string.mlir | FileCheck %s --check-prefix=LISTED
// RUN: FileCheck %s --input-file=%t.void/m.c --check-prefix=VOID
// RUN: usmp-translate --usmp-emit-c --output-dir=%t.proto %S/Inputs/prototypes.mlir
// RUN: FileCheck %s --input-file=%t.proto/m.c --check-prefix=PROTO
// RUN: FileCheck %s --input-file=%t.proto/n.c --check-prefix=PROTO-N
// RUN: FileCheck %s --input-file=%t.proto/c.cc --check-prefix=PROTO-CLASS
// RUN: usmp-opt %S/Inputs/emitc-opaque.mlir --usmp-pipeline --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t.opaque
// RUN: FileCheck %s --input-file=%t.opaque/tvmgen_default.c --check-prefix=OPAQUE
// RUN: usmp-opt %S/Inputs/data-layout.mlir --usmp-pipeline --convert-usmp-to-emitc | usmp-translate --usmp-emit-c --output-dir=%t.dl | FileCheck %s --check-prefix=LAYOUT

// CHECK: error: the module has no emitc.file to write; run convert-usmp-to-emitc first
// DIR: error: cannot create directory '{{.*}}.file/sub'
// ESCAPE: error: file id '../escape.h' is not a plain file name
// A NUL would end the path early: m.h would be written twice.
// NUL: error: file id 'm.h{{.}}.c' is not a plain file name
// TWICE: error: file id 'm.c' is used twice{{$}}
// A failed write is an error, not an abort.
// FULL: full-file.mlir:3:3: error: cannot write '/dev/full': {{[Nn]}}o space left on device
// OUTSIDE: outside-file.mlir:2:3: error: 'emitc.func' is outside every emitc.file; a file holds all it prints
// NESTED: nested-file.mlir:3:5: error: an emitc.file inside another is not written; files sit at the module's top level
// BESIDE: beside-modules.mlir:5:3: error: 'emitc.file' is beside modules; a module holds emitc.files, or modules holding them
// PAIR: pair-file.mlir:5:3: error: cannot write '{{.*}}.pair/m.c': {{[Ii]}}s a directory
// LINK: pair-file.mlir:5:3: error: cannot write '{{.*}}.link/m.c': {{[Ii]}}s a directory
// OLD: pair-file.mlir:5:3: error: cannot write '{{.*}}.old/m.c': {{[Ii]}}s a directory
// OLD-H: {{^}}old{{$}}
// OLD-LS: m.c
// OLD-LS: m.h
// SYM-H: {{^}}int f(int x);{{$}}
// SYM-MODE: {{^}}600{{$}}
// HARD: {{^}}int f(int x) { return x; }{{$}}
// INPLACE: pair-file.mlir:5:3: error: cannot write '{{.*}}.inplace/m.c': {{[Ii]}}s a directory{{$}}
// LOOP: pair-file.mlir:2:3: error: cannot write '{{.*}}.loop/m.h': {{[Tt]}}oo many levels of symbolic links{{$}}
// SAME: pair-file.mlir:5:3: error: cannot write '{{.*}}/m.c': it is the same file as '{{.*}}/m.h' (a link); each file needs its own{{$}}
// WRITTEN: null-full-file.mlir:7:3: error: cannot write '/dev/full': {{[Nn]}}o space left on device (written already: '/dev/null'){{$}}
// LONG: {{^a{250}\.h$}}
// LISTED: .void/m.c
// VOID: "call init(void() first"
// VOID: void init(void) {
// VOID: /* init(void/*usmp_void*/() */
// PROTO: {{^}}static int32_t make(struct { int n; } v1, float v2[2][3], struct {} v3);{{$}}
// PROTO-NEXT: {{^}}void init(void);{{$}}
// PROTO-NEXT: {{^}}static int32_t make(struct { int n; } v1, float v2[2][3], struct {} v3) {{[{]$}}
// PROTO-N: {{^}}void start(void);{{$}}
// PROTO-N-NEXT: "usmp_void";{{$}}
// PROTO-N-NEXT: {{^}}void start(void) {{[{]$}}
// PROTO-CLASS: {{^}}class C {
// PROTO-CLASS-NEXT: public:
// PROTO-CLASS-NEXT: {{^}}  void run(float v1);{{$}}
// LAYOUT: .dl/tvmgen_default.c
// OPAQUE: handle_t [[H:v[0-9]+]] = get_handle();
// OPAQUE: use_handle([[H]]);
module {
}
