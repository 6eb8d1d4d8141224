#!/bin/sh
# The reference run of a test folder for what Debian's libzmq leaves out
# (the draft socket types, zmq_poller, ...): builds libzmq 4.3.4 with its
# draft API from ../shared/reference once, into build-reference/ at the
# repository root (shared by every build directory), then builds each
# test_*.cpp of <dir> against it with ZMQ_BUILD_DRAFT_API and runs it.
# ZmxOnly* tests check where zmx knowingly differs and are skipped.
# Usage: tests/support/check_against_reference.sh <dir> [gtest args...]
set -eu
dir=$(cd "$1" && pwd)
shift
support=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$support/../.." && pwd)
builder="$root/../shared/reference/build-libzmq-draft.sh"
if [ ! -x "$builder" ]; then
  echo "reference: $builder not found" >&2
  exit 1
fi
paths=$("$builder" "$root/build-reference")
lib=$(echo "$paths" | sed -n 1p)
include=$(echo "$paths" | sed -n 2p)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failed=0
for source in "$dir"/test_*.cpp; do
  binary="$scratch/$(basename "$source" .cpp)"
  g++ -std=c++20 -Wall -Wextra -Werror -DZMQ_BUILD_DRAFT_API -I"$include" -I"$support" -I"$support/../transport" \
      "$source" -o "$binary" -L"$lib" -Wl,-rpath,"$lib" -lzmq -lgtest -lgtest_main -pthread
  (cd "$scratch" && "$binary" --gtest_filter='-*.ZmxOnly*' "$@") || failed=1
done
exit $failed
