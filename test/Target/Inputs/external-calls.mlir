// Calls to functions without a body, which the application or the C library
// provides: each gets one prototype with external linkage, before the model
// code that calls it, even when declared after its caller.
func.func @main(%in: memref<4xf32>, %out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %v = memref.load %in[%c0] : memref<4xf32>
  %w = func.call @my_kernel(%v) : (f32) -> f32
  %e = func.call @expf(%w) : (f32) -> f32
  // Named only as a function value, it is still kept.
  %f = func.constant @indirect_kernel : (f32) -> f32
  %i = func.call_indirect %f(%e) : (f32) -> f32
  // Names like the printer's that it never gives (a1), and libm's y0.
  %a = func.call @a1(%i) : (f32) -> f32
  %d = arith.extf %a : f32 to f64
  %y = func.call @y0(%d) : (f64) -> f64
  %r = arith.truncf %y : f64 to f32
  memref.store %r, %out[%c0] : memref<4xf32>
  return
}
func.func private @my_kernel(f32) -> f32
func.func private @expf(f32) -> f32
func.func private @indirect_kernel(f32) -> f32
func.func private @a1(f32) -> f32
func.func private @y0(f64) -> f64
