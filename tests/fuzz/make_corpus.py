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
ZMTP1, ZMTP2, ZMTP3 = range(3)  # framing selector (zmx::zmtp::framing)
REPEAT = 0x80  # in the framing selector: the stream repeated past 1 MiB


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


def frame_zmtp1(body, more=False, flags_extra=0, long_length=None):
    """A ZMTP 1.0 frame: a length counting the flags byte, the flags, the body."""
    length = len(body) + 1
    if long_length is None:
        long_length = length > 254
    header = b"\xff" + struct.pack(">Q", length) if long_length else bytes([length])
    return header + bytes([(1 if more else 0) | flags_extra]) + body


def frame_decoder_seeds():
    # The configuration bytes of fuzz_frame_decoder: max read size, framing,
    # the limit and the limit after the first frame.
    def stream(*parts, max_read=WHOLE, framing=ZMTP3, limit=NO_LIMIT, later_limit=NO_LIMIT):
        return bytes([max_read, framing, limit, later_limit]) + b"".join(parts)

    hello = frame(b"hello")
    multipart = frame(b"part one", more=True) + frame(b"part two")
    long_body = frame(bytes(range(256)) * 2)
    mixed = (frame(ready(b"DEALER"), command=True) + multipart + frame(ping(10, b"ctx"), command=True)
             + frame(b"", more=True) + frame(b"x" * 40))
    zmtp1_traffic = frame_zmtp1(b"identity") + frame_zmtp1(b"a", more=True) + frame_zmtp1(b"b" * 300)
    seeds = {
        "empty-message": stream(frame(b"")),
        "short-message": stream(hello),
        "multipart": stream(multipart),
        "command-ready": stream(frame(ready(b"ROUTER", b"id"), command=True)),
        "long-frame": stream(long_body),
        "long-form-small-body": stream(frame(b"small", long_size=True)),
        "mixed-traffic": stream(mixed),
        "truncated-header": stream(frame(b"x" * 300)[:5]),
        "truncated-body": stream(hello[:4]),
        "reserved-flags": stream(b"\x08\x01a"),
        "more-on-command": stream(b"\x05\x01a"),
        "size-top-bit-set": stream(b"\x02" + struct.pack(">Q", 1 << 63)),
        "size-near-2-pow-64": stream(b"\x02" + struct.pack(">Q", (1 << 64) - 9) + b"abc"),
        "size-2-pow-32": stream(b"\x02" + struct.pack(">Q", 1 << 32) + b"abc"),
        # ZMTP 2.0: 3.x framing without commands; libzmq checks no other bits.
        "zmtp2-multipart": stream(multipart + long_body, framing=ZMTP2),
        "zmtp2-over-8KiB": stream(frame(b"z" * 9000), framing=ZMTP2),
        "zmtp2-unchecked-bits": stream(b"\xf9\x01a" + b"\x05\x01b", framing=ZMTP2),
        # ZMTP 1.0: length (counting the flags byte), flags, body.
        "zmtp1-traffic": stream(zmtp1_traffic, framing=ZMTP1),
        "zmtp1-over-8KiB": stream(frame_zmtp1(b"z" * 9000), framing=ZMTP1),
        "zmtp1-long-length-small-body": stream(frame_zmtp1(b"small", long_length=True), framing=ZMTP1),
        "zmtp1-extra-flag-bits": stream(frame_zmtp1(b"x", flags_extra=0x7E), framing=ZMTP1),
        "zmtp1-zero-length": stream(b"\x00", framing=ZMTP1),
        "zmtp1-long-zero-length": stream(b"\xff" + bytes(8), framing=ZMTP1),
        "zmtp1-length-top-bit": stream(b"\xff" + struct.pack(">Q", 1 << 63), framing=ZMTP1),
        "zmtp1-length-2-pow-64-minus-1": stream(b"\xff" + b"\xff" * 8 + b"\x00", framing=ZMTP1),
        "zmtp1-truncated-flags": stream(b"\x05", framing=ZMTP1),
    }
    # The same traffic in reads of 1 byte, up to 7 and up to 64 bytes.
    for max_read in (1, 7, 64):
        seeds[f"mixed-traffic-reads-{max_read}"] = stream(mixed, max_read=max_read)
        seeds[f"long-frame-reads-{max_read}"] = stream(long_body, max_read=max_read)
        seeds[f"zmtp1-traffic-reads-{max_read}"] = stream(zmtp1_traffic, max_read=max_read, framing=ZMTP1)
    # Against a maximum message size: just under, at and over it, in each
    # framing; and a limit lifted after the first frame, as after a handshake.
    for framing, name, encode in ((ZMTP1, "zmtp1", frame_zmtp1), (ZMTP2, "zmtp2", frame),
                                  (ZMTP3, "zmtp3", frame)):
        for size in (99, 100, 101):
            seeds[f"{name}-limit-100-size-{size}"] = stream(
                encode(b"m" * size), framing=framing, limit=limit_selector(100))
    # Bodies past the 1 MiB eager allocation limit: the target repeats the
    # stream (bit 7 of the framing byte) so the claimed body arrives.
    big = (1 << 20) + 1000
    for max_read in (WHOLE, 255):
        seeds[f"zmtp3-grown-body-reads-{max_read}"] = stream(
            b"\x02" + struct.pack(">Q", big), max_read=max_read, framing=ZMTP3 | REPEAT)
    seeds["zmtp1-grown-body"] = stream(b"\xff" + struct.pack(">Q", big + 1) + b"\x00",
                                       framing=ZMTP1 | REPEAT)
    seeds["zmtp2-grown-body-truncated"] = stream(b"\x02" + struct.pack(">Q", 2 * big),
                                                 framing=ZMTP2 | REPEAT)
    seeds["limit-0-empty"] = stream(frame(b""), frame(b"a"), limit=limit_selector(0))
    seeds["limit-lifted"] = stream(frame(ready(b"PUB"), command=True), frame(b"L" * 1000),
                                   limit=limit_selector(64))
    seeds["limit-lowered"] = stream(frame(b"first"), frame(b"S" * 30), later_limit=limit_selector(25))
    return seeds


def greeting_seeds():
    # The configuration bytes of fuzz_greeting: max read size, our mechanism
    # (0 NULL, 1 PLAIN, 2 CURVE; +4 as server), our socket type, the size
    # of our routing id.
    NULL_MECHANISM, PLAIN_MECHANISM, CURVE_MECHANISM, AS_SERVER = 0, 1, 2, 4

    def peer(stream, max_read=WHOLE, ours=NULL_MECHANISM, our_type=DEALER, routing_id_size=0):
        return bytes([max_read, ours, our_type, routing_id_size]) + stream

    def legacy(revision, socket_type):
        return b"\xff" + bytes(8) + b"\x7f" + bytes([revision, socket_type])

    seeds = {
        "null-3.1-client": peer(greeting()),
        "null-3.1-server": peer(greeting(as_server=1), routing_id_size=5),
        "null-3.0": peer(greeting(minor=0)),
        "plain-3.1": peer(greeting(b"PLAIN"), ours=PLAIN_MECHANISM | AS_SERVER),
        "curve-3.1-server": peer(greeting(b"CURVE", as_server=1), ours=CURVE_MECHANISM),
        "mechanism-20-chars": peer(greeting(b"ABCDEFGHIJKLMNOPQRST")),
        "version-4.0": peer(greeting(major=4, minor=0)),
        "revision-2": peer(greeting(major=2, minor=0)),
        "nonzero-padding": peer(b"\xff" + b"\x01" * 8 + greeting()[9:]),
        "signature-end-odd": peer(b"\xff" + bytes(8) + b"\x01" + greeting()[10:]),
        "as-server-2": peer(greeting(as_server=2)),
        "greeting-then-frame": peer(greeting() + frame(ready(b"PUSH"), command=True)),
        # ZMTP 2.0 (revision 1) and 1.0 with a revision (0): 12 bytes.
        "zmtp-2.0": peer(legacy(1, DEALER) + frame(b"identity"), routing_id_size=3),
        "zmtp-2.0-refused-by-plain": peer(legacy(1, PUSH), ours=PLAIN_MECHANISM),
        "zmtp-1.0-revision-0": peer(legacy(0, PUSH) + b"\x02\x00a", routing_id_size=3),
        # ZMTP 1.0 without a greeting: its identity frame comes first.
        "zmtp-1.0-short-identity": peer(b"\x06\x00hello", routing_id_size=7),
        "zmtp-1.0-long-identity": peer(b"\xff" + struct.pack(">Q", 301) + b"\x00" + b"i" * 300),
        "zmtp-1.0-refused-by-curve": peer(b"\x01\x00", ours=CURVE_MECHANISM),
        "zmtp-1.0-routing-id-255": peer(b"\x01\x00", routing_id_size=255),
        "truncated-5": peer(greeting()[:5]),
        "truncated-10": peer(greeting()[:10]),
        "truncated-11": peer(greeting()[:11]),
        "truncated-40": peer(greeting()[:40]),
    }
    for max_read in (1, 3, 13):
        seeds[f"null-3.1-reads-{max_read}"] = peer(greeting(), max_read=max_read)
        seeds[f"zmtp-2.0-reads-{max_read}"] = peer(legacy(1, REQ), max_read=max_read, routing_id_size=2)
    return seeds


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
        "ready-over-handshake-limit": connection(
            DEALER, b"\x06" + struct.pack(">Q", 70000) + b"\x05READY"),
        "message-claim-after-ready": connection(
            PULL, cmd(ready(b"PUSH")), b"\x02" + struct.pack(">Q", 70000) + b"big"),
        # Legacy peers: a 12-byte greeting (revision 1 is 2.0, 0 is 1.0) or
        # none (1.0), then the peer's identity frame, then messages.
        "zmtp2-dealer": connection(
            ROUTER, frame(b"peer-id"), frame(b"", more=True), frame(b"request"),
            peer_greeting=b"\xff" + bytes(8) + b"\x7f\x01" + bytes([DEALER])),
        "zmtp2-command-dropped": connection(
            PULL, frame(b""), cmd(ping(1)), frame(b"after"),
            peer_greeting=b"\xff" + bytes(8) + b"\x7f\x01" + bytes([PUSH])),
        "zmtp1-revision-0": connection(
            SUB, frame_zmtp1(b""), frame_zmtp1(b"news"), max_read=5,
            peer_greeting=b"\xff" + bytes(8) + b"\x7f\x00" + bytes([PUB])),
        "zmtp1-unversioned": connection(
            PUB, frame_zmtp1(b"\x01topic"), peer_greeting=frame_zmtp1(b"sub-id")),
        "zmtp1-unversioned-long-identity": connection(
            PULL, frame_zmtp1(b"payload"), peer_greeting=frame_zmtp1(b"i" * 300), max_read=3),
        "zmtp1-unversioned-empty-identity": connection(
            PAIR, frame_zmtp1(b"x"), peer_greeting=b"\x01\x00"),
    }


def plain_handshake_seeds():
    """[role] then events: [0, size] a command body, [2, size] a ZAP reply
    (frames, each a length byte then its bytes), [3, 0] no handler."""
    server, client = 1 | (REP << 1), REQ << 1

    def cmd(body):
        return bytes([0, len(body)]) + body

    def zap(*frames):
        payload = b"".join(bytes([len(f)]) + f for f in frames)
        return bytes([2, len(payload)]) + payload

    def reply(status, metadata=b""):
        return zap(b"", b"1.0", b"1", status, b"text", b"user-id", metadata)

    hello = cmd(command_body(b"HELLO", b"\x04user\x08password"))
    initiate = cmd(command_body(b"INITIATE", properties((b"Socket-Type", b"REQ"))))
    return {
        "server-approved": bytes([server]) + hello + reply(b"200", properties((b"Role", b"x"))) + initiate,
        "server-refused-400": bytes([server]) + hello + reply(b"400"),
        "server-temporary-300": bytes([server]) + hello + reply(b"300"),
        "server-failed-500": bytes([server]) + hello + reply(b"500"),
        "server-no-handler": bytes([server]) + hello + b"\x03\x00",
        "server-malformed-hello": bytes([server]) + cmd(command_body(b"HELLO", b"\x05us")),
        "server-bad-zap-version": bytes([server]) + hello + zap(b"", b"2.0", b"1", b"200", b"", b"", b""),
        "server-zap-delimiter": bytes([server]) + hello + zap(b"x", b"1.0", b"1", b"200", b"", b"", b""),
        "server-zap-short": bytes([server]) + hello + zap(b"", b"1.0", b"1", b"200"),
        "server-zap-metadata": bytes([server]) + hello + reply(b"200", b"\x05Ro"),
        "server-initiate-first": bytes([server]) + initiate,
        "client-ready": bytes([client]) + cmd(command_body(b"WELCOME")) + cmd(ready(b"REP")),
        "client-libzmq-error": bytes([client]) + cmd(b"\x5eRROR\x03400"),
        "client-rfc-error": bytes([client]) + cmd(command_body(b"ERROR", b"\x03400")),
        "client-welcome-data": bytes([client]) + cmd(command_body(b"WELCOME", b"x")),
        "client-incompatible": bytes([client]) + cmd(command_body(b"WELCOME")) + cmd(ready(b"PUB")),
    }


def curve_handshake_seeds():
    """fuzz_curve_handshake: [mode] then what the mode reads (see its header)."""
    TAMPER, HOSTILE_CLIENT, HOSTILE_SERVER = range(3)

    def sized(body):
        return struct.pack(">H", len(body)) + body

    def message(control, body, how=0):
        return bytes([control, len(body)]) + body + bytes([how, 0])

    # Tamper mode: zeros pass every handshake command intact (two bytes
    # each for HELLO, WELCOME, INITIATE and READY, one answering ZAP 200);
    # the messages that follow go both ways.
    intact = bytes(9)
    messages = (message(0, b"hello") + message(1, b"world") + message(3, b"more")
                + message(1, b"last") + message(5, b"\x09SUBSCRIBEnews"))
    hello_like = command_body(b"HELLO", b"\x01\x00" + bytes(72 + 32 + 8 + 80))
    initiate_like = command_body(b"INITIATE", bytes(96 + 8 + 16 + 128) + properties((b"Socket-Type", b"DEALER")))
    return {
        "tamper_intact": bytes([TAMPER]) + intact + messages,
        "tamper_no_handler": bytes([TAMPER]) + bytes(6) + b"\x02" + bytes(2) + messages,
        "tamper_refused": bytes([TAMPER]) + bytes(6) + b"\x01" + bytes(2),
        "tamper_hello_flipped": bytes([TAMPER, 0xC3, 0x80]) + intact,
        "tamper_welcome_cut": bytes([TAMPER, 0, 0, 0, 0xE0, 40]) + intact,
        "tamper_message_altered": bytes([TAMPER]) + intact + message(1, b"hello", 0xC1) + message(0, b"x"),
        "tamper_message_replayed": bytes([TAMPER]) + intact + message(1, b"a") + message(1, b"b", 0xF0),
        "tamper_message_dropped": bytes([TAMPER]) + intact + message(1, b"a", 0xF8) + message(1, b"b"),
        "hostile_client_hello": bytes([HOSTILE_CLIENT]) + sized(hello_like),
        "hostile_client_short_hello": bytes([HOSTILE_CLIENT]) + sized(hello_like[:150]),
        "hostile_client_initiate_first": bytes([HOSTILE_CLIENT]) + sized(initiate_like),
        "hostile_server_welcome": bytes([HOSTILE_SERVER]) + sized(command_body(b"WELCOME", bytes(160))),
        "hostile_server_ready": bytes([HOSTILE_SERVER]) + sized(command_body(b"READY", bytes(24))),
        "hostile_server_error": bytes([HOSTILE_SERVER]) + sized(command_body(b"ERROR", b"\x03400")),
    }


def udp_datagram_seeds():
    """One datagram each: a length byte, the group, the body."""
    def datagram(group, body):
        return bytes([len(group)]) + group + body

    return {
        "empty_group": datagram(b"", b"body"),
        "group_and_body": datagram(b"weather", b"rain"),
        "longest_group": datagram(b"g" * 255, b"x"),
        "no_body": datagram(b"g", b""),
        "empty": b"",
        "group_past_the_end": b"\x05gg",
        "longest_datagram": datagram(b"g", b"b" * 8190),
        "too_long_to_send": datagram(b"g", b"b" * 8191),
    }


def ws_frame(payload, opcode=0x2, fin=True, mask=None, length=None):
    """An RFC 6455 frame; mask is the 4-byte key of a client's frame."""
    length = len(payload) if length is None else length
    head = bytes([(0x80 if fin else 0) | opcode])
    mask_bit = 0x80 if mask else 0
    if length <= 125:
        head += bytes([mask_bit | length])
    elif length <= 0xFFFF:
        head += bytes([mask_bit | 126]) + struct.pack(">H", length)
    else:
        head += bytes([mask_bit | 127]) + struct.pack(">Q", length)
    if not mask:
        return head + payload
    return head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


def ws_frame_decoder_seeds():
    """[max read] [role: 1 server] [limit] then frames (ZWS 2.0 on RFC 6455)."""
    key = b"\x12\x34\x56\x78"
    server, client = bytes([WHOLE, 1, NO_LIMIT]), bytes([WHOLE, 0, NO_LIMIT])
    ready = b"\x02" + command_body(b"READY", properties((b"Socket-Type", b"PUSH")))
    return {
        "server_ready_and_message": server + ws_frame(ready, mask=key) + ws_frame(b"\x00hello", mask=key),
        "client_ready_and_message": client + ws_frame(ready) + ws_frame(b"\x00hello"),
        "multipart": client + ws_frame(b"\x01one") + ws_frame(b"\x00two"),
        "length_16": client + ws_frame(b"\x00" + b"m" * 200),
        "length_64": client + ws_frame(b"\x00" + b"m" * 70000),
        "fragments_and_ping": server + ws_frame(b"\x00ab", fin=False, mask=key)
        + ws_frame(b"hi", opcode=0x9, mask=key) + ws_frame(b"cd", opcode=0x0, mask=key),
        "close": client + ws_frame(b"\x03\xe8bye", opcode=0x8),
        "unmasked_at_server": server + ws_frame(b"\x00x"),
        "huge_length": client + ws_frame(b"", length=1 << 63),
        "oversize_control": client + ws_frame(b"p" * 126, opcode=0x9),
        "chunked_reads": bytes([3, 1, limit_selector(100)]) + ws_frame(b"\x00" + b"z" * 150, mask=key),
    }


def ws_upgrade_seeds():
    """[max read] [role: 1 client] then the peer's HTTP head."""
    request = (b"GET /zmx HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Protocol: ZWS2.0/NULL,ZWS2.0\r\n"
               b"Sec-WebSocket-Version: 13\r\n\r\n")
    response = (b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                b"Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\nSec-WebSocket-Protocol: ZWS2.0/NULL\r\n\r\n")
    return {
        "request": bytes([WHOLE, 0]) + request,
        "request_in_pieces": bytes([7, 0]) + request,
        "not_an_upgrade": bytes([WHOLE, 0]) + b"GET / HTTP/1.1\r\nHost: x\r\n\r\n",
        "long_line": bytes([WHOLE, 0]) + b"GET / HTTP/1.1\r\nX: " + b"l" * 5000 + b"\r\n\r\n",
        "response": bytes([WHOLE, 1]) + response,
        "refusal": bytes([WHOLE, 1]) + b"HTTP/1.1 400 Bad Request\r\n\r\n",
    }


def socks5_handshake_seeds():
    """[max read] [setup: bit 0 username, bits 1-2 target kind] then the proxy's replies."""
    no_auth, with_auth = 0, 1
    by_name, by_ipv6 = 2, 4
    choice = b"\x05\x00"
    accepted = b"\x05\x02" + b"\x01\x00"
    ipv4_reply = b"\x05\x00\x00\x01\x7f\x00\x00\x01\x15\xb3"
    return {
        "ipv4": bytes([WHOLE, no_auth]) + choice + ipv4_reply,
        "ipv4_byte_by_byte": bytes([1, no_auth]) + choice + ipv4_reply,
        "name_reply": bytes([WHOLE, by_name]) + choice + b"\x05\x00\x00\x03\x04host\x15\xb3",
        "ipv6_reply": bytes([3, by_ipv6]) + choice + b"\x05\x00\x00\x04" + bytes(16) + b"\x15\xb3",
        "authenticated": bytes([WHOLE, with_auth]) + accepted + ipv4_reply,
        "credentials_refused": bytes([WHOLE, with_auth]) + b"\x05\x02\x01\x01",
        "no_acceptable_method": bytes([WHOLE, no_auth]) + b"\x05\xff",
        "refused": bytes([WHOLE, no_auth]) + choice + b"\x05\x05\x00\x01" + bytes(6),
        "bad_address_type": bytes([WHOLE, no_auth]) + choice + b"\x05\x00\x00\x09" + bytes(8),
        "longest_name_then_peer_bytes": bytes([7, no_auth]) + choice + b"\x05\x00\x00\x03\xff" + b"n" * 255
        + b"\x15\xb3" + b"\xff" + bytes(9) + b"\x7f",
    }


def main():
    for target, seeds in (("frame_decoder", frame_decoder_seeds()),
                          ("ws_frame_decoder", ws_frame_decoder_seeds()),
                          ("ws_upgrade", ws_upgrade_seeds()),
                          ("greeting", greeting_seeds()),
                          ("commands", command_seeds()),
                          ("null_handshake", null_handshake_seeds()),
                          ("plain_handshake", plain_handshake_seeds()),
                          ("curve_handshake", curve_handshake_seeds()),
                          ("udp_datagram", udp_datagram_seeds()),
                          ("socks5_handshake", socks5_handshake_seeds())):
        directory = CORPUS / target
        directory.mkdir(parents=True, exist_ok=True)
        for name, data in seeds.items():
            (directory / name).write_bytes(data)
        print(f"{directory}: {len(seeds)} seeds")


if __name__ == "__main__":
    main()
