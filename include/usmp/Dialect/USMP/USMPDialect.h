//===- USMPDialect.h - The usmp dialect -------------------------*- C++ -*-===//

#ifndef USMP_DIALECT_USMP_USMPDIALECT_H
#define USMP_DIALECT_USMP_USMPDIALECT_H

#include "mlir/IR/Dialect.h"

#include "usmp/Dialect/USMP/USMPOpsDialect.h.inc"

#endif // USMP_DIALECT_USMP_USMPDIALECT_H
