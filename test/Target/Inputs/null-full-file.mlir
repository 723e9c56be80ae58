// Written to --output-dir=/dev: /dev/null takes the text, /dev/full fails
// after it.
module {
  emitc.file "null" {
    emitc.verbatim "int a;"
  }
  emitc.file "full" {
    emitc.verbatim "int b;"
  }
}
