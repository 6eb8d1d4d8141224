#!/bin/sh
# The reference run of a test folder for what Debian's libzmq leaves out
# (the draft socket types, zmq_poller, ...): builds each test_*.cpp of <dir>
# against the reference libzmq with drafts (build_against_reference.sh) and
# runs it. ZmxOnly* tests check where zmx knowingly differs and are skipped.
# tests/threadsafe's run is a ctest of its own (reference.threadsafe_*).
# Usage: tests/support/check_against_reference.sh <dir> [gtest args...]
set -eu
dir=$(cd "$1" && pwd)
shift
support=$(cd "$(dirname "$0")" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failed=0
for source in "$dir"/test_*.cpp; do
  binary="$scratch/$(basename "$source" .cpp)"
  "$support/build_against_reference.sh" "$binary" "$source"
  (cd "$scratch" && "$binary" --gtest_filter='-*.ZmxOnly*' "$@") || failed=1
done
exit $failed
