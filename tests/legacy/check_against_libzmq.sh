#!/bin/sh
# Runs this folder's tests against Debian's libzmq 4.3.4 (ZmxOnly* skipped).
# Usage: tests/legacy/check_against_libzmq.sh [gtest args...]
here=$(dirname "$0")
exec "$here/../support/check_against_libzmq.sh" "$here" "$@"
