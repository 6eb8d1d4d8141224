"""zmx-broker and zmx-cat over ws:// and wss://: zmx-cat binds and
connects both (its --wss-* flags), a broker's devices take them (TLS files
in the config), a server the client cannot verify gets no message, and the
broker refuses a TLS file it cannot read. Certificates are made here, at
run time (python3-cryptography). Debian's libzmq speaks ws but not wss:
the pyzmq peers here use ws only."""
import os
import pathlib
import random
import socket
import subprocess
import sys
import unittest

import zmq

from tool_process import BROKER, SAFETY_S, ToolTest, cat, finish

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "support"))
from test_pki import write_pki  # noqa: E402 (found through the path above)


def unused_loopback_endpoint(scheme, path):
    """A port free on a loopback address of its own (127.x.y.z): zmx-cat
    reports no endpoint, so its bind needs one chosen beforehand, and no
    other test binds these addresses."""
    address = f"127.{random.randint(1, 254)}.{random.randint(1, 254)}.{random.randint(2, 254)}"
    with socket.socket() as probe:
        probe.bind((address, 0))
        return f"{scheme}://{address}:{probe.getsockname()[1]}{path}"


class WssToolsTest(ToolTest):
    def setUp(self):
        super().setUp()
        write_pki(self.tmp.name, "good")
        write_pki(self.tmp.name, "other")

    def file(self, name):
        return os.path.join(self.tmp.name, name)

    def server_flags(self):
        return ["--wss-cert", self.file("good-server.pem"), "--wss-key", self.file("good-server.key")]

    def test_cat_binds_and_connects_wss(self):
        endpoint = unused_loopback_endpoint("wss", "/zmx")
        reply = self.start_cat("rep", "-b", endpoint, *self.server_flags(), "-t", "10000", "pong")
        status, out, err = cat("req", "-c", endpoint, "--wss-trust", self.file("good-ca.pem"), "-t", "10000", "ping")
        self.assertEqual((status, out), (0, b"pong\n"), err)
        self.assertEqual(finish(reply)[:2], (0, b"ping\n"))

    def test_cat_checks_the_hostname_it_is_given(self):
        endpoint = unused_loopback_endpoint("wss", "/zmx")
        self.start_cat("rep", "-b", endpoint, *self.server_flags(), "-t", "10000", "pong")
        trust = ["--wss-trust", self.file("good-ca.pem"), "-t", "10000"]
        status, out, err = cat("req", "-c", endpoint, *trust, "--wss-hostname", "localhost", "ping")
        self.assertEqual((status, out), (0, b"pong\n"), err)
        status, _, _ = cat("req", "-c", endpoint, *trust[:2], "-t", "300", "--wss-hostname", "elsewhere.example",
                           "ping")
        self.assertEqual(status, 1)  # timed out: no connection ever completes

    def test_cat_gets_nothing_through_to_a_server_it_cannot_verify(self):
        endpoint = unused_loopback_endpoint("wss", "/zmx")
        reply = self.start_cat("rep", "-b", endpoint, *self.server_flags(), "-t", "1000", "pong")
        status, _, err = cat("req", "-c", endpoint, "--wss-trust", self.file("other-ca.pem"), "-t", "300", "ping")
        self.assertEqual(status, 1, err)
        self.assertEqual(finish(reply)[:2], (1, b""))

    def test_cat_binds_ws_for_a_libzmq_peer(self):
        endpoint = unused_loopback_endpoint("ws", "/zmx")
        reply = self.start_cat("rep", "-b", endpoint, "-t", "10000", "pong")
        req = self.libzmq_socket(zmq.REQ, connect=endpoint)
        req.send(b"ping")
        self.assertEqual(req.recv(), b"pong")
        self.assertEqual(finish(reply)[:2], (0, b"ping\n"))

    def test_an_unreadable_tls_file_is_a_usage_error(self):
        status, _, err = cat("req", "-c", "wss://127.0.0.1:1/zmx", "--wss-trust", self.file("absent.pem"), "x")
        self.assertEqual(status, 2)
        self.assertIn(b"absent.pem", err)

    def broker_config(self, extra=""):
        return ('[[device]]\nname = "tasks"\ntype = "queue"\n'
                'frontend.bind = "wss://127.0.0.1:*/front"\n'
                'frontend.options.wss_cert_file = "good-server.pem"\n'
                'frontend.options.wss_key_file = "good-server.key"\n'
                'backend.bind = "ws://127.0.0.1:*/back"\n' + extra)

    def test_broker_relays_from_wss_clients_to_ws_workers(self):
        broker = self.start_broker(self.broker_config())
        frontend = broker.endpoint("tasks", "frontend")
        self.assertTrue(frontend.startswith("wss://127.0.0.1:") and frontend.endswith("/front"), frontend)
        worker = self.libzmq_socket(zmq.REP, connect=broker.endpoint("tasks", "backend"))
        client = self.start_cat("req", "-c", frontend, "--wss-trust", self.file("good-ca.pem"), "-t", "10000",
                                "one", "two")
        for _ in range(2):
            worker.send(b"done " + worker.recv())
        self.assertEqual(finish(client)[:2], (0, b"done one\ndone two\n"))
        self.assertEqual(broker.stop()[0], 0)

    def test_broker_connects_over_wss_with_trust_from_its_config(self):
        endpoint = unused_loopback_endpoint("wss", "/zmx")
        worker = self.start_cat("rep", "-b", endpoint, *self.server_flags(), "-t", "10000", "pong")
        broker = self.start_broker(
            '[[device]]\nname = "tasks"\ntype = "queue"\nfrontend.bind = "ws://127.0.0.1:*/front"\n'
            f'backend.connect = "{endpoint}"\nbackend.options.wss_trust_file = "good-ca.pem"\n'
            'backend.options.wss_hostname = "localhost"\n')
        client = self.libzmq_socket(zmq.REQ, connect=broker.endpoint("tasks", "frontend"))
        client.send(b"ping")
        self.assertEqual(client.recv(), b"pong")
        self.assertEqual(finish(worker)[:2], (0, b"ping\n"))
        self.assertEqual(broker.stop()[0], 0)

    def test_broker_refuses_a_tls_file_it_cannot_read(self):
        text = self.broker_config().replace('"good-server.key"', '"absent.key"')
        done = subprocess.run([BROKER, self.write_config(text)], capture_output=True, text=True, timeout=SAFETY_S)
        self.assertEqual(done.returncode, 1)
        self.assertIn("option wss_key_file: cannot read", done.stderr + done.stdout)


if __name__ == "__main__":
    unittest.main()
