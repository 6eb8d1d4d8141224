#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into tests/fuzz/corpus/<target>/.

Each seed is a small, hand-described input: valid ZMTP (greetings 3.0/3.1,
READY with properties, short, long, multipart and command frames) and the
ways it goes wrong (truncated, reserved bits, oversized). The bytes are built
here from RFC 23/37, independently of zmx's encoder. Files this script did
not write (kept crash inputs, say) are left alone.

Usage: tests/fuzz/make_corpus.py [corpus dir]
"""

import pathlib
import struct
import sys

CORPUS = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(__file__).parent / "corpus"

# Socket types as the targets' type byte selects them (libzmq's numbering).
PAIR, PUB, SUB, REQ, REP, DEALER, ROUTER, PULL, PUSH, XPUB, XSUB = range(11)

# The configuration bytes a target reads before its stream.
WHOLE = 0  # max read size 0: the stream in one read
NO_LIMIT = 0  # max message size selector 0: no limit


def limit_selector(max_size):
    """The selector byte for a maximum message size (a square, see fuzz_support.hpp)."""
    root = int(max_size ** 0.5)
    assert root * root == max_size and root < 255
    return root + 1


def greeting(mechanism=b"NULL", as_server=0, major=3, minor=1):
    return (b"\xff" + bytes(8) + b"\x7f" + bytes([major, minor]) + mechanism.ljust(20, b"\0")
            + bytes([as_server]) + bytes(31))


def frame(body, more=False, command=False, long_size=None):
    flags = (1 if more else 0) | (4 if command else 0)
    if long_size is None:
        long_size = len(body) > 255
    if long_size:
        return bytes([flags | 2]) + struct.pack(">Q", len(body)) + body
    return bytes([flags, len(body)]) + body


def command_body(name, data=b""):
    return bytes([len(name)]) + name + data


def properties(*pairs):
    out = b""
    for name, value in pairs:
        out += bytes([len(name)]) + name + struct.pack(">I", len(value)) + value
    return out


def ready(socket_type, identity=None):
    props = [(b"Socket-Type", socket_type)]
    if identity is not None:
        props.append((b"Identity", identity))
    return command_body(b"READY", properties(*props))


def ping(ttl, context=b""):
    return command_body(b"PING", struct.pack(">H", ttl) + context)


def frame_decoder_seeds():
    hello = frame(b"hello")
    multipart = frame(b"part one", more=True) + frame(b"part two")
    long_body = frame(bytes(range(256)) * 2)
    mixed = (frame(ready(b"DEALER"), command=True) + multipart + frame(ping(10, b"ctx"), command=True)
             + frame(b"", more=True) + frame(b"x" * 40))
    seeds = {
        "empty-message": frame(b""),
        "short-message": hello,
        "multipart": multipart,
        "command-ready": frame(ready(b"ROUTER", b"id"), command=True),
        "long-frame": long_body,
        "long-form-small-body": frame(b"small", long_size=True),
        "mixed-traffic": mixed,
        "truncated-header": frame(b"x" * 300)[:5],
        "truncated-body": hello[:4],
        "reserved-flags": b"\x08\x01a",
        "more-on-command": b"\x05\x01a",
        "size-top-bit-set": b"\x02" + struct.pack(">Q", 1 << 63),
        "size-near-2-pow-64": b"\x02" + struct.pack(">Q", (1 << 64) - 9) + b"abc",
        "size-2-pow-32": b"\x02" + struct.pack(">Q", 1 << 32) + b"abc",
    }
    out = {}
    for name, stream in seeds.items():
        out[name] = bytes([WHOLE, NO_LIMIT]) + stream
    # The same traffic in reads of 1 byte, up to 7 and up to 64 bytes.
    for max_read in (1, 7, 64):
        out[f"mixed-traffic-reads-{max_read}"] = bytes([max_read, NO_LIMIT]) + mixed
        out[f"long-frame-reads-{max_read}"] = bytes([max_read, NO_LIMIT]) + long_body
    # Against a maximum message size: just under, at and over it.
    for size in (99, 100, 101):
        out[f"limit-100-size-{size}"] = bytes([WHOLE, limit_selector(100)]) + frame(b"m" * size)
    out["limit-0-empty"] = bytes([WHOLE, limit_selector(0)]) + frame(b"") + frame(b"a")
    return out


def greeting_seeds():
    seeds = {
        "null-3.1-client": greeting(),
        "null-3.1-server": greeting(as_server=1),
        "null-3.0": greeting(minor=0),
        "plain-3.1": greeting(b"PLAIN"),
        "curve-3.1-server": greeting(b"CURVE", as_server=1),
        "mechanism-20-chars": greeting(b"ABCDEFGHIJKLMNOPQRST"),
        "version-4.0": greeting(major=4, minor=0),
        "nonzero-padding": b"\xff" + b"\x01" * 8 + greeting()[9:],
        "as-server-2": greeting(as_server=2),
        "greeting-then-frame": greeting() + frame(ready(b"PUSH"), command=True),
        # Older peers: ZMTP 2.0 (revision 1, socket type, identity frame)
        # and 1.0 (a length-prefixed identity, no signature).
        "zmtp-2.0": b"\xff" + bytes(8) + b"\x7f\x01" + bytes([DEALER]) + b"\x00\x00",
        "zmtp-1.0": b"\x01\x00" + frame(b"hello")[1:],
        "bad-signature-byte-9": b"\xff" + bytes(8) + b"\x7e" + greeting()[10:],
        "truncated-5": greeting()[:5],
        "truncated-10": greeting()[:10],
        "truncated-11": greeting()[:11],
        "truncated-40": greeting()[:40],
    }
    out = {name: bytes([WHOLE]) + stream for name, stream in seeds.items()}
    for max_read in (1, 3, 13):
        out[f"null-3.1-reads-{max_read}"] = bytes([max_read]) + greeting()
    return out


def command_seeds():
    return {
        "ready-dealer": ready(b"DEALER"),
        "ready-router-identity": ready(b"ROUTER", b"peer-7"),
        "ready-empty": command_body(b"READY"),
        "ready-extra-property": command_body(
            b"READY", properties((b"Socket-Type", b"SUB"), (b"X-Custom", b"v" * 300))),
        "ready-truncated-value": ready(b"PUSH")[:-2],
        "ready-empty-name": command_body(b"READY", b"\x00\x00\x00\x00\x00"),
        "ready-huge-value-length": command_body(b"READY", b"\x01a\xff\xff\xff\xff"),
        "error-reason": command_body(b"ERROR", b"\x13Invalid socket type"),
        "error-truncated": command_body(b"ERROR", b"\x10short"),
        "ping-ttl-context": ping(300, b"0123456789abcdef"),
        "ping-no-context": ping(0),
        "ping-context-too-long": ping(1, b"x" * 17),
        "pong-context": command_body(b"PONG", b"0123"),
        "subscribe-topic": command_body(b"SUBSCRIBE", b"weather."),
        "subscribe-empty": command_body(b"SUBSCRIBE"),
        "cancel-topic": command_body(b"CANCEL", b"weather."),
        "unknown-command": command_body(b"X-FUTURE", b"\x01\x02"),
        "name-longer-than-body": b"\x09SUB",
        "name-one-byte-short": b"\x05READ",
        "property-one-byte-short": command_body(b"READY", properties((b"Socket-Type", b"REQ"))[:-1]),
        "empty-name": b"\x00data",
    }


def null_handshake_seeds():
    def connection(our_type, *frames, max_read=WHOLE, limit=NO_LIMIT, peer_greeting=greeting()):
        return bytes([max_read, our_type, limit]) + peer_greeting + b"".join(frames)

    def cmd(body):
        return frame(body, command=True)

    return {
        "dealer-router-traffic": connection(
            DEALER, cmd(ready(b"ROUTER", b"")), frame(b"", more=True), frame(b"reply")),
        "router-dealer-identity": connection(
            ROUTER, cmd(ready(b"DEALER", b"client-1")), frame(b"request")),
        "sub-pub-messages": connection(SUB, cmd(ready(b"PUB")), frame(b"topic data")),
        "pub-sub-subscriptions": connection(
            PUB, cmd(ready(b"SUB")), cmd(command_body(b"SUBSCRIBE", b"topic")),
            cmd(command_body(b"CANCEL", b"topic")), frame(b"\x01legacy-form")),
        "push-pull-ping": connection(
            PULL, cmd(ready(b"PUSH")), cmd(ping(50, b"hb")), frame(b"work")),
        "pair-pair-reads-1": connection(
            PAIR, cmd(ready(b"PAIR")), frame(b"one byte at a time"), max_read=1),
        "req-rep-reads-7": connection(
            REQ, cmd(ready(b"REP")), frame(b"", more=True), frame(b"ok"), max_read=7),
        "rep-req-limit": connection(
            REP, cmd(ready(b"REQ", b"")), frame(b"", more=True), frame(b"r" * 20),
            limit=limit_selector(16)),
        "incompatible-type": connection(PUSH, cmd(ready(b"PUSH"))),
        "no-socket-type": connection(XPUB, cmd(command_body(b"READY"))),
        "message-before-ready": connection(PULL, frame(b"early"), cmd(ready(b"PUSH"))),
        "error-in-handshake": connection(
            DEALER, cmd(command_body(b"ERROR", b"\x06denied"))),
        "error-after-ready": connection(
            XSUB, cmd(ready(b"XPUB")), cmd(command_body(b"ERROR", b"\x03bye")), frame(b"late")),
        "plain-mechanism": connection(
            DEALER, cmd(ready(b"ROUTER")), peer_greeting=greeting(b"PLAIN")),
        "null-3.0-peer": connection(
            PUSH, cmd(ready(b"PULL")), peer_greeting=greeting(minor=0)),
        "truncated-greeting": connection(DEALER, peer_greeting=greeting()[:30]),
        "ready-malformed": connection(DEALER, cmd(ready(b"ROUTER")[:-3])),
    }


def main():
    for target, seeds in (("frame_decoder", frame_decoder_seeds()),
                          ("greeting", greeting_seeds()),
                          ("commands", command_seeds()),
                          ("null_handshake", null_handshake_seeds())):
        directory = CORPUS / target
        directory.mkdir(parents=True, exist_ok=True)
        for name, data in seeds.items():
            (directory / name).write_bytes(data)
        print(f"{directory}: {len(seeds)} seeds")


if __name__ == "__main__":
    main()
