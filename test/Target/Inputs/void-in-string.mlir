// A string holding what a parameterless declarator looks like before its
// rewrite to `(void)`: only the declarators are rewritten.
module {
  emitc.file "m.c" {
    emitc.global @msg : !emitc.ptr<!emitc.opaque<"const char">> = #emitc.opaque<"\"call init(void() first\"">
    emitc.func @init() {
      emitc.return
    }
    // Printed text the module does not hold: a verbatim's argument.
    emitc.global @oid : i32 = 0
    emitc.func @comment() {
      %g = emitc.get_global @oid : !emitc.lvalue<i32>
      emitc.verbatim "/* init(void/*usmp_v{}*/() */" args %g : !emitc.lvalue<i32>
      emitc.return
    }
  }
}
