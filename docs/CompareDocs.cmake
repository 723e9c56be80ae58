# Fails when a committed generated doc differs from the freshly generated one.
foreach(doc ${DOCS})
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files
    ${GENERATED_DIR}/${doc} ${COMMITTED_DIR}/${doc}
    RESULT_VARIABLE different)
  if(different)
    message(FATAL_ERROR "docs/${doc} is stale: run `cmake --build build --target usmp-doc` and commit it")
  endif()
endforeach()
