//===- Random.h - Deterministic random numbers ------------------*- C++ -*-===//
//
// splitmix64 (Steele, Lea, Flood 2014) with bounded draws of our own: the
// standard library's distributions differ between implementations, and the
// planner's randomized algorithms must give the same plan for the same seed
// on every platform.
//
//===----------------------------------------------------------------------===//

#ifndef USMP_PLANNER_RANDOM_H
#define USMP_PLANNER_RANDOM_H

#include <cstdint>
#include <limits>

namespace usmp::planner {

class SplitMix64 {
public:
  explicit SplitMix64(uint64_t seed) : state(seed) {}

  /// splitmix64's finalizer: a deterministic 64-bit mixer, usable alone as a
  /// hash.
  static uint64_t mix(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

  uint64_t next() { return mix(state += 0x9e3779b97f4a7c15ULL); }

  /// Uniform in [0, bound), bound > 0, by rejection (no modulo bias).
  uint64_t below(uint64_t bound) {
    constexpr uint64_t max = std::numeric_limits<uint64_t>::max();
    uint64_t limit = max - max % bound;
    uint64_t value;
    do
      value = next();
    while (value >= limit);
    return value % bound;
  }

private:
  uint64_t state;
};

} // namespace usmp::planner

#endif // USMP_PLANNER_RANDOM_H
