# cmake -DDEMO=<zmx-demo> -DEXPECTED=<file> -P check-output.cmake
# Passes when the demo exits 0 and prints every line of EXPECTED (in any
# order: the PUSH/PULL lines depend on which worker took which task).
cmake_minimum_required(VERSION 3.25)

execute_process(COMMAND ${DEMO}
  RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE errors)
message("${output}${errors}")
if(NOT status EQUAL 0)
  message(FATAL_ERROR "zmx-demo exited with ${status}")
endif()

string(REPLACE "\n" ";" printed_lines "${output}")
file(STRINGS ${EXPECTED} expected_lines)
foreach(line IN LISTS expected_lines)
  if(NOT line IN_LIST printed_lines)
    message(FATAL_ERROR "zmx-demo did not print the line: ${line}")
  endif()
endforeach()
