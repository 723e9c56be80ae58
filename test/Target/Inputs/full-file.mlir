// Written to --output-dir=/dev, this file is /dev/full: every write fails.
module {
  emitc.file "full" {
    emitc.verbatim "int a;"
  }
}
