"""Debian's pyzmq, unchanged, running on zmx's libzmq.so.5 over inproc.

Run by ctest with LD_LIBRARY_PATH naming zmx's build/lib: that is the
drop-in promise, so the first check is that zmx's library, and not Debian's,
is the one mapped. Exits non-zero on the first failed expectation.
"""
import asyncio
import sys

import zmq
import zmq.asyncio

from mapped_library import expect_libzmq_from

TIMEOUT_MS = 5000


def expect(what, got, wanted):
    if got != wanted:
        sys.exit(f"FAIL {what}: got {got!r}, wanted {wanted!r}")
    print(f"ok   {what}")


def socket(ctx, kind):
    s = ctx.socket(kind)
    s.linger = 0
    s.rcvtimeo = s.sndtimeo = TIMEOUT_MS
    return s


def request_reply(ctx):
    rep, req = socket(ctx, zmq.REP), socket(ctx, zmq.REQ)
    rep.bind("inproc://rr")
    req.connect("inproc://rr")
    req.send_multipart([b"hello", b"world"])
    expect("REP receives a multipart request", rep.recv_multipart(), [b"hello", b"world"])
    rep.send(b"ok")
    expect("REQ receives the reply", req.recv(), b"ok")


def publish_subscribe(ctx):
    pub, sub = socket(ctx, zmq.PUB), socket(ctx, zmq.SUB)
    pub.bind("inproc://ps")
    sub.connect("inproc://ps")
    sub.setsockopt(zmq.SUBSCRIBE, b"t")
    pub.send(b"x-filtered")
    pub.send(b"t-kept")
    expect("SUB gets only its topic", sub.recv(), b"t-kept")
    poller = zmq.Poller()
    poller.register(sub, zmq.POLLIN)
    expect("nothing more to poll", poller.poll(0), [])


def zero_copy(ctx):
    push, pull = socket(ctx, zmq.PUSH), socket(ctx, zmq.PULL)
    push.bind("inproc://zc")
    pull.connect("inproc://zc")
    # pyzmq releases the buffer from a free function zmx calls.
    tracker = push.send(zmq.Frame(b"z" * 100_000, track=True), copy=False, track=True)
    expect("a 100 kB zero-copy frame arrives", len(pull.recv()), 100_000)
    tracker.wait(TIMEOUT_MS / 1000)
    expect("the frame's free function ran", tracker.done, True)


async def event_loop():
    # asyncio waits on ZMQ_FD and reads ZMQ_EVENTS: the edge-triggered contract.
    actx = zmq.asyncio.Context()
    pull, push = actx.socket(zmq.PULL), actx.socket(zmq.PUSH)
    pull.bind("inproc://aio")
    push.connect("inproc://aio")

    async def send_later():
        await asyncio.sleep(0)
        await push.send(b"async")

    sender = asyncio.ensure_future(send_later())
    expect("asyncio recv wakes on ZMQ_FD", await asyncio.wait_for(pull.recv(), TIMEOUT_MS / 1000), b"async")
    await sender
    pull.close(0)
    push.close(0)
    actx.term()


def main():
    print(f"ok   the libzmq mapped is zmx's: {expect_libzmq_from(sys.argv[1])}")
    ctx = zmq.Context()
    request_reply(ctx)
    publish_subscribe(ctx)
    zero_copy(ctx)
    asyncio.run(event_loop())
    ctx.destroy(linger=0)
    print("pyzmq on zmx: all ok")


main()
