"""Whether the libzmq.so.5 a drop-in Python test runs on is the one its
test meant: LD_LIBRARY_PATH naming zmx's build directory must have taken
effect, or the test would pass on Debian's libzmq without saying so. The
Python twin of mapped_library.c, for the scripts beside it.
"""
import os
import sys


def expect_libzmq_from(directory):
    """Exits the process with a FAIL line unless a libzmq.so is mapped into
    it and every one mapped lives in `directory`; returns the mapped path."""
    wanted = os.path.realpath(directory)
    with open("/proc/self/maps") as maps:
        mapped = {os.path.realpath(line.split()[-1]) for line in maps if "libzmq.so" in line}
    if not mapped or any(os.path.dirname(path) != wanted for path in mapped):
        sys.exit(f"FAIL the libzmq mapped is {sorted(mapped)}, not the one in {wanted}")
    return sorted(mapped)[0]
