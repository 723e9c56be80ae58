//===- USMPAttributes.h - usmp attributes and enums -------------*- C++ -*-===//

#ifndef USMP_DIALECT_USMP_USMPATTRIBUTES_H
#define USMP_DIALECT_USMP_USMPATTRIBUTES_H

#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinAttributes.h"

#include "usmp/Dialect/USMP/USMPEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "usmp/Dialect/USMP/USMPAttributes.h.inc"

#endif // USMP_DIALECT_USMP_USMPATTRIBUTES_H
