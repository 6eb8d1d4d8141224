#!/bin/sh
# Makes the .deb with cpack into a temporary directory and checks, with
# dpkg-deb only, that it can stand in for Debian's libzmq5 and
# libzmq3-dev: its fields, and the files those two packages have.
# Usage: check_deb.sh BUILD_DIR
set -eu
build=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/zmx-deb-XXXXXX")
trap 'rm -rf "$work"' EXIT
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work" >/dev/null
deb=$(ls "$work"/*.deb)

fail() { echo "FAIL: $*" >&2; exit 1; }
field() { dpkg-deb -f "$deb" "$1"; }
expect_in() {  # expect_in FIELD ITEM...: each ITEM in the field's list
    value=$(field "$1")
    shift
    for item in "$@"; do
        echo "$value" | tr ',' '\n' | sed 's/^ *//' | grep -qx "$item" || fail "'$item' not in: $value"
    done
}
[ "$(field Package)" = libzmq5-zmx ] || fail "Package is $(field Package)"
[ "$(field Version)" = 4.3.4 ] || fail "Version is $(field Version)"
[ "$(field Architecture)" = "$(dpkg --print-architecture)" ] || fail "Architecture is $(field Architecture)"
expect_in Provides "libzmq5 (= 4.3.4)" "libzmq3-dev (= 4.3.4)" "libzmq5-dev"
expect_in Conflicts libzmq5 libzmq3-dev libzmq5-dev libzmq-dev
expect_in Replaces libzmq5 libzmq3-dev libzmq5-dev

arch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)
contents=$(dpkg-deb -c "$deb" | awk '{ print $6 }')
for file in "lib/$arch/libzmq.so.5.2.4" "lib/$arch/libzmq.so.5" "lib/$arch/libzmq.so" "lib/$arch/libzmq.a" \
            "lib/$arch/pkgconfig/libzmq.pc" "lib/$arch/cmake/ZeroMQ/ZeroMQConfig.cmake" "lib/$arch/libxio.so.0" \
            include/zmq.h include/zmq_utils.h; do
    echo "$contents" | grep -qx "./usr/$file" || fail "/usr/$file is not in the package"
done
dpkg-deb --fsys-tarfile "$deb" | tar -xO "./usr/lib/$arch/pkgconfig/libzmq.pc" | grep -qx "prefix=/usr" ||
    fail "libzmq.pc does not name /usr"
echo "$(basename "$deb"): fields and contents as Debian's libzmq5 and libzmq3-dev"
