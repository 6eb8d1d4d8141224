#!/bin/bash
# Runs libzmq's own test programs (tests/test_*.cpp of a libzmq 4.3.4
# checkout, which this repository does not hold) on a reference libzmq and
# on zmx, and prints those whose outcome differs. A check by hand, not a
# ctest: the checkout comes from outside (git clone, or `fetch` in the tool
# library), and CI has no network. It found the bugs behind HelloMsg,
# ZapHangUp, UdpMulticastLoop and Poller.ItemsAskingForNoEvent... tests.
#
# Usage: tests/support/run_libzmq_suite.sh LIBZMQ_CHECKOUT [WORK_DIR]
#   LIBZMQ_CHECKOUT holds tests/, include/, external/unity/ and src/ at
#   v4.3.4 (`git archive v4.3.4 | tar -x` of a clone will do); it is only
#   read, the programs are built in WORK_DIR. They are built against the checkout's zmq.h with the draft API
#   and linked against the reference libzmq with drafts
#   (scripts/reference_libzmq); the zmx run swaps in build/lib through
#   LD_LIBRARY_PATH. Programs that need libzmq's internals (its fuzzers,
#   test_security_curve) or a transport neither has (tipc, vmci, norm) are
#   left out. Each program gets 60 s; 124 in the table is a hang.
set -euo pipefail
checkout=$(cd "$1" && pwd)
work=${2:-/tmp/libzmq-suite}
root=$(cd "$(dirname "$0")/../.." && pwd)
reference_lib=$("$root/scripts/reference_libzmq" | sed -n 1p)
tree=$work/tree
mkdir -p "$work/bin" "$tree/src"
cp -r "$checkout/tests" "$checkout/include" "$checkout/external" "$tree/"
cp "$checkout/src/stdint.hpp" "$checkout/src/windows.hpp" "$tree/src/"

# libzmq's tests include its generated platform.hpp (as ../src/platform.hpp):
# what a Linux build with libsodium defines is all they look at.
cat > "$tree/src/platform.hpp" <<'EOF'
#pragma once
#define ZMQ_HAVE_LINUX 1
#define ZMQ_HAVE_IPC 1
#define ZMQ_HAVE_SO_PEERCRED 1
#define ZMQ_HAVE_CURVE 1
#define ZMQ_USE_LIBSODIUM 1
#define ZMQ_USE_EPOLL 1
#define ZMQ_HAVE_UIO 1
#define ZMQ_HAVE_SO_PRIORITY 1
#define ZMQ_HAVE_EVENTFD 1
EOF

flags=(-std=c++11 -O1 -g -w -DZMQ_BUILD_DRAFT_API -I"$tree/src" -I"$tree/include" -I"$tree/external/unity")
cd "$tree/tests"
gcc -O1 -c "$tree/external/unity/unity.c" -o "$work/unity.o"
helpers=("$work/unity.o")
for helper in testutil testutil_unity testutil_monitoring testutil_security; do
  g++ "${flags[@]}" -c "$helper.cpp" -o "$work/$helper.o"
  helpers+=("$work/$helper.o")
done
for source in test_*.cpp; do
  name=${source%.cpp}
  case $name in *fuzzer* | *tipc* | *vmci* | *norm* | *pgm* | test_security_curve) continue ;; esac
  g++ "${flags[@]}" "$source" "${helpers[@]}" -o "$work/bin/$name" \
      -L"$reference_lib" -Wl,-rpath,"$reference_lib" -lzmq -lsodium -pthread 2>/dev/null ||
    echo "not built: $name"
done

# run <library dir> <log dir>: each program's exit status, one per line.
run() {
  mkdir -p "$2"
  for program in "$work"/bin/test_*; do
    local status=0
    LD_LIBRARY_PATH=$1 timeout 60 stdbuf -o0 "$program" > "$2/$(basename "$program").log" 2>&1 || status=$?
    echo "$(basename "$program") $status"
  done
}
run "$reference_lib" "$work/reference" > "$work/reference.txt"
run "$root/build/lib" "$work/zmx" > "$work/zmx.txt"
echo "program reference zmx (logs in $work/reference and $work/zmx)"
join "$work/reference.txt" "$work/zmx.txt" | awk '$2 != $3'
