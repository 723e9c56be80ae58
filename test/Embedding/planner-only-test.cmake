# Run by the planner-only-package test with cmake -P: configure usmp from
# SOURCE_DIR planner-only in BUILD_DIR, build and install what it installs
# into PREFIX, check that the install holds the planner alone, then build and
# run the consumer in CONSUMER_SOURCE_DIR against it with LLVM alone. The
# build directories are kept between runs, so a rerun only rebuilds what
# changed; the prefix is made anew, so nothing stale passes for installed.

include(${CMAKE_CURRENT_LIST_DIR}/run.cmake)

set(common -G ${GENERATOR} -DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}
  -DCMAKE_BUILD_TYPE=Release
  -DCMAKE_C_COMPILER=${C_COMPILER} -DCMAKE_CXX_COMPILER=${CXX_COMPILER}
  -DLLVM_DIR=${LLVM_DIR})
set(linker)
if(LINKER)
  set(linker -DLLVM_USE_LINKER=${LINKER})
endif()
run("configuring usmp planner-only"
  ${CMAKE_COMMAND} ${common} ${linker} -S ${SOURCE_DIR} -B ${BUILD_DIR}
  -DUSMP_PLANNER_ONLY=ON)
run("building usmp planner-only"
  ${CMAKE_COMMAND} --build ${BUILD_DIR}
  --target USMPPlanner USMPPlannerCAPI usmp-plan)
file(REMOVE_RECURSE ${PREFIX})
run("installing usmp planner-only"
  ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX})

# The planner's headers and nothing that needs MLIR.
file(GLOB installed RELATIVE ${PREFIX}/include ${PREFIX}/include/*
  ${PREFIX}/include/usmp/*)
list(SORT installed)
if(NOT installed STREQUAL "usmp;usmp-c;usmp/Planner;usmp/Version.h")
  message(FATAL_ERROR "planner-only headers: ${installed}")
endif()
if(EXISTS ${PREFIX}/lib/cmake/usmp/USMPTargets.cmake)
  message(FATAL_ERROR "a planner-only install has USMPTargets.cmake")
endif()
run("running the installed usmp-plan" ${PREFIX}/bin/usmp-plan --version)

# MLIR may not be found, so the package must not ask for it.
run("configuring the planner consumer"
  ${CMAKE_COMMAND} ${common} -S ${CONSUMER_SOURCE_DIR} -B ${CONSUMER_BINARY_DIR}
  -DCMAKE_PREFIX_PATH=${PREFIX} -DCMAKE_DISABLE_FIND_PACKAGE_MLIR=ON
  "-DCMAKE_EXE_LINKER_FLAGS=${LINKER_FLAGS}")
run("building the planner consumer"
  ${CMAKE_COMMAND} --build ${CONSUMER_BINARY_DIR})

foreach(program usmp-planner-consumer usmp-planner-consumer-c)
  execute_process(COMMAND ${CONSUMER_BINARY_DIR}/${program}
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors)
  message(STATUS "${program} output:\n${output}${errors}")
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${program} failed (${result})")
  endif()
  string(APPEND outputs "${output}")
endforeach()
if(NOT outputs STREQUAL
   "c++: usmp ${VERSION} pool sram planned_size 128\nc: pool sram planned_size 128\n")
  message(FATAL_ERROR "unexpected consumer output:\n${outputs}")
endif()
