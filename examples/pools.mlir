// Use case U3 of the brief: a small, fast tightly coupled memory tried first,
// a larger SRAM as the fallback, and read-only flash for constants.
usmp.pool workspace @dtcm size_hint(1000) alignment(16) targets("c": rw)
usmp.pool workspace @sram alignment(16) targets("c": rw)
    perf<clock_frequency_hz = 200000000, read_bandwidth_bytes_per_cycle = 8>
usmp.pool constant @flash alignment(16) targets("c": ro)
