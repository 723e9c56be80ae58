module {
  emitc.file "x.c" {
  }
}
