"""pyzmq's own test suite, as Debian ships it, running on zmx's libzmq.so.5.

Run by ctest with LD_LIBRARY_PATH naming zmx's build/lib (the directory is
also the first argument): the first check is that zmx's library, and not
Debian's, is the one mapped. Then pytest runs every test of the installed
zmq.tests package (with python3-tornado and python3-gevent installed,
its ioloop, zmqstream, tornado authenticator and zmq.green tests too, which
drive the sockets from an event loop through ZMQ_FD and ZMQ_EVENTS) but
three kinds, which fail against libzmq too:

- test_cython compiles an extension with Cython, which is not installed;
- TestDraftSockets: Debian builds pyzmq without the draft API, so its
  routing-id and group calls are stubs, yet it runs these tests whenever
  the library says it has the draft API (zmq_has("draft")), as zmx does;
  they fail the same way on libzmq 4.3.4 built with --enable-drafts;
- test_blank_root_topic subscribes and publishes its first message about a
  millisecond later with nothing in between to wait for the subscription:
  run alone, it failed 5 runs in 60 against Debian's libzmq and 6 in 60
  against zmx (inside the whole suite, 3 zmx runs in 6 and no libzmq run
  in 4: a difference not explained yet; the message that failed was
  filtered, as the subscription had not arrived, not lost).

pyzmq's own per-test alarm (ZMQ_TEST_TIMEOUT) turns a hang into a failure.
"""
import os
import sys

from mapped_library import expect_libzmq_from

DESELECTED = [
    "test_cython",
    "TestDraftSockets",
    "test_blank_root_topic",
]


def main():
    os.environ.setdefault("ZMQ_TEST_TIMEOUT", "30")
    import pytest
    import zmq

    print(f"pyzmq {zmq.__version__} on {expect_libzmq_from(sys.argv[1])}")
    return pytest.main([
        "--pyargs", "zmq.tests",
        "-q", "-p", "no:cacheprovider",
        "-k", " and ".join(f"not {name}" for name in DESELECTED),
    ])


if __name__ == "__main__":
    sys.exit(main())
