module {
  emitc.func @outside() {
    emitc.return
  }
  emitc.file "a.h" {
    emitc.verbatim "int x;"
  }
  emitc.file "a.c" {
    emitc.verbatim "int y;"
  }
}
