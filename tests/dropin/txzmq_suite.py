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


def main():
    sys.dont_write_bytecode = True  # the suite lives in dist-packages
    import zmq
    from twisted.scripts import trial

    library_directory = os.path.realpath(sys.argv[1])
    with open("/proc/self/maps") as maps:
        mapped = {os.path.realpath(line.split()[-1]) for line in maps if "libzmq.so" in line}
    if not mapped or any(os.path.dirname(path) != library_directory for path in mapped):
        sys.exit(f"FAIL txzmq's pyzmq loaded {sorted(mapped)}, not the library in {library_directory}")
    print(f"pyzmq {zmq.__version__} on {sorted(mapped)[0]}")
    with tempfile.TemporaryDirectory(prefix="txzmq-") as scratch:
        sys.argv = ["trial", "--temp-directory", os.path.join(scratch, "trial"), "txzmq.test"]
        trial.run()  # exits (SystemExit, after the cleanup) with the suite's status


if __name__ == "__main__":
    main()
