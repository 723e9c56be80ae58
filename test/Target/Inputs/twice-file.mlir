module {
  emitc.file "m.c" {
    emitc.verbatim "int x;"
  }
  emitc.file "m.c" {
    emitc.verbatim "int y;"
  }
}
