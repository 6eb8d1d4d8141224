"""The libzmq side of the xio interop tests: Debian's pyzmq on Debian's
libzmq, in a process of its own (two libzmq.so.5 cannot share one).

usage: libzmq_peer.py ROLE ENDPOINT COUNT

Prints "PEER <endpoint>" once its socket is bound or connecting (the bound
endpoint, so tcp://127.0.0.1:* reports its port), then "OK" when its part
is done, or a line starting with "FAIL".

Roles:
  req     REQ connects, sends b"req <i>" COUNT times, expects each back
  dealer  DEALER connects, sends [b"", b"dealer <i>"], expects it back
  rep     REP binds, sends back COUNT requests
  router  ROUTER binds, sends back COUNT messages, envelope and all
"""
import sys

import zmq

TIMEOUT_MS = 10000


def say(*words):
    print(*words, flush=True)


def main():
    role, endpoint, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    ctx = zmq.Context()
    kind = {"req": zmq.REQ, "dealer": zmq.DEALER, "rep": zmq.REP, "router": zmq.ROUTER}[role]
    s = ctx.socket(kind)
    s.setsockopt(zmq.LINGER, 1000)
    s.setsockopt(zmq.RCVTIMEO, TIMEOUT_MS)
    s.setsockopt(zmq.SNDTIMEO, TIMEOUT_MS)
    if role in ("rep", "router"):
        s.bind(endpoint)
        say("PEER", s.getsockopt(zmq.LAST_ENDPOINT).decode())
    else:
        s.connect(endpoint)
        say("PEER -")
    for i in range(count):
        if role == "req":
            s.send(b"req %d" % i)
            got = [s.recv()]
            want = [b"req %d" % i]
        elif role == "dealer":
            want = [b"", b"dealer %d" % i]
            s.send_multipart(want)
            got = s.recv_multipart()
        else:
            s.send_multipart(s.recv_multipart())
            continue
        if got != want:
            say("FAIL", want, "came back as", got)
            return
    say("OK")


if __name__ == "__main__":
    main()
