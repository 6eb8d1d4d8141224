"""Drives zmx-broker, zmx-cat and zmx-keygen as processes, for the tests beside it.

The tools run on zmx (build/lib, through their RUNPATH); this process is
/usr/bin/python3 with Debian's pyzmq, so every pyzmq socket here is a
libzmq 4.3.4 peer in another process. Waits end on events (a line on
stderr, a reply, a process exit); SAFETY_S only bounds a hang.
"""
import json
import os
import select
import signal
import subprocess
import tempfile
import time
import unittest

import zmq

BROKER = os.environ["ZMX_BROKER"]
CAT = os.environ["ZMX_CAT"]
KEYGEN = os.environ.get("ZMX_KEYGEN")  # test_security's only
TOP = os.environ.get("ZMX_TOP")  # test_top's only
SAFETY_S = 20


def on_debian_libzmq():
    with open("/proc/self/maps") as maps:
        libs = {line.split()[-1] for line in maps if "libzmq.so" in line}
    return libs == {"/usr/lib/x86_64-linux-gnu/libzmq.so.5.2.4"}


def cat(*args, stdin=None):
    """Runs zmx-cat to its end: (exit status, stdout, stderr), as bytes."""
    done = subprocess.run([CAT, *args], input=stdin, capture_output=True, timeout=SAFETY_S)
    return done.returncode, done.stdout, done.stderr


def end(process):
    """Kills a process the test left running (a failed test) and closes
    its pipes."""
    if process.poll() is None:
        process.kill()
    process.communicate()


def finish(process):
    """Waits for a started process: (exit status, stdout, stderr)."""
    out, err = process.communicate(timeout=SAFETY_S)
    return process.returncode, out, err


class ToolTest(unittest.TestCase):
    """A temporary directory (for configs and ipc endpoints) and a pyzmq
    context whose sockets are all closed at the end of each test."""

    def setUp(self):
        self.assertTrue(on_debian_libzmq(), "pyzmq must run on Debian's libzmq, not zmx")
        self.tmp = tempfile.TemporaryDirectory(prefix="zmx-tools-")
        self.ctx = zmq.Context()
        self.addCleanup(self.tmp.cleanup)
        self.addCleanup(self.ctx.destroy, linger=0)

    def ipc(self, name):
        return f"ipc://{self.tmp.name}/{name}"

    def libzmq_socket(self, kind, bind=None, connect=None, **options):
        s = self.ctx.socket(kind)
        self.addCleanup(s.close)
        s.linger = 0
        s.rcvtimeo = SAFETY_S * 1000
        s.sndtimeo = SAFETY_S * 1000
        for name, value in options.items():
            s.setsockopt(getattr(zmq, name.upper()), value)
        if bind:
            s.bind(bind)
        if connect:
            s.connect(connect)
        return s

    def start_cat(self, *args):
        """zmx-cat left running; finish() waits for it."""
        process = subprocess.Popen([CAT, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.addCleanup(end, process)
        return process

    def write_config(self, text):
        path = os.path.join(self.tmp.name, "broker.toml")
        with open(path, "w") as config:
            config.write(text)
        return path

    def start_broker(self, config_text, *args):
        broker = RunningBroker(self.write_config(config_text), args, self.ctx)
        self.addCleanup(end, broker.process)
        return broker


class RunningBroker:
    """A zmx-broker started on a config whose binds use port 0 ("*"): the
    endpoints it reports in its log say where each device listens."""

    def __init__(self, config_path, args, ctx):
        self.ctx = ctx
        self.process = subprocess.Popen(
            [BROKER, config_path, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.log = []
        self._pending = b""
        self.wait_for_log(" ready: ")
        self.bound = {}
        self.control = None
        for line in self.log:
            if " bound to " in line:
                where, endpoint = line.split(" bound to ")
                self.bound.setdefault(where.split(": ", 1)[1], []).append(endpoint)

    def endpoint(self, device, side):
        """The first endpoint the device's side is bound to."""
        return self.bound[f"device '{device}' {side}"][0]

    def wait_for_log(self, text):
        """The first stderr line (from now on) containing text."""
        deadline = time.monotonic() + SAFETY_S
        seen = len(self.log)
        while True:
            for line in self.log[seen:]:
                if text in line:
                    return line
            seen = len(self.log)
            left = deadline - time.monotonic()
            if left <= 0 or not self._read_log(left):
                raise AssertionError(f"no '{text}' in the broker's log:\n" + "\n".join(self.log))

    def _read_log(self, timeout):
        ready, _, _ = select.select([self.process.stderr], [], [], timeout)
        if not ready:
            return False
        chunk = os.read(self.process.stderr.fileno(), 65536)
        if not chunk:
            return False
        *lines, self._pending = (self._pending + chunk).split(b"\n")
        self.log += [line.decode() for line in lines]
        return True

    def ask(self, control_endpoint, command):
        """A control request from libzmq (pyzmq REQ): the reply, as text."""
        s = self.ctx.socket(zmq.REQ)
        s.linger = 0
        s.rcvtimeo = SAFETY_S * 1000
        s.connect(control_endpoint)
        s.send_string(command)
        reply = s.recv_string()
        s.close()
        return reply

    def stats(self, control_endpoint):
        return json.loads(self.ask(control_endpoint, "stats"))

    def wait_for_stats(self, control_endpoint, predicate):
        """Asks again until predicate(stats) holds: counters change as
        messages and peers come, with no other event to wait on."""
        deadline = time.monotonic() + SAFETY_S
        while True:
            stats = self.stats(control_endpoint)
            if predicate(stats):
                return stats
            if time.monotonic() > deadline:
                raise AssertionError(f"stats never matched: {stats}")
            time.sleep(0.01)

    def stop(self, sig=signal.SIGTERM):
        """Signals the broker and waits for it: (exit status, its log)."""
        self.process.send_signal(sig)
        return self.wait()

    def wait(self):
        _, err = self.process.communicate(timeout=SAFETY_S)
        self.log += (self._pending + err).decode().splitlines()
        self._pending = b""
        return self.process.returncode, "\n".join(self.log)


def device_stats(stats, name):
    return next(d for d in stats["devices"] if d["name"] == name)
