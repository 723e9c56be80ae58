// Prototypes print as upstream's printer prints them, also with braces in a
// type, in a file whose text holds the `(void)` marker's token, and in a
// class, whose own function of that name it declares.
module {
  emitc.file "m.c" {
    emitc.declare_func @make
    emitc.declare_func @init
    emitc.func @make(%arg0: !emitc.opaque<"struct { int n; }">, %arg1: !emitc.array<2x3xf32>, %arg2: !emitc.opaque<"struct {}">) -> i32 attributes {specifiers = ["static"]} {
      %0 = "emitc.constant"() <{value = 0 : i32}> : () -> i32
      emitc.return %0 : i32
    }
    emitc.func @init() {
      emitc.return
    }
  }
  emitc.file "n.c" {
    emitc.declare_func @start
    emitc.global @msg : !emitc.ptr<!emitc.opaque<"const char">> = #emitc.opaque<"\"usmp_void\"">
    emitc.func @start() {
      emitc.return
    }
  }
  emitc.file "c.cc" {
    emitc.func @run(%a: i32) {
      emitc.return
    }
    emitc.class @C {
      emitc.declare_func @run
      emitc.func @run(%x: f32) {
        emitc.return
      }
    }
  }
}
