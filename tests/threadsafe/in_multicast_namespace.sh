#!/bin/sh
# Runs a test program in a network namespace of its own whose loopback
# carries multicast (up, MULTICAST on, a route for 224.0.0.0/4), so a
# multicast test needs no network of the machine and disturbs none. Where
# the kernel has veth, the namespace also has a pair of them, zmxmc0 (at
# 10.200.0.1) and zmxmc1: multicast sent from zmxmc0 leaves the machine as
# far as it knows, so only ZMQ_MULTICAST_LOOP brings it back to members
# here (over lo it is always heard). A test that needs them skips itself
# without.
# Exits 77 (ctest's SKIP_RETURN_CODE), saying why, where no namespace can
# be made (not root, no user namespaces) or it cannot be set up.
# Usage: tests/threadsafe/in_multicast_namespace.sh PROGRAM [ARGS...]
set -u
lo_setup='ip link set lo up && ip link set lo multicast on && ip route add 224.0.0.0/4 dev lo src 127.0.0.1'
veth_setup='ip link add zmxmc0 type veth peer name zmxmc1 && ip addr add 10.200.0.1/24 dev zmxmc0 &&
  ip link set zmxmc1 up && ip link set zmxmc0 up'
setup="$lo_setup && { $veth_setup || true; } 2>/dev/null"
if ! command -v unshare >/dev/null || ! command -v ip >/dev/null; then
  echo "SKIP: unshare or ip (iproute2) is missing"
  exit 77
fi
if ! unshare -n sh -c "$setup" >/dev/null 2>&1; then
  echo "SKIP: this machine cannot make a network namespace with multicast on loopback (root needed)"
  exit 77
fi
exec unshare -n sh -c "$setup && exec \"\$@\"" sh "$@"
