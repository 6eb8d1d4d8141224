#!/usr/bin/python3
"""Compares zmx's include/zmq.h with a reference zmq.h (Debian's libzmq 4.3.4).

  constants   every ZMQ_* macro of the reference (and the E* errno names it
              defines) exists in the candidate with the same value and type;
              the candidate defines no ZMQ_* macro the reference lacks (so
              draft names cannot leak into the stable API); the public
              structs have the same size, alignment and field offsets.
  signatures  the candidate declares exactly the reference's zmq_* functions,
              each with a compatible type: the reference's declarations and
              typedefs are replayed after the candidate header, in C and in
              C++, where any conflicting redeclaration fails to compile.

The compiler does all the judging, so no C parsing beyond splitting
declarations is needed. Pass --draft to compare with ZMQ_BUILD_DRAFT_API.
Exit status 0 means conformant; every difference is printed.
"""

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

DRAFT_FLAG = "-DZMQ_BUILD_DRAFT_API"
STRICT_FLAGS = ["-Wall", "-Wextra", "-Werror"]


class Checker:
    def __init__(self, args, workdir):
        self.args = args
        self.defines = [DRAFT_FLAG] if args.draft else []
        self.problems = []
        self.workdir = Path(workdir)

    def fail(self, message):
        self.problems.append(message)

    def run(self, command, what):
        """Runs a tool; a failure becomes a reported problem, not a crash."""
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            self.fail(f"{what} failed:\n  $ {' '.join(command)}\n"
                      + result.stdout + result.stderr)
            return None
        return result.stdout

    def compile(self, source, suffix, compiler, flags, what, link=False):
        path = self.workdir / f"{what.replace(' ', '_')}{suffix}"
        path.write_text(source)
        if not link:
            return self.run([compiler, *flags, "-fsyntax-only", str(path)], what) is not None
        exe = path.with_suffix(".out")
        if self.run([compiler, *flags, str(path), "-o", str(exe)], what) is None:
            return None
        return self.run([str(exe)], f"running {what}")


# ---- constants -----------------------------------------------------------------

MACRO_RE = re.compile(r"#define (\w+)(\([^)]*\))? ?(.*)")


def macros_of(checker, header):
    """name -> (is_function_like, body) for every macro visible after
    including the header, as the preprocessor itself sees them."""
    out = checker.run([checker.args.cc, "-E", "-dM", *checker.defines,
                       "-include", str(header), "-x", "c", "/dev/null"],
                      f"preprocessing {header}")
    macros = {}
    for line in (out or "").splitlines():
        match = MACRO_RE.match(line)
        if match:
            macros[match.group(1)] = (match.group(2) is not None, match.group(3).strip())
    return macros


def errno_names_defined_in(header):
    """The E* names the header itself defines (its errno fallbacks), as
    opposed to the hundred others <errno.h> brings along."""
    text = Path(header).read_text()
    return set(re.findall(r"^\s*#\s*define\s+(E[A-Z0-9]+)\b", text, re.M))


def value_printer(name, is_function_like, body):
    """One C statement printing the macro, chosen by the reference's form."""
    if is_function_like:
        return f'printf("%s = %lld\\n", "{name}(1,2,3)", (long long) {name} (1, 2, 3));'
    if body == "":
        return f'printf("%s = <empty> %s\\n", "{name}", STRINGIFY ({name}));'
    if body.startswith('"'):
        return f'printf("%s = \\"%s\\"\\n", "{name}", {name});'
    return (f'printf("%s = %lld %s\\n", "{name}", (long long) ({name}), '
            f'TYPE_NAME (({name})));')


LAYOUT_PRINTERS = """
    printf ("sizeof zmq_msg_t = %zu\\n", sizeof (zmq_msg_t));
    printf ("alignof zmq_msg_t = %zu\\n", _Alignof (zmq_msg_t));
    printf ("sizeof zmq_fd_t = %zu\\n", sizeof (zmq_fd_t));
    printf ("sizeof zmq_pollitem_t = %zu\\n", sizeof (zmq_pollitem_t));
    printf ("alignof zmq_pollitem_t = %zu\\n", _Alignof (zmq_pollitem_t));
    printf ("zmq_pollitem_t fields = %zu %zu %zu %zu\\n",
            offsetof (zmq_pollitem_t, socket), offsetof (zmq_pollitem_t, fd),
            offsetof (zmq_pollitem_t, events), offsetof (zmq_pollitem_t, revents));
"""

DRAFT_LAYOUT_PRINTERS = """
    printf ("sizeof zmq_poller_event_t = %zu\\n", sizeof (zmq_poller_event_t));
    printf ("zmq_poller_event_t fields = %zu %zu %zu %zu\\n",
            offsetof (zmq_poller_event_t, socket), offsetof (zmq_poller_event_t, fd),
            offsetof (zmq_poller_event_t, user_data), offsetof (zmq_poller_event_t, events));
"""


def constants_program(reference_macros, names):
    printers = []
    for name in sorted(names):
        is_function_like, body = reference_macros[name]
        printers.append(f"#ifdef {name}\n    {value_printer(name, is_function_like, body)}\n"
                        f"#else\n    puts (\"{name} is not defined\");\n#endif")
    return f"""#include <stddef.h>
#include <stdio.h>
#define STRINGIFY_(x) #x
#define STRINGIFY(x) STRINGIFY_ (x)
#define TYPE_NAME(x) _Generic ((x), int: "int", unsigned: "unsigned", \\
    long: "long", unsigned long: "unsigned long", long long: "long long", \\
    unsigned long long: "unsigned long long", default: "other")
int main (void)
{{
{chr(10).join(printers)}
{LAYOUT_PRINTERS}
#ifdef ZMQ_BUILD_DRAFT_API
{DRAFT_LAYOUT_PRINTERS}
#endif
    return 0;
}}
"""


def check_constants(checker):
    args = checker.args
    reference = macros_of(checker, args.reference)
    candidate = macros_of(checker, args.candidate)
    if not reference or not candidate:
        return
    in_zmq_namespace = lambda names: {n for n in names if n.startswith("ZMQ_")}
    errno_names = errno_names_defined_in(args.reference)
    names = in_zmq_namespace(reference) | (errno_names & set(reference))

    for name in sorted(names - set(candidate)):
        checker.fail(f"missing macro {name} (reference: {reference[name][1]!r})")
    for name in sorted(in_zmq_namespace(candidate) - set(reference)):
        checker.fail(f"extra macro {name} (the reference does not define it here)")
    for name in sorted(names & set(candidate)):
        if reference[name][0] != candidate[name][0]:
            checker.fail(f"macro {name}: function-like in one header only")
            names.discard(name)

    program = constants_program(reference, names)
    flags = ["-std=c11", *STRICT_FLAGS, *checker.defines, "-include"]
    expected = checker.compile(program, ".c", args.cc, flags + [str(args.reference)],
                               "constants against reference", link=True)
    actual = checker.compile(program, ".c", args.cc, flags + [str(args.candidate)],
                             "constants against candidate", link=True)
    if expected is None or actual is None:
        return
    actual_lines = set(actual.splitlines())
    for line in expected.splitlines():
        if line not in actual_lines:
            subject = line.split(" = ")[0]
            found = [a for a in actual.splitlines() if a.split(" = ")[0] == subject]
            checker.fail(f"expected '{line}', candidate has '{found[0] if found else 'nothing'}'")
    print(f"compared {len(names)} macros and the struct layouts")


# ---- signatures ----------------------------------------------------------------

FUNCTION_NAME_RE = re.compile(r"\b(zmq_\w+)\s*\(")
STRUCT_TYPEDEF_RE = re.compile(r"typedef\s+struct\s+(\w+)\s*\{.*\}\s*(\w+)$", re.S)


def own_declarations(checker, header):
    """The top-level declarations that come from the header file itself,
    after preprocessing (system headers it includes are left out)."""
    out = checker.run([checker.args.cc, "-E", *checker.defines, "-x", "c", str(header)],
                      f"preprocessing {header}")
    if out is None:
        return []
    own_file = str(Path(header).resolve())
    in_header, text = False, []
    for line in out.splitlines():
        marker = re.match(r'# \d+ "([^"]+)"', line)
        if marker:
            in_header = str(Path(marker.group(1)).resolve()) == own_file
        elif in_header:
            text.append(line)
    declarations, depth, current = [], 0, ""
    for char in "\n".join(text):
        current += char
        depth += {"{": 1, "}": -1}.get(char, 0)
        if char == ";" and depth == 0:
            declarations.append(" ".join(current.split()).rstrip(";").strip())
            current = ""
    return [d for d in declarations if d]


def function_names(declarations):
    return {FUNCTION_NAME_RE.search(d).group(1) for d in declarations
            if not d.startswith("typedef") and FUNCTION_NAME_RE.search(d)}


def replayable(declarations):
    """The reference's declarations restated so that they can follow the
    candidate header: a struct definition becomes `typedef struct T N;`,
    which is only valid if the candidate's N names that same struct."""
    lines = []
    for declaration in declarations:
        struct = STRUCT_TYPEDEF_RE.match(declaration)
        lines.append(f"typedef struct {struct.group(1)} {struct.group(2)};" if struct
                     else declaration + ";")
    return "\n".join(lines)


def check_signatures(checker):
    args = checker.args
    reference = own_declarations(checker, args.reference)
    candidate = own_declarations(checker, args.candidate)
    if not reference or not candidate:
        return
    wanted, declared = function_names(reference), function_names(candidate)
    for name in sorted(wanted - declared):
        checker.fail(f"function {name} is not declared")
    for name in sorted(declared - wanted):
        checker.fail(f"extra function {name} (the reference does not declare it here)")

    replay = replayable(reference)
    c_source = f"#include \"{args.candidate}\"\n{replay}\n"
    cxx_source = f"#include \"{args.candidate}\"\nextern \"C\" {{\n{replay}\n}}\n"
    sanity = f"#include \"{args.reference}\"\n{replay}\n"
    # If the replay does not even fit the reference, the splitter is wrong:
    # say so rather than blame the candidate.
    if not checker.compile(sanity, ".c", args.cc, ["-std=c11", *checker.defines],
                           "replay against reference"):
        return
    checker.compile(c_source, ".c", args.cc, ["-std=c11", *STRICT_FLAGS, *checker.defines],
                    "C replay against candidate")
    checker.compile(cxx_source, ".cpp", args.cxx, ["-std=c++11", *STRICT_FLAGS, *checker.defines],
                    "C++ replay against candidate")
    # The candidate header must stand alone, pedantically clean, in every
    # language mode a user of libzmq might compile with.
    for compiler, suffix, standard in ((args.cc, ".c", "c99"), (args.cc, ".c", "c11"),
                                       (args.cxx, ".cpp", "c++98"), (args.cxx, ".cpp", "c++20")):
        checker.compile(f"#include \"{args.candidate}\"\n", suffix, compiler,
                        [f"-std={standard}", "-Wpedantic", *STRICT_FLAGS, *checker.defines],
                        f"header alone as {standard}")
    print(f"compared {len(wanted)} function declarations")


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("check", choices=["constants", "signatures"])
    parser.add_argument("--reference", type=Path, required=True, help="reference zmq.h")
    parser.add_argument("--candidate", type=Path, required=True, help="zmx's zmq.h")
    parser.add_argument("--cc", default="cc")
    parser.add_argument("--cxx", default="c++")
    parser.add_argument("--draft", action="store_true", help="define ZMQ_BUILD_DRAFT_API")
    args = parser.parse_args()
    for header in (args.reference, args.candidate):
        if not header.is_file():
            sys.exit(f"no such header: {header} (the reference comes from libzmq3-dev)")
    args.reference, args.candidate = args.reference.resolve(), args.candidate.resolve()

    with tempfile.TemporaryDirectory(prefix="zmx-conformance-") as workdir:
        checker = Checker(args, workdir)
        {"constants": check_constants, "signatures": check_signatures}[args.check](checker)
    for problem in checker.problems:
        print("FAIL:", problem)
    mode = "draft" if args.draft else "stable"
    print(f"{args.check} ({mode}): {len(checker.problems)} problem(s)")
    return 1 if checker.problems else 0


if __name__ == "__main__":
    sys.exit(main())
