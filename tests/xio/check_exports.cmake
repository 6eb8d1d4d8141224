# libxio.so.0 exports exactly xio's API (the names libxio.map lists), and
# libzmq.so.5 none of them: zmq programs see no xio symbol.
# cmake -DNM=... -DXIO=libxio.so.0 -DZMQ=libzmq.so.5 -DMAP=libxio.map -P check_exports.cmake
cmake_minimum_required(VERSION 3.25)

function(defined_symbols library out)
  execute_process(COMMAND ${NM} -D --defined-only ${library}
    OUTPUT_VARIABLE listing RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "nm failed on ${library}")
  endif()
  string(REGEX MATCHALL "[^\n]+" lines "${listing}")
  set(names)
  foreach(line ${lines})
    # "<address> <type> <name>[@version]"; type A names a version node
    if(line MATCHES "^[0-9a-f]* ([A-Za-z]) ([^@ ]+)" AND NOT CMAKE_MATCH_1 STREQUAL "A")
      list(APPEND names ${CMAKE_MATCH_2})
    endif()
  endforeach()
  list(SORT names)
  set(${out} ${names} PARENT_SCOPE)
endfunction()

file(READ ${MAP} script)
string(REGEX MATCH "global:([^}]*)local:" global_part "${script}")
string(REGEX MATCHALL "[A-Za-z_][A-Za-z0-9_]*" wanted "${CMAKE_MATCH_1}")
list(SORT wanted)

defined_symbols(${XIO} exported)
if(NOT exported STREQUAL wanted)
  message(FATAL_ERROR "libxio exports\n  ${exported}\nbut its API is\n  ${wanted}")
endif()

defined_symbols(${ZMQ} zmq_exports)
foreach(name ${wanted})
  if(name IN_LIST zmq_exports)
    message(FATAL_ERROR "libzmq.so.5 exports the xio name ${name}")
  endif()
endforeach()
list(LENGTH wanted count)
message(STATUS "libxio exports its ${count} API names, libzmq none of them")
