"""zmx-top under a pseudo-terminal: it polls a broker's control endpoint
and draws each device side's rates, drops and queue depths; 'q' quits."""
import os
import pty
import re
import select
import subprocess
import time
import unittest

import zmq

from tool_process import SAFETY_S, TOP, ToolTest, device_stats, end


def config(control):
    return (f'[broker]\ncontrol = "{control}"\nlinger = 0\n'
            '[[device]]\nname = "feed"\ntype = "forwarder"\n'
            'frontend.bind = "tcp://127.0.0.1:*"\nbackend.bind = "tcp://127.0.0.1:*"\n'
            'backend.options = { sndhwm = 10, sndbuf = 4096 }\n'
            '[[device]]\nname = "jobs"\ntype = "streamer"\n'
            'frontend.bind = "tcp://127.0.0.1:*"\nbackend.bind = "tcp://127.0.0.1:*"\n')


class Screen:
    """zmx-top on the child side of a pty; what it drew, read as it comes."""

    def __init__(self, *args):
        self.master, child = pty.openpty()
        self.process = subprocess.Popen([TOP, *args], stdin=child, stdout=child, stderr=child, close_fds=True)
        os.close(child)
        self.text = ""

    def last_screen(self):
        """What followed the last clear-screen."""
        return self.text.rsplit("\x1b[2J", 1)[-1]

    def wait_for(self, pattern):
        """Reads until the latest screen matches pattern (a regex)."""
        deadline = time.monotonic() + SAFETY_S
        while not re.search(pattern, self.last_screen()):
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self.master], [], [], max(left, 0))
            if not ready:
                raise AssertionError(f"no {pattern!r} on the screen:\n{self.last_screen()}")
            try:
                self.text += os.read(self.master, 65536).decode(errors="replace")
            except OSError:  # the child side closed: it exited
                raise AssertionError(f"zmx-top ended before {pattern!r}:\n{self.text}")
        return self.last_screen()

    def close(self):
        end(self.process)
        os.close(self.master)


class TopTest(ToolTest):
    def test_shows_each_device_side_with_its_drops_then_quits_on_q(self):
        control = self.ipc("control")
        broker = self.start_broker(config(control))
        screen = Screen(control, "--interval", "200")
        self.addCleanup(screen.close)
        first = screen.wait_for(r"jobs +backend")
        self.assertIn("DEVICE", first)
        self.assertRegex(first, r"feed +frontend")
        # A subscriber that reads nothing makes the forwarder drop.
        sub = self.libzmq_socket(zmq.SUB, connect=broker.endpoint("feed", "backend"), rcvhwm=10, rcvbuf=4096)
        sub.setsockopt(zmq.SUBSCRIBE, b"")
        pub = self.libzmq_socket(zmq.PUB, connect=broker.endpoint("feed", "frontend"))
        broker.wait_for_stats(control, lambda s: device_stats(s, "feed")["backend"]["peers"] == 1)

        def dropping(stats):
            for _ in range(200):
                pub.send(b"x" * 10000)
            return device_stats(stats, "feed")["backend"]["dropped"]["hwm"] > 0

        broker.wait_for_stats(control, dropping)
        shown = screen.wait_for(r"feed +backend .*hwm=[1-9]")
        self.assertRegex(shown, r"feed +backend +1 ")  # one peer
        os.write(screen.master, b"q")
        self.assertEqual(screen.process.wait(timeout=SAFETY_S), 0)
        self.assertEqual(broker.stop()[0], 0)

    def test_a_broker_that_does_not_answer_exits_1(self):
        done = subprocess.run([TOP, self.ipc("nobody"), "--count", "1"], capture_output=True, timeout=SAFETY_S)
        self.assertEqual(done.returncode, 1)
        self.assertIn(b"no answer", done.stderr)


if __name__ == "__main__":
    unittest.main()
