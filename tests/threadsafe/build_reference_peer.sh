#!/bin/sh
# Builds reference_peer.c against the reference libzmq 4.3.4 with its draft
# API (made once, into build-reference/ at the repository root, by
# ../shared/reference/build-libzmq-draft.sh).
# Usage: build_reference_peer.sh OUTPUT
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
paths=$("$root/../shared/reference/build-libzmq-draft.sh" "$root/build-reference")
lib=$(echo "$paths" | sed -n 1p)
include=$(echo "$paths" | sed -n 2p)
gcc -std=c99 -Wall -Wextra -Werror -I"$include" "$here/reference_peer.c" -o "$1" \
    -L"$lib" -Wl,-rpath,"$lib" -lzmq
