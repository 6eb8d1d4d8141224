#!/bin/sh
# Builds every test of this folder against Debian's libzmq 4.3.4 (system
# zmq.h and -lzmq) and runs it: the reference the expectations were checked
# against. Tests named ZmxOnly* check where zmx is knowingly more forgiving
# and are left out. Usage: tests/transport/check_against_libzmq.sh [gtest args...]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0
for src in "$here"/test_*.cpp; do
  name=$(basename "$src" .cpp)
  extra=""
  case "$name" in *_draft) extra="-DZMQ_BUILD_DRAFT_API" ;; esac
  g++ -std=c++20 -Wall -Wextra -Werror $extra -I"$here/../support" "$src" -o "$out/$name" \
      -lzmq -lgtest -lgtest_main -pthread
  # Run from the scratch directory: "ipc://*" makes its directories there.
  (cd "$out" && "./$name" --gtest_also_run_disabled_tests --gtest_filter='-*.ZmxOnly*' "$@") || status=1
done
exit $status
