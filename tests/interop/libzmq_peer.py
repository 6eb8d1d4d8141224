"""The libzmq side of zmx's interop tests: Debian's pyzmq on Debian's libzmq.

usage: libzmq_peer.py ROLE TYPE bind|connect ENDPOINT [OPTION=VALUE ...]

First line printed: "PEER <endpoint>" once the socket is ready: the endpoint
bound (ZMQ_LAST_ENDPOINT, so "tcp://127.0.0.1:*" reports its port), or "-"
when connecting. Then the role's own lines (see ROLES below); a line that
starts with "FAIL" is a failed check. Refuses to run on anything but
Debian's libzmq.

Options, applied before bind/connect:
  routing_id=TEXT   ZMQ_ROUTING_ID
  probe_router=1    ZMQ_PROBE_ROUTER (a connecting ROUTER announces itself)
  hwm=N             ZMQ_SNDHWM and ZMQ_RCVHWM
  buffers=BYTES     ZMQ_SNDBUF and ZMQ_RCVBUF (small ones split frames
                    across the kernel's reads and writes)
  slow=MS           a sink pauses this long after each message (a slow
                    reader: the sender's writes back up)
  linger=MS         ZMQ_LINGER (default 1000)
  framing=empty     a DEALER speaking to a REP/ROUTER-based server frames
                    like a REQ (an empty delimiter first)
  framing=probe     ROUTER to ROUTER: the first message received is the
                    other ROUTER's probe [its id, b""]; its id then frames
                    every message
  count=N           messages in a stream
  metadata=X-a:1,X-b:2  ZMQ_METADATA, once per comma-separated property
  heartbeat=IVL:TIMEOUT:TTL  ZMQ_HEARTBEAT_IVL, _TIMEOUT and _TTL (ms)
  reconnect_ivl=MS  ZMQ_RECONNECT_IVL
  plain_server=1    ZMQ_PLAIN_SERVER
  plain=USER:PASS   ZMQ_PLAIN_USERNAME and ZMQ_PLAIN_PASSWORD (a PLAIN client)
  zap=USER:PASS     a ZAP handler (pyzmq's ThreadAuthenticator) that lets
                    only this PLAIN user and password in
  curve_server=SECRET  ZMQ_CURVE_SERVER with this secret key (Z85)
  curve=SERVER,PUBLIC,SECRET  a CURVE client: the server's public key and
                    our key pair, each in Z85 (which has no comma)
  zap_curve=PUBLIC  a ZAP handler (ThreadAuthenticator) that lets only the
                    CURVE client with this public key (Z85) in
  secret=SECRET     a secret key (Z85) for the curve-public role
  watch=1           a monitor on the socket from before bind/connect, for
                    the handshake-result role
"""
import sys
import time

import zmq

TIMEOUT_MS = 10000
# How often a peer that repeats a message until told to stop checks stdin.
REPEAT_MS = 10


def messages():
    """Multipart, empty, the frame length boundaries of ZMTP (255/256) and
    WebSocket (7/16/64-bit, a ZWS payload being the body and a flags byte),
    1 MB: as test_messages() in test_pairings.cpp."""
    return [
        [b"hello", b"world"],
        [b""],
        [b"d" * 124],
        [b"e" * 125],
        [b"f" * 126],
        [b"a" * 255],
        [b"b" * 256],
        [b"g" * 65534],
        [b"h" * 65535],
        [b"i" * 65536],
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


def say(*words):
    print(*words, flush=True)


def stdin_closed(timeout_ms):
    """True once the test closed our stdin (its signal to move on)."""
    poller = zmq.Poller()
    poller.register(sys.stdin, zmq.POLLIN)
    return bool(poller.poll(timeout_ms))


def repeat_until_stdin_closes(s, batch):
    while not stdin_closed(REPEAT_MS):
        for m in batch:
            s.send(m)


def frame_of(s, opts):
    """The frames that go before each payload: none, REQ's empty delimiter,
    or the other ROUTER's id (learnt from its probe)."""
    framing = opts.get("framing")
    if framing == "empty":
        return [b""]
    if framing == "probe":
        probe = s.recv_multipart()
        if len(probe) != 2 or probe[1] != b"":
            say("FAIL expected a probe, got", probe)
            sys.exit(1)
        return [probe[0]]
    return []


# ------------------------------------------------------------------ roles


def echo(s, opts):
    """Send every message back (a ROUTER keeps the envelope, so the reply
    goes to its sender) until one ends in b"STOP"."""
    while True:
        parts = s.recv_multipart()
        s.send_multipart(parts)
        if parts[-1] == b"STOP":
            break


def client(s, opts):
    """Send the test messages, expect each one back, print "OK"."""
    frame = frame_of(s, opts)
    for parts in messages():
        s.send_multipart(frame + parts)
        got = s.recv_multipart()
        if got != frame + parts:
            say(f"FAIL echo of {[len(p) for p in parts]} came back as {[len(p) for p in got]}")
            return
    s.send_multipart(frame + [b"STOP"])
    s.recv_multipart()
    say("OK")


def sink(s, opts):
    """Receive until b"STOP", print "GOT <count> <fnv1a-64 of all>"."""
    digest, count = FNV_OFFSET, 0
    pause = int(opts.get("slow", 0)) / 1000
    while True:
        parts = s.recv_multipart()
        if parts == [b"STOP"]:
            break
        time.sleep(pause)
        count += 1
        for p in parts:
            digest = fnv1a(digest, len(p).to_bytes(4, "big") + p)
    say(f"GOT {count} {digest:016x}")


def source(s, opts):
    """Send the test messages then b"STOP"."""
    for parts in messages():
        s.send_multipart(parts)
    s.send_multipart([b"STOP"])


def subscribe(s, opts):
    """SUB or XSUB: subscribe to b"t", print the first message received."""
    if s.socket_type == zmq.SUB:
        s.setsockopt(zmq.SUBSCRIBE, b"t")
    else:
        s.send(b"\x01t")
    say("FIRST", s.recv().decode())


def publish(s, opts):
    """PUB or XPUB: send b"x-dropped" and b"t-kept" until stdin closes. An
    XPUB first waits for the subscription to b"t" and prints it."""
    if s.socket_type == zmq.XPUB:
        say("SUBSCRIBED", s.recv().hex())
    repeat_until_stdin_closes(s, [b"x-dropped", b"t-kept"])


def stream_send(s, opts):
    """PUSH or PUB: send b"0" .. b"<count-1>" then b"end". A PUB first
    repeats b"probe" until stdin closes: the subscriber has one by then."""
    if s.socket_type == zmq.PUB:
        repeat_until_stdin_closes(s, [b"probe"])
    for i in range(int(opts["count"])):
        s.send(b"%d" % i)
    s.send(b"end")


def stream_recv(s, opts):
    """PULL or SUB: expect b"0" .. b"<count-1>" in order then b"end", print
    "STREAM <count> OK". A SUB subscribes to everything and prints
    "SUBSCRIBED" at the first b"probe", then skips the probes in flight."""
    count = int(opts["count"])
    if s.socket_type == zmq.SUB:
        s.setsockopt(zmq.SUBSCRIBE, b"")
    first = s.recv()
    if s.socket_type == zmq.SUB:
        if first != b"probe":
            say("FAIL first message", first)
            return
        say("SUBSCRIBED")
        while first == b"probe":
            first = s.recv()
    expected = 0
    message = first
    while message != b"end":
        if message != b"%d" % expected:
            say(f"FAIL message {expected} was {message[:20]!r}")
            return
        expected += 1
        message = s.recv()
    say("STREAM", expected, "OK" if expected == count else "SHORT")


def pub_topics(s, opts):
    """PUB: send b"B-no", b"A-yes", b"M-mark" until stdin closes."""
    repeat_until_stdin_closes(s, [b"B-no", b"A-yes", b"M-mark"])


def sub_topics(s, opts):
    """SUB: subscribe to b"A": the next 3 messages must be b"A-yes". Then
    unsubscribe b"A" and subscribe b"M" (the publisher handles them in
    order): after the first b"M-mark" the next 3 must be b"M-mark" too.
    Print "OK"."""
    s.setsockopt(zmq.SUBSCRIBE, b"A")
    for _ in range(3):
        got = s.recv()
        if got != b"A-yes":
            say("FAIL subscribed to A, got", got)
            return
    s.setsockopt(zmq.UNSUBSCRIBE, b"A")
    s.setsockopt(zmq.SUBSCRIBE, b"M")
    got = s.recv()
    while got == b"A-yes":  # sent before the publisher saw the change
        got = s.recv()
    marks = [got] + [s.recv() for _ in range(3)]
    if marks != [b"M-mark"] * 4:
        say("FAIL after unsubscribing A, got", marks)
        return
    say("OK")


def xsub_topics(s, opts):
    """XSUB: send the subscription to b"A"; the first message must be
    b"A-yes". Then send the unsubscription from b"A" and a subscription to
    b"Z" (proof the unsubscription came over the wire, not from a
    disconnect); expect b"Z-done" after any b"A-yes" still in flight. Print
    "OK"."""
    s.send(b"\x01A")
    got = s.recv()
    if got != b"A-yes":
        say("FAIL subscribed to A, got", got)
        return
    s.send(b"\x00A")
    s.send(b"\x01Z")
    while got == b"A-yes":
        got = s.recv()
    say("OK" if got == b"Z-done" else f"FAIL expected Z-done, got {got!r}")


def xpub_topics(s, opts):
    """XPUB: print the first (un)subscription received as "SUB <hex>", then
    send b"B-no" and b"A-yes" until the next one arrives, print it as
    "UNSUB <hex>"."""
    say("SUB", s.recv().hex())
    poller = zmq.Poller()
    poller.register(s, zmq.POLLIN)
    while not poller.poll(REPEAT_MS):
        s.send(b"B-no")
        s.send(b"A-yes")
    say("UNSUB", s.recv().hex())


def property_of(frame, name):
    try:
        return frame.get(name)
    except zmq.ZMQError:
        return "<none>"


def metadata_report(s, opts):
    """REP: print the first request's connection properties as
    "META <X-key> <X-Colon> <Socket-Type>", then echo it."""
    frame = s.recv(copy=False)
    say("META", *(property_of(frame, name) for name in ("X-key", "X-Colon", "Socket-Type")))
    s.send(frame.bytes)


def dealer_hello(s, opts):
    """DEALER: send b"hello", expect b"welcome", print "OK"."""
    s.send(b"hello")
    got = s.recv_multipart()
    say("OK" if got == [b"welcome"] else f"FAIL got {got}")


def router_hello(s, opts):
    """ROUTER: receive [id, b"hello"], print "ID <id>", reply b"welcome"."""
    routing_id, body = s.recv_multipart()
    say("ID", routing_id.decode(errors="replace"), body.decode(errors="replace"))
    s.send_multipart([routing_id, b"welcome"])


HANDSHAKE_OUTCOMES = {
    zmq.EVENT_HANDSHAKE_SUCCEEDED: "SUCCEEDED",
    zmq.EVENT_HANDSHAKE_FAILED_AUTH: "FAILED_AUTH",
    zmq.EVENT_HANDSHAKE_FAILED_PROTOCOL: "FAILED_PROTOCOL",
    zmq.EVENT_HANDSHAKE_FAILED_NO_DETAIL: "FAILED_NO_DETAIL",
}


def curve_public(s, opts):
    """Print "PUBLIC <z85>": libzmq's zmq_curve_public of secret=."""
    say("PUBLIC", zmq.curve_public(opts["secret"].encode()).decode())


def curve_keypair(s, opts):
    """Print "KEYPAIR <public> <secret>" from libzmq's zmq_curve_keypair."""
    public, secret = zmq.curve_keypair()
    say("KEYPAIR", public.decode(), secret.decode())


def handshake_result(s, opts):
    """Print the first handshake outcome the monitor (watch=1) reports, as
    "HANDSHAKE <SUCCEEDED|FAILED_AUTH|...> <value>"."""
    from zmq.utils.monitor import recv_monitor_message

    monitor = opts["monitor"]
    monitor.rcvtimeo = TIMEOUT_MS
    while True:
        event = recv_monitor_message(monitor)
        if event["event"] in HANDSHAKE_OUTCOMES:
            say("HANDSHAKE", HANDSHAKE_OUTCOMES[event["event"]], event["value"])
            return


ROLES = {
    "echo": echo,
    "client": client,
    "sink": sink,
    "source": source,
    "subscribe": subscribe,
    "publish": publish,
    "stream-send": stream_send,
    "stream-recv": stream_recv,
    "pub-topics": pub_topics,
    "sub-topics": sub_topics,
    "xsub-topics": xsub_topics,
    "xpub-topics": xpub_topics,
    "metadata-report": metadata_report,
    "dealer-hello": dealer_hello,
    "router-hello": router_hello,
    "handshake-result": handshake_result,
    "curve-public": curve_public,
    "curve-keypair": curve_keypair,
}


def secure(ctx, s, opts):
    """Applies the PLAIN and CURVE options; returns the ZAP handler it
    started, if any."""
    if opts.get("plain_server") == "1":
        s.plain_server = True
    if "plain" in opts:
        user, password = opts["plain"].split(":", 1)
        s.plain_username, s.plain_password = user.encode(), password.encode()
    if "curve_server" in opts:
        s.curve_server = True
        s.curve_secretkey = opts["curve_server"].encode()
    if "curve" in opts:
        server, public, secret = (key.encode() for key in opts["curve"].split(","))
        s.curve_serverkey, s.curve_publickey, s.curve_secretkey = server, public, secret
    if "zap" not in opts and "zap_curve" not in opts:
        return None
    from zmq.auth.thread import ThreadAuthenticator

    authenticator = ThreadAuthenticator(ctx)
    authenticator.start()  # bound once this returns
    if "zap" in opts:
        user, password = opts["zap"].split(":", 1)
        authenticator.configure_plain(domain="*", passwords={user: password})
    if "zap_curve" in opts:
        authenticator.configure_curve(domain="*", location=allowed_keys_dir(opts["zap_curve"]))
    return authenticator


def allowed_keys_dir(public_key):
    """A directory holding one certificate (ZPL, as zmq.auth writes them)
    with the one public key a CURVE ZAP handler lets in; it goes with the
    process."""
    import atexit
    import pathlib
    import shutil
    import tempfile

    directory = pathlib.Path(tempfile.mkdtemp(prefix="zmx-curve-keys-"))
    atexit.register(shutil.rmtree, directory, ignore_errors=True)
    (directory / "client.key").write_text(f'metadata\ncurve\n    public-key = "{public_key}"\n')
    return str(directory)


def main():
    role, kind_name, how, endpoint = sys.argv[1:5]
    opts = dict(arg.split("=", 1) for arg in sys.argv[5:])
    if not on_debian_libzmq():
        sys.exit("FAIL not running on Debian's libzmq")
    ctx = zmq.Context()
    s = ctx.socket(getattr(zmq, kind_name))
    s.linger = int(opts.get("linger", 1000))
    s.rcvtimeo = s.sndtimeo = TIMEOUT_MS
    if "routing_id" in opts:
        s.setsockopt(zmq.ROUTING_ID, opts["routing_id"].encode())
    if opts.get("probe_router") == "1":
        s.setsockopt(zmq.PROBE_ROUTER, 1)
    for name_value in filter(None, opts.get("metadata", "").split(",")):
        s.setsockopt(zmq.METADATA, name_value.encode())
    if "heartbeat" in opts:
        ivl, timeout, ttl = (int(ms) for ms in opts["heartbeat"].split(":"))
        s.heartbeat_ivl, s.heartbeat_timeout, s.heartbeat_ttl = ivl, timeout, ttl
    if "reconnect_ivl" in opts:
        s.reconnect_ivl = int(opts["reconnect_ivl"])
    if "hwm" in opts:
        s.sndhwm = s.rcvhwm = int(opts["hwm"])
    if "buffers" in opts:
        s.sndbuf = s.rcvbuf = int(opts["buffers"])
    authenticator = secure(ctx, s, opts)
    if opts.get("watch") == "1":
        opts["monitor"] = s.get_monitor_socket()
    if how == "bind":
        s.bind(endpoint)
        say("PEER", s.last_endpoint.decode())
    else:
        s.connect(endpoint)
        say("PEER -")
    try:
        ROLES[role](s, opts)
    except zmq.Again:
        say("FAIL timed out in", role)
        sys.exit(1)
    if "monitor" in opts:
        opts["monitor"].close()
    if authenticator:
        authenticator.stop()
    s.close()
    ctx.term()


main()
