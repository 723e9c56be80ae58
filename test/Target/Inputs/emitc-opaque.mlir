// EmitC values of the model (opaque types) pass through the C lowering.
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  %h = emitc.call_opaque "get_handle"() : () -> !emitc.opaque<"handle_t">
  emitc.call_opaque "use_handle"(%h) : (!emitc.opaque<"handle_t">) -> ()
  memref.copy %in, %out : memref<4xf32> to memref<4xf32>
  return
}
