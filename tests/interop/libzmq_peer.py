"""The libzmq side of zmx's interop tests: Debian's pyzmq on Debian's libzmq.

usage: libzmq_peer.py ROLE TYPE bind|connect ENDPOINT
  ROLE echo:   receive messages and send each one back (ROUTER keeps the
               envelope; REP/REQ framing is the socket's) until one ends in
               b"STOP"
  ROLE client: send the test messages, expect each one back, print "OK"
  ROLE sink:   receive until b"STOP", print "GOT <count> <fnv1a-64 of all>"
  ROLE subscribe: SUB to b"t", print the first message received
  ROLE source: send the test messages then b"STOP"
  ROLE publish: XPUB: wait for a subscription to b"t", print it, then send
               b"x-dropped" and b"t-kept" until told to stop (stdin closes)
First line printed: "PEER <port>" (the port bound, or 0), once the socket is
ready. Refuses to run on anything but Debian's libzmq.
"""
import sys

import zmq

TIMEOUT_MS = 10000


def messages():
    """Multipart, empty, the short/long frame boundary, 1 MB."""
    return [
        [b"hello", b"world"],
        [b""],
        [b"a" * 255],
        [b"b" * 256],
        [b"c" * 1_000_000],
        [b"x", b"", b"y" * 300],
    ]


FNV_OFFSET = 0xCBF29CE484222325


def fnv1a(h, data):
    for byte in data:
        h = ((h ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def on_debian_libzmq():
    with open("/proc/self/maps") as maps:
        libs = {line.split()[-1] for line in maps if "libzmq.so" in line}
    return libs == {"/usr/lib/x86_64-linux-gnu/libzmq.so.5.2.4"}


def main():
    role, kind_name, how, endpoint = sys.argv[1:5]
    if not on_debian_libzmq():
        sys.exit("FAIL not running on Debian's libzmq")
    kind = getattr(zmq, kind_name)
    ctx = zmq.Context()
    s = ctx.socket(kind)
    s.linger = 1000
    s.rcvtimeo = s.sndtimeo = TIMEOUT_MS
    port = 0
    if how == "bind":
        port = s.bind_to_random_port(endpoint)
    else:
        s.connect(endpoint)
    print(f"PEER {port}", flush=True)

    if role == "echo":
        while True:
            parts = s.recv_multipart()
            s.send_multipart(parts)
            if parts[-1] == b"STOP":
                break
    elif role == "client":
        # A DEALER talking to a REP/ROUTER-based server frames like a REQ.
        frame = [b""] if kind == zmq.DEALER and sys.argv[5:] == ["req-framing"] else []
        for parts in messages():
            s.send_multipart(frame + parts)
            got = s.recv_multipart()
            if got != frame + parts:
                print(f"FAIL echo of {[len(p) for p in parts]} came back as {[len(p) for p in got]}", flush=True)
                return
        s.send_multipart(frame + [b"STOP"])
        s.recv_multipart()
        print("OK", flush=True)
    elif role == "sink":
        digest, count = FNV_OFFSET, 0
        while True:
            parts = s.recv_multipart()
            if parts == [b"STOP"]:
                break
            count += 1
            for p in parts:
                digest = fnv1a(digest, len(p).to_bytes(4, "big") + p)
        print(f"GOT {count} {digest:016x}", flush=True)
    elif role == "subscribe":
        s.setsockopt(zmq.SUBSCRIBE, b"t")
        print("FIRST", s.recv().decode(), flush=True)
    elif role == "source":
        for parts in messages():
            s.send_multipart(parts)
        s.send_multipart([b"STOP"])
    elif role == "publish":
        print("SUBSCRIBED", s.recv().hex(), flush=True)
        poller = zmq.Poller()
        poller.register(sys.stdin, zmq.POLLIN)
        while not poller.poll(10):
            s.send(b"x-dropped")
            s.send(b"t-kept")
    s.close()
    ctx.term()


main()
