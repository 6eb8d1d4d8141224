#!/usr/bin/python3
"""Compares the dynamic symbols of zmx's libzmq.so.5 with a reference
libzmq.so.5 (Debian's 4.3.4).

Fails when
  - a zmq_* function the reference exports is not exported as a function,
    unless it is on the allow-list of not-yet-implemented names;
  - a name on the allow-list is exported after all, or is not a function
    the reference exports (the list may only shrink, and must stay true);
  - the library exports anything outside zmq_* and zmx_* (the version
    script must keep internals hidden);
  - its SONAME differs from the reference's.
Every problem is printed; exit status 0 means conformant.
"""

import argparse
import re
import subprocess
import sys
from pathlib import Path

PUBLIC_PREFIXES = ("zmq_", "zmx_")
FUNCTION_TYPES = set("TWi")  # text, weak, indirect (ifunc)
VERSION_NODE_TYPE = "A"      # the absolute symbol naming a version node


def exported_symbols(nm, library):
    """name -> nm type letter of every defined dynamic symbol."""
    result = subprocess.run([nm, "-D", "--defined-only", str(library)],
                            capture_output=True, text=True, check=True)
    symbols = {}
    for line in result.stdout.splitlines():
        fields = line.split()
        if len(fields) < 3 or fields[-2] == VERSION_NODE_TYPE:
            continue
        name = re.sub(r"@.*", "", fields[-1])  # drop a symbol version suffix
        symbols[name] = fields[-2]
    return symbols


def soname(readelf, library):
    result = subprocess.run([readelf, "-d", str(library)],
                            capture_output=True, text=True, check=True)
    match = re.search(r"\(SONAME\).*\[(.*)\]", result.stdout)
    return match.group(1) if match else None


def read_allow_list(path):
    names = []
    for line in Path(path).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            names.append(line)
    return names


def check(args):
    problems = []
    reference = exported_symbols(args.nm, args.reference)
    candidate = exported_symbols(args.nm, args.candidate)
    allowed = read_allow_list(args.allow_list)
    wanted = {name for name, kind in reference.items()
              if name.startswith("zmq_") and kind in FUNCTION_TYPES}

    for name in sorted(wanted - set(allowed)):
        if name not in candidate:
            problems.append(f"{name} is not exported")
        elif candidate[name] not in FUNCTION_TYPES:
            problems.append(f"{name} is exported, but not as a function (nm type {candidate[name]})")
    for name in allowed:
        if name in candidate:
            problems.append(f"{name} is exported now: remove it from {args.allow_list.name}")
        elif name not in wanted:
            problems.append(f"{name} on {args.allow_list.name} is not a function the reference exports")
    if len(set(allowed)) != len(allowed):
        problems.append(f"{args.allow_list.name} lists a name twice")
    for name in sorted(candidate):
        if not name.startswith(PUBLIC_PREFIXES):
            problems.append(f"{name} is exported but is not public API (zmq_*, zmx_*)")

    expected_soname = soname(args.readelf, args.reference)
    actual_soname = soname(args.readelf, args.candidate)
    if actual_soname != expected_soname:
        problems.append(f"SONAME is {actual_soname}, expected {expected_soname}")

    for problem in problems:
        print("FAIL:", problem)
    exported = len(wanted & set(candidate))
    print(f"{exported} of {len(wanted)} reference functions exported, "
          f"{len(allowed)} on the allow-list, {len(problems)} problem(s)")
    return 1 if problems else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reference", type=Path, required=True, help="reference libzmq.so.5")
    parser.add_argument("--candidate", type=Path, required=True, help="zmx's libzmq.so.5")
    parser.add_argument("--allow-list", type=Path, required=True,
                        help="reference functions zmx does not export yet")
    parser.add_argument("--nm", default="nm")
    parser.add_argument("--readelf", default="readelf")
    args = parser.parse_args()
    for path in (args.reference, args.candidate, args.allow_list):
        if not path.exists():
            sys.exit(f"no such file: {path}")
    return check(args)


if __name__ == "__main__":
    sys.exit(main())
