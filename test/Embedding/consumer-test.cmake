# Run by the embedding-consumer test with cmake -P: install usmp from
# USMP_BUILD_DIR into PREFIX, configure and build the consumer in
# CONSUMER_SOURCE_DIR against it in CONSUMER_BINARY_DIR, run it and check its
# output. The consumer's build directory is kept between runs, so a rerun only
# recompiles what changed.

include(${CMAKE_CURRENT_LIST_DIR}/run.cmake)

run("installing usmp"
  ${CMAKE_COMMAND} --install ${USMP_BUILD_DIR} --prefix ${PREFIX})

# Only the prefix and MLIR's own directory are given: the package must be
# found by its install layout.
set(launcher)
if(CXX_LAUNCHER)
  set(launcher -DCMAKE_C_COMPILER_LAUNCHER=${CXX_LAUNCHER}
    -DCMAKE_CXX_COMPILER_LAUNCHER=${CXX_LAUNCHER})
endif()
run("configuring the consumer"
  ${CMAKE_COMMAND} -G ${GENERATOR} -DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}
  -S ${CONSUMER_SOURCE_DIR} -B ${CONSUMER_BINARY_DIR}
  -DCMAKE_BUILD_TYPE=Release
  -DCMAKE_C_COMPILER=${C_COMPILER} -DCMAKE_CXX_COMPILER=${CXX_COMPILER}
  ${launcher}
  "-DCMAKE_C_FLAGS=${C_FLAGS}" "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"
  "-DCMAKE_EXE_LINKER_FLAGS=${LINKER_FLAGS}"
  -DCMAKE_PREFIX_PATH=${PREFIX}
  -DMLIR_DIR=${MLIR_DIR})
run("building the consumer" ${CMAKE_COMMAND} --build ${CONSUMER_BINARY_DIR})

execute_process(COMMAND ${CONSUMER_BINARY_DIR}/usmp-consumer
  RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors)
message(STATUS "usmp-consumer output:\n${output}${errors}")
if(NOT result EQUAL 0)
  message(FATAL_ERROR "usmp-consumer failed (${result})")
endif()
foreach(expected
    "greedy-by-size: pool @global_workspace planned_size 128"
    "consumer-bump: pool @global_workspace planned_size 192"
    "consumer: ok")
  string(FIND "${output}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "usmp-consumer did not print '${expected}'")
  endif()
endforeach()
# The registry lists the consumer's algorithm beside the built-in ones.
if(NOT errors MATCHES "unknown planning algorithm 'no-such-algorithm' \\(known: [^)]*consumer-bump")
  message(FATAL_ERROR "usmp-consumer did not report the unknown algorithm")
endif()

execute_process(COMMAND ${CONSUMER_BINARY_DIR}/usmp-consumer-c
  RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors)
message(STATUS "usmp-consumer-c output:\n${output}${errors}")
if(NOT result EQUAL 0 OR
   NOT output STREQUAL "c: pool sram planned_size 128\n")
  message(FATAL_ERROR "usmp-consumer-c failed (${result})")
endif()
