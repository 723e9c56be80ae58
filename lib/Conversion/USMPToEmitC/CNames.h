//===- CNames.h - Which names the generated C can use ----------*- C++ -*-===//
//
// The rules the C lowering applies to names from the model: comments that
// hold them, struct fields that must not be keywords or macros, and
// functions without a body, which keep their names in the C.
//
//===----------------------------------------------------------------------===//

#ifndef USMP_CONVERSION_USMPTOEMITC_CNAMES_H
#define USMP_CONVERSION_USMPTOEMITC_CNAMES_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace usmp {

/// `text` (a name from the model) made safe inside a C block comment: a
/// space splits "*/" (it would end the comment), "/*" (compilers warn about
/// it) and "??" (a trigraph could make a backslash); backslashes (which
/// join lines before comments end) and control characters become '_'.
std::string commentText(llvm::StringRef text);

/// Whether `name` cannot be a field of the API structs: a C or C++ keyword,
/// or an object-like macro of the standard headers the files include, in
/// any C standard and with the common feature macros (glibc's <math.h>
/// defines `M_PI` outside strict ISO C, C23's <stdint.h> `INT8_WIDTH`).
bool isReservedInC(llvm::StringRef name);

/// Fails when `function`, which has no body and so keeps its name in the C,
/// cannot be declared under it. The generated C's own names are refused: a
/// name that is not a C identifier, a keyword or macro of the included
/// headers, one C or POSIX reserves (`_X`, `__x`, `x_t`), the printer's
/// names (`v1`, `i2`, `label3`), and the generated code's prefixes
/// (`tvmgen_` and `usmp_` in any case, `TVM_`). So are functions of the C
/// library compilers know, with <math.h> (which the generated C includes)
/// checked by signature: float for the `f` variants of its floating-point
/// functions, double otherwise; the `l` variants (long double) and the
/// functions and macros taking integers or pointers are refused. Other C
/// library names are the application's to avoid: the compiler reports them.
mlir::LogicalResult checkExternalFunction(mlir::func::FuncOp function);

} // namespace usmp

#endif // USMP_CONVERSION_USMPTOEMITC_CNAMES_H
