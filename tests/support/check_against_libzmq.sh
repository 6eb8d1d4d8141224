#!/bin/sh
# The reference run of a test folder: builds each test_*.cpp of <dir>
# against Debian's libzmq 4.3.4 (system zmq.h, -lzmq) and runs it.
# ZmxOnly* tests check where zmx knowingly differs and are skipped; a
# test_*_draft.cpp is built with the draft API.
# Usage: tests/support/check_against_libzmq.sh <dir> [gtest args...]
set -eu
dir=$(cd "$1" && pwd)
shift
support=$(cd "$(dirname "$0")" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failed=0
for source in "$dir"/test_*.cpp; do
  binary="$scratch/$(basename "$source" .cpp)"
  draft=""
  case "$source" in *_draft.cpp) draft="-DZMQ_BUILD_DRAFT_API" ;; esac
  g++ -std=c++20 -Wall -Wextra -Werror $draft -I"$support" -I"$support/../transport" "$source" -o "$binary" \
      -lzmq -lgtest -lgtest_main -pthread
  (cd "$scratch" && "$binary" --gtest_filter='-*.ZmxOnly*' "$@") || failed=1
done
exit $failed
