module {
  emitc.file "../escape.h" {
    emitc.verbatim "int x;"
  }
}
