module {
  emitc.file "m.h" {
    emitc.verbatim "int f(int x);"
  }
  emitc.file "m.c" {
    emitc.verbatim "int f(int x) { return x; }"
  }
}
