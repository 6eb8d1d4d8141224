#!/usr/bin/env python3
"""Keeps the API table of docs/compatibility.md and include/zmq.h in step.

The section "The API, name by name" of docs/compatibility.md has one table
per kind of name (functions, socket options, context options, message
properties); each row names one function or option of libzmq 4.3.4's zmq.h
and gives its state in zmx. This check fails when a function or option that
zmx's zmq.h declares (drafts included) has no row, when a row names
something zmq.h does not declare, or when a state is not one of the four.

With --cc, --zmx and --reference it also tries every socket option whose
row says "same" on every classic socket type, against zmx's library and
the reference libzmq (each loaded with dlopen into a small program compiled
here): get with buffers of 0 to 256 bytes, set with ints around the
edges, int64s and byte strings (null, empty, 1, 32, 40, 41, 255 and 256
bytes), each read back after it is taken. The two libraries must answer
alike, errno and values included.

Usage: check_compatibility_table.py DOC ZMQ_H
         [--cc CC --zmx LIBZMQ.SO --reference LIBZMQ.SO]
"""
import argparse
import pathlib
import re
import subprocess
import sys
import tempfile

SECTION = "## The API, name by name"
STATE = re.compile(r"^(same|zmx defines more|differs|not yet \((#\d+|no issue yet)\))")
ROW_NAME = re.compile(r"^`((?:zmq|ZMQ)_\w+)`$")

# ZMQ_ names in zmq.h that are not options of zmq_setsockopt/getsockopt,
# zmq_ctx_set/get or zmq_msg_get/set: socket types, flags, events, values
# of options, version and capability macros. A new ZMQ_ name that matches
# none of these must get a row in the table.
NOT_OPTIONS = re.compile("|".join([
    r"ZMQ_VERSION\w*", r"ZMQ_MAKE_VERSION", r"ZMQ_EXPORT", r"ZMQ_DEFINED_STDINT",
    r"ZMQ_HAUSNUMERO",
    r"ZMQ_(PAIR|PUB|SUB|REQ|REP|DEALER|ROUTER|PULL|PUSH|XPUB|XSUB|STREAM|XREQ|XREP)",
    r"ZMQ_(SERVER|CLIENT|RADIO|DISH|GATHER|SCATTER|DGRAM|PEER|CHANNEL)",
    r"ZMQ_\w+_DFLT",
    r"ZMQ_(NULL|PLAIN|CURVE|GSSAPI)", r"ZMQ_GSSAPI_NT_\w+", r"ZMQ_GROUP_MAX_LENGTH",
    r"ZMQ_(DONTWAIT|SNDMORE|NOBLOCK)",
    r"ZMQ_EVENT_\w+", r"ZMQ_PROTOCOL_ERROR_\w+", r"ZMQ_CURRENT_EVENT_VERSION\w*",
    r"ZMQ_POLL(IN|OUT|ERR|PRI)",
    r"ZMQ_(STREAMER|FORWARDER|QUEUE)",
    r"ZMQ_HAS_CAPABILITIES", r"ZMQ_HAVE_\w+",
    r"ZMQ_RECONNECT_STOP_\w+", r"ZMQ_NOTIFY_\w+", r"ZMQ_MSG_PROPERTY_\w+",
]))


def header_names(path):
    text = re.sub(r"/\*.*?\*/", " ", path.read_text(), flags=re.S)
    text = re.sub(r"//[^\n]*", " ", text)
    defines = set(re.findall(r"^\s*#\s*define\s+(ZMQ_\w+)", text, re.M))
    functions = set(re.findall(r"\bZMQ_EXPORT\b[^;{#]*?\b(zmq_\w+)\s*\(", text))
    options = {name for name in defines if not NOT_OPTIONS.fullmatch(name)}
    return functions, options, defines


def table_rows(doc):
    """{table heading: [(name, state), ...]} for the tables of SECTION."""
    lines = doc.splitlines()
    try:
        start = lines.index(SECTION)
    except ValueError:
        return None
    tables = {}
    heading = None
    for line in lines[start + 1:]:
        if line.startswith("## "):
            break
        if line.startswith("### "):
            heading = line[4:].strip()
            tables.setdefault(heading, [])
            continue
        if not line.startswith("|") or heading is None:
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        match = ROW_NAME.match(cells[0])
        if match:
            tables[heading].append((match.group(1), cells[1] if len(cells) > 1 else ""))
    return tables


PROBE = r"""
#define ZMQ_BUILD_DRAFT_API
#include <zmq.h>
#include <dlfcn.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static const struct { const char *name; int id; } options[] = {
%(options)s
};

int main(int argc, char **argv)
{
    void *lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        fprintf(stderr, "%%s\n", dlerror());
        return 2;
    }
    void *(*ctx_new)(void) = (void *(*)(void))dlsym(lib, "zmq_ctx_new");
    int (*ctx_term)(void *) = (int (*)(void *))dlsym(lib, "zmq_ctx_term");
    void *(*sock)(void *, int) = (void *(*)(void *, int))dlsym(lib, "zmq_socket");
    int (*close_)(void *) = (int (*)(void *))dlsym(lib, "zmq_close");
    int (*set)(void *, int, const void *, size_t) =
      (int (*)(void *, int, const void *, size_t))dlsym(lib, "zmq_setsockopt");
    int (*get)(void *, int, void *, size_t *) =
      (int (*)(void *, int, void *, size_t *))dlsym(lib, "zmq_getsockopt");
    /* Ints around the edges, int64s, and byte strings: empty (null or
       not), 32 bytes, 40 and 41 (a Z85 key: 'x' is in its alphabet; the
       41st byte a NUL or not), 255 and 256. */
    static const int32_t ints[] = {-2, -1, 0, 1, 2, 1000, 2147483647};
    static const int64_t longs[] = {-1, 1, (int64_t)1 << 40};
    static char text[257], terminated_key[41];
    memset(text, 'x', 256);
    memset(terminated_key, 'x', 40);
    const struct { const void *value; size_t size; } values[] = {
        {&ints[0], 4}, {&ints[1], 4}, {&ints[2], 4}, {&ints[3], 4}, {&ints[4], 4},
        {&ints[5], 4}, {&ints[6], 4}, {&longs[0], 8}, {&longs[1], 8}, {&longs[2], 8},
        {NULL, 0}, {"", 0}, {"x", 1}, {text, 32}, {text, 40}, {text, 41},
        {terminated_key, 41}, {text, 255}, {text, 256}};
    for (size_t i = 0; i < sizeof options / sizeof *options; i++) {
        /* A context per option: closed sockets are reaped at its end, so
           the sockets of one option never run into ZMQ_MAX_SOCKETS. */
        void *ctx = ctx_new();
        for (int type = ZMQ_PAIR; type <= ZMQ_STREAM; type++) {
            printf("%%s on type %%d:", options[i].name, type);
            static const size_t get_sizes[] = {0, 1, 4, 8, 32, 41, 256};
            for (size_t g = 0; g < sizeof get_sizes / sizeof *get_sizes; g++) {
                void *s = sock(ctx, type);
                if (!s) {
                    fprintf(stderr, "zmq_socket failed: errno %%d\n", errno);
                    return 3;
                }
                unsigned char buf[256];
                memset(buf, 0xA5, sizeof buf);
                size_t size = get_sizes[g];
                errno = 0;
                int rc = get(s, options[i].id, buf, &size);
                if (rc != 0)
                    printf(" get%%zu=errno %%d", get_sizes[g], errno);
                else if (options[i].id == ZMQ_FD)
                    printf(" get%%zu=size %%zu", get_sizes[g], size);
                else {
                    printf(" get%%zu=size %%zu [", get_sizes[g], size);
                    for (size_t b = 0; b < size && b < 16; b++)
                        printf("%%02x", buf[b]);
                    printf("]");
                }
                close_(s);
            }
            for (size_t v = 0; v < sizeof values / sizeof *values; v++) {
                void *s = sock(ctx, type);
                if (!s) {
                    fprintf(stderr, "zmq_socket failed: errno %%d\n", errno);
                    return 3;
                }
                errno = 0;
                int rc = set(s, options[i].id, values[v].value, values[v].size);
                printf(" set%%zu=%%s%%d", v, rc ? "errno " : "ok", rc ? errno : 0);
                unsigned char back[256];
                size_t back_size = sizeof back;
                if (rc == 0 && options[i].id != ZMQ_FD && get(s, options[i].id, back, &back_size) == 0) {
                    printf("/");  /* what reads back */
                    for (size_t b = 0; b < back_size && b < 16; b++)
                        printf("%%02x", back[b]);
                }
                int zero = 0;
                set(s, ZMQ_LINGER, &zero, sizeof zero);
                close_(s);
            }
            printf("\n");
        }
        ctx_term(ctx);
    }
    return 0;
}
"""


def probe_same_socket_options(names, args):
    with tempfile.TemporaryDirectory() as tmp:
        source = pathlib.Path(tmp) / "probe.c"
        binary = pathlib.Path(tmp) / "probe"
        source.write_text(PROBE % {
            "options": "\n".join(f'    {{"{name}", {name}}},' for name in sorted(names))})
        include = pathlib.Path(args.header).resolve().parent
        subprocess.run([args.cc, "-std=c99", "-I", str(include), "-o", str(binary), str(source), "-ldl"],
                       check=True)
        outputs = {}
        for which in ("zmx", "reference"):
            library = getattr(args, which)
            result = subprocess.run([str(binary), library], capture_output=True, text=True, timeout=60)
            if result.returncode != 0:
                return [f"the option probe failed on {which} ({library}): {result.stderr.strip()}"]
            outputs[which] = result.stdout.splitlines()
    problems = []
    for zmx, reference in zip(outputs["zmx"], outputs["reference"]):
        if zmx != reference:
            problems.append(f"marked same, but zmx and libzmq differ:\n  zmx:    {zmx}\n  libzmq: {reference}")
    if len(outputs["zmx"]) != len(outputs["reference"]) or not outputs["zmx"]:
        problems.append("the option probe printed different numbers of lines")
    print(f"{len(names)} socket options marked same, each tried on {len(outputs['zmx']) // max(len(names), 1)} "
          f"socket types against {args.zmx} and {args.reference}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("doc")
    parser.add_argument("header")
    parser.add_argument("--cc")
    parser.add_argument("--zmx")
    parser.add_argument("--reference")
    args = parser.parse_args()

    functions, options, defines = header_names(pathlib.Path(args.header))
    tables = table_rows(pathlib.Path(args.doc).read_text())
    if tables is None:
        print(f"{args.doc} has no section '{SECTION}'")
        return 1
    problems = []
    listed = set()
    counts = {}
    for heading, rows in tables.items():
        seen = set()
        for name, state in rows:
            if name in seen:
                problems.append(f"{name} has two rows under '{heading}'")
            seen.add(name)
            listed.add(name)
            if name not in functions and name not in defines:
                problems.append(f"{name} is in the table but zmq.h does not declare it")
            match = STATE.match(state)
            if not match:
                problems.append(f"{name}: state '{state}' is not same / zmx defines more / "
                                "differs / not yet (#issue or no issue yet)")
            else:
                key = "not yet" if match.group(1).startswith("not yet") else match.group(1)
                counts[key] = counts.get(key, 0) + 1
    problems += [f"function {name} is declared in zmq.h but has no row" for name in sorted(functions - listed)]
    problems += [f"option {name} is defined in zmq.h but has no row" for name in sorted(options - listed)]

    if args.cc and args.zmx and args.reference:
        same = [name for name, state in tables.get("Socket options", []) if state.startswith("same")]
        if not same:
            problems.append("no socket option is marked same (is the heading 'Socket options' there?)")
        else:
            problems += probe_same_socket_options(same, args)

    for problem in problems:
        print(problem)
    summary = ", ".join(f"{count} {state}" for state, count in sorted(counts.items()))
    print(f"{len(functions)} functions and {len(options)} options in zmq.h; rows: {summary}; "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
