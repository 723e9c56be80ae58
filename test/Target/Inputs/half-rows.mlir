// Planned 2-D buffers of 16-bit floats: the row typedefs spell the element
// types as the EmitC printer does; a bf16 literal is an f32 one, cast.
func.func @main(%in: memref<2x2xf16>, %bin: memref<2x2xbf16>, %out: memref<2x2xf16>, %bout: memref<2x2xbf16>) {
  %a = memref.alloc() : memref<2x2xf16>
  linalg.add ins(%in, %in : memref<2x2xf16>, memref<2x2xf16>) outs(%a : memref<2x2xf16>)
  linalg.add ins(%a, %in : memref<2x2xf16>, memref<2x2xf16>) outs(%out : memref<2x2xf16>)
  %b = memref.alloc() : memref<2x2xbf16>
  linalg.add ins(%bin, %bin : memref<2x2xbf16>, memref<2x2xbf16>) outs(%b : memref<2x2xbf16>)
  // A bf16 literal has no C spelling: it is an f32 one, cast.
  %c0 = arith.constant 0 : index
  %half = arith.constant 0.5 : bf16
  %x = memref.load %b[%c0, %c0] : memref<2x2xbf16>
  %y = arith.mulf %x, %half : bf16
  memref.store %y, %b[%c0, %c0] : memref<2x2xbf16>
  linalg.add ins(%b, %bin : memref<2x2xbf16>, memref<2x2xbf16>) outs(%bout : memref<2x2xbf16>)
  return
}
