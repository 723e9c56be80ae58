# Install rules and the CMake package (USMPConfig.cmake) a consumer finds with
# find_package(USMP CONFIG) after `cmake --install build --prefix P`.
#
# add_mlir_library and add_llvm_library already install their libraries: into
# the export sets `MLIRTargets` (dialect, analysis, passes, conversion, C++
# emission) and `LLVMExports` (the MLIR-free planner core and its C API), the
# names LLVM's get_target_export_arg gives an out-of-tree project's libraries.
# Both sets are this project's own; they are exported here under the `USMP::`
# namespace, one targets file each, so the planner-only build exports the
# second alone. Tools (add_llvm_executable) and headers are installed here.

include(CMakePackageConfigHelpers)
include(GNUInstallDirs)

# Beside the libraries, which LLVM installs to lib${LLVM_LIBDIR_SUFFIX}.
set(USMP_INSTALL_PACKAGE_DIR "lib${LLVM_LIBDIR_SUFFIX}/cmake/usmp")

# Headers and .td files from the source tree, generated .inc/.h.inc files and
# Version.h from the build tree. A planner-only build has the planner's
# headers alone: the others include generated files it does not make.
if(USMP_PLANNER_ONLY)
  install(DIRECTORY ${USMP_SOURCE_DIR}/include/usmp/Planner
    DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/usmp
    COMPONENT usmp-headers
    FILES_MATCHING PATTERN "*.h")
  install(DIRECTORY ${USMP_SOURCE_DIR}/include/usmp-c
    DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
    COMPONENT usmp-headers
    FILES_MATCHING PATTERN "*.h")
  install(FILES ${USMP_BINARY_DIR}/include/usmp/Version.h
    DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/usmp
    COMPONENT usmp-headers)
else()
  install(DIRECTORY ${USMP_SOURCE_DIR}/include/usmp ${USMP_SOURCE_DIR}/include/usmp-c
    DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
    COMPONENT usmp-headers
    FILES_MATCHING PATTERN "*.h" PATTERN "*.td")
  install(DIRECTORY ${USMP_BINARY_DIR}/include/usmp
    DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
    COMPONENT usmp-headers
    FILES_MATCHING PATTERN "*.h" PATTERN "*.inc"
    PATTERN "CMakeFiles" EXCLUDE)
endif()

# The libraries' users find their headers in the install tree.
set(USMP_INSTALLED_LIBRARIES USMPPlanner USMPPlannerCAPI)
if(NOT USMP_PLANNER_ONLY)
  list(APPEND USMP_INSTALLED_LIBRARIES USMPDialect USMPAnalysis USMPTransforms
    USMPToEmitC USMPTargetEmitC)
endif()
foreach(library ${USMP_INSTALLED_LIBRARIES})
  set_property(TARGET ${library} APPEND PROPERTY INTERFACE_INCLUDE_DIRECTORIES
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
endforeach()

set(USMP_INSTALLED_TOOLS usmp-plan)
if(NOT USMP_PLANNER_ONLY)
  list(APPEND USMP_INSTALLED_TOOLS usmp-opt usmp-translate)
endif()
# Installed tools find libLLVM.so and libMLIR.so where the build found them.
foreach(tool ${USMP_INSTALLED_TOOLS})
  set_property(TARGET ${tool} APPEND PROPERTY INSTALL_RPATH "${LLVM_LIBRARY_DIR}")
endforeach()
install(TARGETS ${USMP_INSTALLED_TOOLS}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  COMPONENT usmp-tools)

install(EXPORT LLVMExports
  NAMESPACE USMP::
  FILE USMPPlannerTargets.cmake
  DESTINATION ${USMP_INSTALL_PACKAGE_DIR}
  COMPONENT usmp-cmake-exports)
if(NOT USMP_PLANNER_ONLY)
  install(EXPORT MLIRTargets
    NAMESPACE USMP::
    FILE USMPTargets.cmake
    DESTINATION ${USMP_INSTALL_PACKAGE_DIR}
    COMPONENT usmp-cmake-exports)
endif()

configure_package_config_file(
  ${USMP_SOURCE_DIR}/cmake/USMPConfig.cmake.in
  ${USMP_BINARY_DIR}/lib/cmake/usmp/USMPConfig.cmake
  INSTALL_DESTINATION ${USMP_INSTALL_PACKAGE_DIR}
  PATH_VARS CMAKE_INSTALL_INCLUDEDIR CMAKE_INSTALL_BINDIR)
write_basic_package_version_file(
  ${USMP_BINARY_DIR}/lib/cmake/usmp/USMPConfigVersion.cmake
  VERSION ${USMP_VERSION}
  COMPATIBILITY SameMinorVersion)
install(FILES
  ${USMP_BINARY_DIR}/lib/cmake/usmp/USMPConfig.cmake
  ${USMP_BINARY_DIR}/lib/cmake/usmp/USMPConfigVersion.cmake
  DESTINATION ${USMP_INSTALL_PACKAGE_DIR}
  COMPONENT usmp-cmake-exports)
