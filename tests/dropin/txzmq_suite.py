"""txZMQ's own test suite (Twisted's ZeroMQ binding, over pyzmq), as Debian
ships it, running on zmx's libzmq.so.5 under Twisted's trial runner.

Run by ctest with LD_LIBRARY_PATH naming zmx's build/lib, also the first
argument: the first check is that zmx's library, and not Debian's, is the
one mapped. Its tests drive sockets from Twisted's reactors through ZMQ_FD
and ZMQ_EVENTS: PUB/SUB, REQ/REP, ROUTER/DEALER, PUSH/PULL and shutting a
reactor down with sockets open. The reactors whose toolkits are not
installed (GTK, GLib) skip themselves, as does the epgm test (zmx has no
pgm transport: docs/compatibility.md).
"""
import os
import sys
import tempfile

from mapped_library import expect_libzmq_from


def main():
    import zmq
    from twisted.scripts import trial

    print(f"pyzmq {zmq.__version__} on {expect_libzmq_from(sys.argv[1])}")
    with tempfile.TemporaryDirectory(prefix="txzmq-") as scratch:
        sys.argv = ["trial", "--temp-directory", os.path.join(scratch, "trial"), "txzmq.test"]
        trial.run()  # exits (SystemExit, after the cleanup) with the suite's status


if __name__ == "__main__":
    main()
