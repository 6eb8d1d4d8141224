"""Runs the guide's programs together, as a reader runs them in a few
terminals, and waits for what they print.

Shared by the example tests (scenarios.py), the test that runs the guide's
own 2.x sources (tests/guide) and the pipeline table (pipeline_table.py).
Every wait is for an event (a line printed, a process ending); the time
limit on it is only a safety net.
"""

import os
import re
import signal
import subprocess
import tempfile
import threading
import time

SAFETY_SECONDS = 30


class Failure(AssertionError):
    pass


class Program:
    """One running program; its output (stdout and stderr) is collected as
    it arrives so a test can wait for any part of it."""

    def __init__(self, argv, cwd, env=None, stdin=False, name=None):
        self.name = name or os.path.basename(argv[0])
        self.argv = argv
        self.process = subprocess.Popen(
            argv, cwd=cwd, env=env,
            stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self._output = bytearray()
        self._ended = False
        self._changed = threading.Condition()
        threading.Thread(target=self._collect, daemon=True).start()

    def _collect(self):
        descriptor = self.process.stdout.fileno()
        while True:
            chunk = os.read(descriptor, 65536)
            with self._changed:
                if not chunk:
                    self._ended = True
                else:
                    self._output += chunk
                self._changed.notify_all()
            if not chunk:
                return

    @property
    def output(self):
        with self._changed:
            return self._output.decode("utf-8", "replace")

    def wait_for(self, pattern, timeout=SAFETY_SECONDS):
        """Waits until the output matches the regular expression; returns
        the match. Fails if the program's output ends first."""
        regex = re.compile(pattern, re.MULTILINE)
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                match = regex.search(self._output.decode("utf-8", "replace"))
                if match:
                    return match
                remaining = deadline - time.monotonic()
                if self._ended or remaining <= 0:
                    raise Failure(f"{self.name} never printed /{pattern}/")
                self._changed.wait(remaining)

    def type(self, text):
        """Types text on the program's standard input."""
        self.process.stdin.write(text.encode())
        self.process.stdin.flush()

    def finish(self, timeout=SAFETY_SECONDS):
        """Waits for the program to end by itself; returns its exit status."""
        try:
            status = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            raise Failure(f"{self.name} did not end") from None
        with self._changed:
            self._changed.wait_for(lambda: self._ended, timeout)
        return status

    def expect_success(self, timeout=SAFETY_SECONDS):
        status = self.finish(timeout)
        if status != 0:
            raise Failure(f"{self.name} ended with status {status}")

    def interrupt(self, signal_number=signal.SIGINT):
        """Ctrl-C: signals the program until it ends, and expects a clean
        end (status 0). A signal that lands while the program is not inside
        a system call interrupts nothing (the flag it sets is only looked at
        when a blocking call returns), so, as a user would, this presses
        Ctrl-C again after a while."""
        deadline = time.monotonic() + SAFETY_SECONDS
        while True:
            self.process.send_signal(signal_number)
            try:
                self.process.wait(0.5)
                break
            except subprocess.TimeoutExpired:
                if time.monotonic() > deadline:
                    raise Failure(f"{self.name} did not end on a signal") from None
        self.expect_success()

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


class Run:
    """Programs started together from one directory of binaries, in a
    scratch directory of their own (for ipc files); on leaving, whatever
    still runs is killed, and on failure everyone's output is shown."""

    def __init__(self, bin_dir, env=None):
        self.bin_dir = os.path.abspath(bin_dir)  # the programs run elsewhere
        self.env = env
        self.programs = []

    def __enter__(self):
        self._scratch = tempfile.TemporaryDirectory(prefix="zmx-guide-")
        self.cwd = self._scratch.name
        return self

    def start(self, name, *args, stdin=False, label=None, env=None):
        """Starts a program: a name from the binaries' directory, or a path."""
        path = os.path.abspath(name) if os.sep in name else os.path.join(self.bin_dir, name)
        argv = [path, *map(str, args)]
        program = Program(argv, self.cwd, env or self.env, stdin, label or os.path.basename(name))
        self.programs.append(program)
        return program

    def __exit__(self, kind, value, trace):
        for program in self.programs:
            program.kill()
        if kind is not None:
            for program in self.programs:
                print(f"---- {program.name} ({' '.join(program.argv[1:])}) printed:")
                print(program.output)
        self._scratch.cleanup()
        return False


def expect(condition, message):
    if not condition:
        raise Failure(message)


def elapsed_msecs(sink):
    """The batch time a task sink reports."""
    return int(sink.wait_for(r"Total elapsed time: (\d+) msec").group(1))
