//===- USMPAttributes.cpp - usmp attributes and enums ---------------------===//

#include "usmp/Dialect/USMP/USMPAttributes.h"
#include "usmp/Dialect/USMP/USMPDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace usmp;

#include "usmp/Dialect/USMP/USMPEnums.cpp.inc"

namespace usmp::detail {
static FailureOr<std::optional<int64_t>> parsePerfValue(AsmParser &parser) {
  SMLoc loc = parser.getCurrentLocation();
  if (succeeded(parser.parseOptionalKeyword("true")) ||
      succeeded(parser.parseOptionalKeyword("false")))
    return parser.emitError(loc, "expected an integer");
  int64_t value;
  if (parser.parseInteger(value))
    return failure();
  return std::optional<int64_t>(value);
}
} // namespace usmp::detail

#define GET_ATTRDEF_CLASSES
#include "usmp/Dialect/USMP/USMPAttributes.cpp.inc"

void USMPDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "usmp/Dialect/USMP/USMPAttributes.cpp.inc"
      >();
}

LogicalResult
TargetAccessAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                         StringRef target, Access access) {
  if (target.empty())
    return emitError() << "target name must not be empty";
  return success();
}

LogicalResult
PoolPerfAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                     std::optional<int64_t> clockFrequencyHz,
                     std::optional<int64_t> readBandwidthBytesPerCycle,
                     std::optional<int64_t> writeBandwidthBytesPerCycle,
                     std::optional<int64_t> readLatencyCycles,
                     std::optional<int64_t> writeLatencyCycles,
                     std::optional<int64_t> targetBurstBytes) {
  std::pair<StringRef, std::optional<int64_t>> fields[] = {
      {"clock_frequency_hz", clockFrequencyHz},
      {"read_bandwidth_bytes_per_cycle", readBandwidthBytesPerCycle},
      {"write_bandwidth_bytes_per_cycle", writeBandwidthBytesPerCycle},
      {"read_latency_cycles", readLatencyCycles},
      {"write_latency_cycles", writeLatencyCycles},
      {"target_burst_bytes", targetBurstBytes}};
  for (auto [name, value] : fields)
    if (value && *value < 0)
      return emitError() << "pool property '" << name
                         << "' must be non-negative, got " << *value;
  return success();
}

LogicalResult
PlacementAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                      FlatSymbolRefAttr pool, int64_t offset) {
  // `@""` parses, but pools cannot be named so and it prints unparsably.
  if (pool.getValue().empty())
    return emitError() << "placement pool name must not be empty";
  if (offset < 0)
    return emitError() << "placement offset must be non-negative, got "
                       << offset;
  return success();
}

LogicalResult IOAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                             IODirection direction, StringRef name,
                             int64_t index) {
  if (name.empty())
    return emitError() << "I/O name must not be empty";
  if (index < 0)
    return emitError() << "I/O index must be non-negative, got " << index;
  return success();
}
