module {
  emitc.file "a.c" {
    emitc.file "b.c" {
      emitc.verbatim "int y;"
    }
  }
}
