module {
  emitc.file "m.h" {
    emitc.verbatim "int x;"
  }
  emitc.file "m.h\00.c" {
    emitc.verbatim "int y;"
  }
}
