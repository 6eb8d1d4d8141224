#!/usr/bin/env python3
"""Keeps docs/conformance.md and the tests in step.

docs/conformance.md has a section per man page of libzmq 4.3.4 and, under
it, each statement with the test that checks it, written `Suite.Name`. This
check fails when a page is missing from the list or a named test does not
exist in tests/ (as TEST, TEST_F or TEST_P), so neither can drift.
Usage: check_conformance_list.py <docs/conformance.md> <tests dir>
"""
import pathlib
import re
import sys

# Every doc/zmq*.txt page of libzmq 4.3.4's source release.
PAGES = """zmq zmq_atomic_counter_dec zmq_atomic_counter_destroy
zmq_atomic_counter_inc zmq_atomic_counter_new zmq_atomic_counter_set
zmq_atomic_counter_value zmq_bind zmq_close zmq_connect zmq_connect_peer
zmq_ctx_destroy zmq_ctx_get zmq_ctx_get_ext zmq_ctx_new zmq_ctx_set
zmq_ctx_set_ext zmq_ctx_shutdown zmq_ctx_term zmq_curve zmq_curve_keypair
zmq_curve_public zmq_disconnect zmq_errno zmq_getsockopt zmq_gssapi zmq_has
zmq_init zmq_inproc zmq_ipc zmq_msg_close zmq_msg_copy zmq_msg_data
zmq_msg_get zmq_msg_gets zmq_msg_init zmq_msg_init_buffer zmq_msg_init_data
zmq_msg_init_size zmq_msg_more zmq_msg_move zmq_msg_recv zmq_msg_routing_id
zmq_msg_send zmq_msg_set zmq_msg_set_routing_id zmq_msg_size zmq_null
zmq_pgm zmq_plain zmq_poll zmq_poller zmq_proxy zmq_proxy_steerable
zmq_recv zmq_recvmsg zmq_send zmq_send_const zmq_sendmsg zmq_setsockopt
zmq_socket zmq_socket_monitor zmq_socket_monitor_versioned zmq_strerror
zmq_tcp zmq_term zmq_timers zmq_tipc zmq_udp zmq_unbind zmq_version
zmq_vmci zmq_z85_decode zmq_z85_encode""".split()

TEST_NAME = re.compile(r"`([A-Z][A-Za-z0-9_]*\.[A-Za-z0-9_]+)`")
DEFINITION = re.compile(r"\bTEST(?:_F|_P)?\(\s*([A-Za-z0-9_]+)\s*,\s*([A-Za-z0-9_]+)\s*\)")


def defined_tests(tests_dir):
    names = set()
    for path in tests_dir.rglob("*"):
        if path.suffix in (".cpp", ".hpp") and path.is_file():
            text = path.read_text(errors="replace")
            names.update(f"{suite}.{name}" for suite, name in DEFINITION.findall(text))
    return names


def main():
    doc = pathlib.Path(sys.argv[1]).read_text()
    tests = defined_tests(pathlib.Path(sys.argv[2]))
    problems = []
    headings = set(re.findall(r"^## (zmq[a-z0-9_]*)\(", doc, re.M))
    problems += [f"page {page}(3) has no section" for page in PAGES if page not in headings]
    named = TEST_NAME.findall(doc)
    problems += [f"{name} is named but no such test exists"
                 for name in sorted(set(named)) if name not in tests]
    for problem in problems:
        print(problem)
    print(f"{len(headings)} pages, {len(set(named))} tests named, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
