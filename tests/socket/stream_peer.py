"""The libzmq side of test_stream_interop.cpp: a STREAM socket of Debian's
pyzmq on Debian's libzmq, exchanging raw bytes with a zmx STREAM socket.

usage: stream_peer.py bind|connect ENDPOINT

Prints "PEER <endpoint>" once ready (the endpoint bound, or "-" when
connecting). On its first connection it sends b"hello from libzmq\\n",
reads up to a newline and prints "GOT <line>", then closes the connection
with an empty message and prints "CLOSED". libzmq completes that close
inside zmq calls, so the socket is kept busy until the test closes our
stdin; then it exits 0. A line that starts with "FAIL" is a failed check.
"""
import sys

import zmq

TIMEOUT_MS = 10000


def say(*words):
    print(*words, flush=True)


def on_debian_libzmq():
    with open("/proc/self/maps") as maps:
        libs = {line.split()[-1] for line in maps if "libzmq.so" in line}
    return libs == {"/usr/lib/x86_64-linux-gnu/libzmq.so.5.2.4"}


def stdin_closed(timeout_ms):
    poller = zmq.Poller()
    poller.register(sys.stdin, zmq.POLLIN)
    return bool(poller.poll(timeout_ms))


def main():
    how, endpoint = sys.argv[1:3]
    ctx = zmq.Context()
    s = ctx.socket(zmq.STREAM)
    if not on_debian_libzmq():
        sys.exit("FAIL not running on Debian's libzmq")
    s.setsockopt(zmq.RCVTIMEO, TIMEOUT_MS)
    s.setsockopt(zmq.SNDTIMEO, TIMEOUT_MS)
    s.setsockopt(zmq.LINGER, 1000)
    if how == "bind":
        s.bind(endpoint)
        say("PEER", s.last_endpoint.decode())
    else:
        s.connect(endpoint)
        say("PEER -")

    peer, hello = s.recv_multipart()
    if hello != b"":
        say("FAIL the first message was not a notification:", hello[:20])
        return
    s.send_multipart([peer, b"hello from libzmq\n"])
    line = b""
    while not line.endswith(b"\n"):
        sender, data = s.recv_multipart()
        if sender != peer or data == b"":
            say("FAIL unexpected", sender, data[:20])
            return
        line += data
    say("GOT", line.decode().rstrip("\n"))
    s.send_multipart([peer, b""])
    say("CLOSED")
    while not stdin_closed(10):
        s.getsockopt(zmq.EVENTS)
    s.close()
    ctx.term()


if __name__ == "__main__":
    main()
