#!/bin/sh
# Installs the build tree into a temporary prefix, checks what landed
# there, then builds tests/install/consumer against it by pkg-config and by
# find_package(ZeroMQ) (shared and static) and runs each.
# Usage: check_install.sh BUILD_DIR SOURCE_DIR CC
set -eu
build=$1 source=$2 cc=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/zmx-install-XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null
libdir=$(ls -d "$prefix"/lib/*/pkgconfig | sed 's|/pkgconfig$||')

fail() { echo "FAIL: $*" >&2; exit 1; }
for file in libzmq.so.5 libzmq.so libzmq.a libxio.so.0 libxio.so pkgconfig/libzmq.pc cmake/ZeroMQ/ZeroMQConfig.cmake \
            cmake/ZeroMQ/ZeroMQConfigVersion.cmake cmake/ZeroMQ/ZeroMQTargets.cmake; do
    [ -e "$libdir/$file" ] || fail "$libdir/$file missing"
done
[ "$(readlink "$libdir/libzmq.so.5")" = libzmq.so.5.2.4 ] || fail "libzmq.so.5 is not a link to libzmq.so.5.2.4"
[ "$(readlink "$libdir/libzmq.so")" = libzmq.so.5 ] || fail "libzmq.so is not a link to libzmq.so.5"
[ "$(readlink "$libdir/libxio.so.0")" = libxio.so.0.1.0 ] || fail "libxio.so.0 is not a link to libxio.so.0.1.0"
for header in zmq.h zmq_utils.h zmx.h xio/sp.h; do
    [ -e "$prefix/include/$header" ] || fail "include/$header missing"
done
grep -qx "prefix=$prefix" "$libdir/pkgconfig/libzmq.pc" || fail "libzmq.pc does not name $prefix"

run() {  # runs a consumer; it must print the installed library's path
    out=$(LD_LIBRARY_PATH="$libdir" "$1") || fail "$1 failed"
    case $out in
    "libzmq 4.3.4 $2"*) echo "$1: $out" ;;
    *) fail "$1 printed '$out', expected a run on $2" ;;
    esac
}

export PKG_CONFIG_PATH="$libdir/pkgconfig"
# shellcheck disable=SC2046
"$cc" -o "$work/by-pkg-config" "$source/tests/install/consumer/consumer.c" \
    $(pkg-config --cflags --libs libzmq) -ldl
run "$work/by-pkg-config" "$libdir/libzmq.so.5"

for kind in OFF ON; do
    cmake -S "$source/tests/install/consumer" -B "$work/cmake-$kind" -DCMAKE_C_COMPILER="$cc" \
        -DCMAKE_PREFIX_PATH="$prefix" -DCONSUMER_STATIC=$kind >/dev/null
    cmake --build "$work/cmake-$kind" >/dev/null
done
run "$work/cmake-OFF/consumer" "$libdir/libzmq.so.5"
run "$work/cmake-ON/consumer" "$work/cmake-ON/consumer"
echo "installed and used from $prefix"
