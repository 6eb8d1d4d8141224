#!/bin/sh
# Builds bench-threadsafe-libzmq against the reference libzmq 4.3.4 with its
# draft API (Debian's build has no CLIENT or SERVER; scripts/reference_libzmq
# makes it once), with the same optimisation as a Release build of zmx.
# Usage: build_against_reference.sh OUTPUT SOURCE...
set -eu
output=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
paths=$("$root/scripts/reference_libzmq")
lib=$(echo "$paths" | sed -n 1p)
include=$(echo "$paths" | sed -n 2p)
library=$(readlink -f "$lib/libzmq.so.5")
g++ -std=c++20 -O3 -DNDEBUG -I"$include" -I"$root/bench/support" \
    -DBENCH_EXPECTED_LIBRARY="\"$library\"" "$@" -o "$output" \
    -L"$lib" -Wl,-rpath,"$lib" -lzmq -pthread -ldl
