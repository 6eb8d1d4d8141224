#!/bin/sh
# Builds one test source against the reference libzmq with drafts
# (scripts/reference_libzmq): a C file as a peer program, a C++ file as a
# GoogleTest binary with this folder on its include path.
# Usage: tests/support/build_against_reference.sh OUTPUT SOURCE
set -eu
output=$1
source=$2
support=$(cd "$(dirname "$0")" && pwd)
paths=$("$support/../../scripts/reference_libzmq")
lib=$(echo "$paths" | sed -n 1p)
include=$(echo "$paths" | sed -n 2p)
case "$source" in
*.c)
  gcc -std=c99 -Wall -Wextra -Werror -I"$include" "$source" -o "$output" \
      -L"$lib" -Wl,-rpath,"$lib" -lzmq ;;
*)
  g++ -std=c++20 -Wall -Wextra -Werror -DZMQ_BUILD_DRAFT_API -I"$include" -I"$support" \
      -I"$support/../transport" "$source" -o "$output" \
      -L"$lib" -Wl,-rpath,"$lib" -lzmq -lgtest -lgtest_main -pthread ;;
esac
