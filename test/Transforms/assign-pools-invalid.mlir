// RUN: usmp-opt %s -split-input-file -usmp-assign-pools='pools=:size_hint=4' -verify-diagnostics
// RUN: not usmp-opt %s -usmp-assign-pools='pools=p:size_hint=-4' 2>&1 | FileCheck %s --check-prefix=NEG
// RUN: not usmp-opt %s -usmp-assign-pools='pools=p:kind=scratch' 2>&1 | FileCheck %s --check-prefix=KIND
// RUN: not usmp-opt %s -usmp-assign-pools='pools=p:targets=c' 2>&1 | FileCheck %s --check-prefix=TARGET
// RUN: not usmp-opt %s -usmp-assign-pools='pools=p:colour=red' 2>&1 | FileCheck %s --check-prefix=KEY
// RUN: not usmp-opt %s -usmp-assign-pools='pools=p:alignment=3' 2>&1 | FileCheck %s --check-prefix=ALIGN
// RUN: not usmp-opt %s -usmp-assign-pools='pools=p:size_hint=9223372036854775808' 2>&1 | FileCheck %s --check-prefix=HINTMAX
// RUN: not usmp-opt %s -usmp-assign-pools='pools=p:alignment=9223372036854775808' 2>&1 | FileCheck %s --check-prefix=ALIGNMAX
// RUN: not usmp-opt %s -usmp-assign-pools='pools=main' 2>&1 | FileCheck %s --check-prefix=TAKEN
// RUN: not usmp-opt %s -usmp-assign-pools='pools=@sram' 2>&1 | FileCheck %s --check-prefix=AT
// RUN: not usmp-opt %s -usmp-assign-pools='pools=p:size_hint=8:size_hint=4' 2>&1 | FileCheck %s --check-prefix=TWICE
// RUN: not usmp-opt %s -usmp-assign-pools='pools=p,p' 2>&1 | FileCheck %s --check-prefix=LISTED
// RUN: not usmp-opt %s -usmp-assign-pools='pools=p:targets=c.rw+c.ro' 2>&1 | FileCheck %s --check-prefix=TARGETS
// RUN: not usmp-opt %s -usmp-assign-pools='alignment=0' 2>&1 | FileCheck %s --check-prefix=OPTION
// RUN: not usmp-opt %s -usmp-assign-pools='alignment=9223372036854775808' 2>&1 | FileCheck %s --check-prefix=HUGE
// RUN: not usmp-opt %s -usmp-assign-pools='target=' 2>&1 | FileCheck %s --check-prefix=NOTARGET
// RUN: not usmp-opt %s -usmp-assign-pools='pools=p:internal=yes' 2>&1 | FileCheck %s --check-prefix=INTERNAL

// The first RUN line checks the expected-error below; the others check their
// own message (each split is a function @main).

// expected-error @below {{invalid pool ':size_hint=4' in option 'pools': the pool needs a name}}
module {
  func.func @main() {
    return
  }
}

// NEG: invalid pool 'p:size_hint=-4' in option 'pools': 'size_hint' needs a non-negative integer, got '-4'
// KIND: invalid pool 'p:kind=scratch' in option 'pools': 'kind' is 'workspace' or 'constant', got 'scratch'
// TARGET: invalid pool 'p:targets=c' in option 'pools': a target is 'name.rw' or 'name.ro', got 'c'
// KEY: invalid pool 'p:colour=red' in option 'pools': unknown key 'colour' (known: size_hint, alignment, kind, targets, internal)
// ALIGN: invalid pool 'p:alignment=3' in option 'pools': 'alignment' needs a power of two up to 2^62, got '3'
// Both are signed 64-bit attributes of the pool.
// HINTMAX: invalid pool 'p:size_hint=9223372036854775808' in option 'pools': 'size_hint' is at most 2^63 - 1, got '9223372036854775808'
// ALIGNMAX: invalid pool 'p:alignment=9223372036854775808' in option 'pools': 'alignment' needs a power of two up to 2^62, got '9223372036854775808'
// TAKEN: invalid pool 'main' in option 'pools': the module already has a symbol @main
// AT: invalid pool '@sram' in option 'pools': pool names are given without '@'
// TWICE: invalid pool 'p:size_hint=8:size_hint=4' in option 'pools': 'size_hint' is given twice
// LISTED: error: invalid pool 'p' in option 'pools': the option lists @p twice
// TARGETS: error: invalid pool 'p:targets=c.rw+c.ro' in option 'pools': target 'c' is listed twice
// TARGETS-NOT: current operation
// OPTION: error: option 'alignment' must be a power of two up to 2^62, got 0
// 2^63 is a power of two, but no pool's i64 alignment attribute holds it.
// HUGE: error: option 'alignment' must be a power of two up to 2^62, got 9223372036854775808
// NOTARGET: error: option 'target' needs a target name (the default is 'c')
// INTERNAL: error: invalid pool 'p:internal=yes' in option 'pools': 'internal' takes no value, got 'yes'
