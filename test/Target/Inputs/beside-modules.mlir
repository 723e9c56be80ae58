// A file beside a module: neither one model's files nor modules of models.
module {
  module {
  }
  emitc.file "m.h" {
  }
}
