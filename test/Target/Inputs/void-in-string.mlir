// A string holding what a parameterless declarator looks like before its
// rewrite to `(void)`: only the declarators are rewritten.
module {
  emitc.file "m.c" {
    emitc.global @msg : !emitc.ptr<!emitc.opaque<"const char">> = #emitc.opaque<"\"call init(void() and usmp_void first\"">
    emitc.func @init() {
      emitc.return
    }
  }
}
