#!/bin/sh
# The reference run: builds the tests of this folder against Debian's
# libzmq 4.3.4 (system zmq.h, -lzmq) and runs them. ZmxOnly* tests check
# where zmx is knowingly steadier than libzmq and are skipped.
# Usage: tests/legacy/check_against_libzmq.sh [gtest args...]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failed=0
for source in "$here"/test_*.cpp; do
  binary="$scratch/$(basename "$source" .cpp)"
  g++ -std=c++20 -Wall -Wextra -Werror -I"$here/../support" -I"$here/../transport" "$source" -o "$binary" \
      -lzmq -lgtest -lgtest_main -pthread
  "$binary" --gtest_filter='-*.ZmxOnly*' "$@" || failed=1
done
exit $failed
