// Every operation of the index dialect but index.sizeof
// (index-dialect.mlir), on a = -7 and b = 3 (shifts by 2); each result is
// stored as i64, comparisons and booleans as 0 or 1.
func.func @main(%in: memref<2xi64>, %out: memref<26xi64>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %ai = memref.load %in[%c0] : memref<2xi64>
  %bi = memref.load %in[%c1] : memref<2xi64>
  %a = index.casts %ai : i64 to index
  %b = index.casts %bi : i64 to index
  %two = index.constant 2
  %r_slt = index.cmp slt(%a, %b)
  %r_ult = index.cmp ult(%a, %b)
  %r_true = index.bool.constant true
  %m1 = arith.constant -1 : i32
  %r_add = index.add %a, %b
  %i_add = index.casts %r_add : index to i64
  %at_add = index.constant 0
  memref.store %i_add, %out[%at_add] : memref<26xi64>
  %r_sub = index.sub %a, %b
  %i_sub = index.casts %r_sub : index to i64
  %at_sub = index.constant 1
  memref.store %i_sub, %out[%at_sub] : memref<26xi64>
  %r_mul = index.mul %a, %b
  %i_mul = index.casts %r_mul : index to i64
  %at_mul = index.constant 2
  memref.store %i_mul, %out[%at_mul] : memref<26xi64>
  %r_divs = index.divs %a, %b
  %i_divs = index.casts %r_divs : index to i64
  %at_divs = index.constant 3
  memref.store %i_divs, %out[%at_divs] : memref<26xi64>
  %r_divu = index.divu %a, %b
  %i_divu = index.casts %r_divu : index to i64
  %at_divu = index.constant 4
  memref.store %i_divu, %out[%at_divu] : memref<26xi64>
  %r_rems = index.rems %a, %b
  %i_rems = index.casts %r_rems : index to i64
  %at_rems = index.constant 5
  memref.store %i_rems, %out[%at_rems] : memref<26xi64>
  %r_remu = index.remu %a, %b
  %i_remu = index.casts %r_remu : index to i64
  %at_remu = index.constant 6
  memref.store %i_remu, %out[%at_remu] : memref<26xi64>
  %r_ceildivs = index.ceildivs %a, %b
  %i_ceildivs = index.casts %r_ceildivs : index to i64
  %at_ceildivs = index.constant 7
  memref.store %i_ceildivs, %out[%at_ceildivs] : memref<26xi64>
  %r_ceildivu = index.ceildivu %a, %b
  %i_ceildivu = index.casts %r_ceildivu : index to i64
  %at_ceildivu = index.constant 8
  memref.store %i_ceildivu, %out[%at_ceildivu] : memref<26xi64>
  %r_floordivs = index.floordivs %a, %b
  %i_floordivs = index.casts %r_floordivs : index to i64
  %at_floordivs = index.constant 9
  memref.store %i_floordivs, %out[%at_floordivs] : memref<26xi64>
  %r_maxs = index.maxs %a, %b
  %i_maxs = index.casts %r_maxs : index to i64
  %at_maxs = index.constant 10
  memref.store %i_maxs, %out[%at_maxs] : memref<26xi64>
  %r_maxu = index.maxu %a, %b
  %i_maxu = index.casts %r_maxu : index to i64
  %at_maxu = index.constant 11
  memref.store %i_maxu, %out[%at_maxu] : memref<26xi64>
  %r_mins = index.mins %a, %b
  %i_mins = index.casts %r_mins : index to i64
  %at_mins = index.constant 12
  memref.store %i_mins, %out[%at_mins] : memref<26xi64>
  %r_minu = index.minu %a, %b
  %i_minu = index.casts %r_minu : index to i64
  %at_minu = index.constant 13
  memref.store %i_minu, %out[%at_minu] : memref<26xi64>
  %r_shl = index.shl %a, %two
  %i_shl = index.casts %r_shl : index to i64
  %at_shl = index.constant 14
  memref.store %i_shl, %out[%at_shl] : memref<26xi64>
  %r_shrs = index.shrs %a, %two
  %i_shrs = index.casts %r_shrs : index to i64
  %at_shrs = index.constant 15
  memref.store %i_shrs, %out[%at_shrs] : memref<26xi64>
  %r_shru = index.shru %a, %two
  %i_shru = index.casts %r_shru : index to i64
  %at_shru = index.constant 16
  memref.store %i_shru, %out[%at_shru] : memref<26xi64>
  %r_and = index.and %a, %b
  %i_and = index.casts %r_and : index to i64
  %at_and = index.constant 17
  memref.store %i_and, %out[%at_and] : memref<26xi64>
  %r_or = index.or %a, %b
  %i_or = index.casts %r_or : index to i64
  %at_or = index.constant 18
  memref.store %i_or, %out[%at_or] : memref<26xi64>
  %r_xor = index.xor %a, %b
  %i_xor = index.casts %r_xor : index to i64
  %at_xor = index.constant 19
  memref.store %i_xor, %out[%at_xor] : memref<26xi64>
  %i_slt = arith.extui %r_slt : i1 to i64
  %at_slt = index.constant 20
  memref.store %i_slt, %out[%at_slt] : memref<26xi64>
  %i_ult = arith.extui %r_ult : i1 to i64
  %at_ult = index.constant 21
  memref.store %i_ult, %out[%at_ult] : memref<26xi64>
  %i_true = arith.extui %r_true : i1 to i64
  %at_true = index.constant 22
  memref.store %i_true, %out[%at_true] : memref<26xi64>
  %r_castu = index.castu %m1 : i32 to index
  %i_castu = index.casts %r_castu : index to i64
  %at_castu = index.constant 23
  memref.store %i_castu, %out[%at_castu] : memref<26xi64>
  %r_casts = index.casts %m1 : i32 to index
  %i_casts = index.casts %r_casts : index to i64
  %at_casts = index.constant 24
  memref.store %i_casts, %out[%at_casts] : memref<26xi64>
  %r_constant = index.constant 42
  %i_constant = index.casts %r_constant : index to i64
  %at_constant = index.constant 25
  memref.store %i_constant, %out[%at_constant] : memref<26xi64>
  return
}
