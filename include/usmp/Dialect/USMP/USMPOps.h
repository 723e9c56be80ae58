//===- USMPOps.h - usmp operations ------------------------------*- C++ -*-===//

#ifndef USMP_DIALECT_USMP_USMPOPS_H
#define USMP_DIALECT_USMP_USMPOPS_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/SymbolTable.h"

#include "usmp/Dialect/USMP/USMPAttributes.h"
#include "usmp/Dialect/USMP/USMPDialect.h"

#define GET_OP_CLASSES
#include "usmp/Dialect/USMP/USMPOps.h.inc"

#endif // USMP_DIALECT_USMP_USMPOPS_H
