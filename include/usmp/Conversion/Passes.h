//===- Passes.h - usmp conversions ------------------------------*- C++ -*-===//

#ifndef USMP_CONVERSION_PASSES_H
#define USMP_CONVERSION_PASSES_H

#include "mlir/Dialect/EmitC/IR/EmitC.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace usmp {

#define GEN_PASS_DECL
#include "usmp/Conversion/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "usmp/Conversion/Passes.h.inc"

} // namespace usmp

#endif // USMP_CONVERSION_PASSES_H
