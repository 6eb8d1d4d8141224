"""zmx-broker's figures per device side: a slow subscriber's drops seen on
the control endpoint's JSON, on SIGUSR1 and in the Prometheus exposition
(--metrics), which must parse as Prometheus text."""
import signal
import unittest
import urllib.request

import zmq
from prometheus_client.parser import text_string_to_metric_families

from tool_process import SAFETY_S, ToolTest, device_stats


def forwarder_config(control):
    """One forwarder whose backend holds few messages per subscriber."""
    return (f'[broker]\ncontrol = "{control}"\nlinger = 0\n'
            '[[device]]\nname = "feed"\ntype = "forwarder"\n'
            'frontend.bind = "tcp://127.0.0.1:*"\nbackend.bind = "tcp://127.0.0.1:*"\n'
            'backend.options = { sndhwm = 10, sndbuf = 4096 }\n')


def scrape(url):
    with urllib.request.urlopen(url, timeout=SAFETY_S) as answer:
        return answer.headers.get("Content-Type"), answer.read().decode()


def samples(text):
    """{(family name, frozen labels): value} of a Prometheus exposition."""
    found = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found[(sample.name, frozenset(sample.labels.items()))] = sample.value
    return found


class MetricsTest(ToolTest):
    def start(self):
        self.control = self.ipc("control")
        broker = self.start_broker(forwarder_config(self.control), "--metrics", "127.0.0.1:0")
        # Logged before "ready", which the broker was waited for.
        line = next(line for line in broker.log if "metrics served at " in line)
        self.url = line.split("metrics served at ")[1]
        return broker

    def slow_subscriber(self, broker):
        """A publisher into the forwarder, and a subscriber that reads
        nothing: publishes until the broker counts drops on the backend."""
        sub = self.libzmq_socket(zmq.SUB, connect=broker.endpoint("feed", "backend"), rcvhwm=10, rcvbuf=4096)
        sub.setsockopt(zmq.SUBSCRIBE, b"")
        pub = self.libzmq_socket(zmq.PUB, connect=broker.endpoint("feed", "frontend"))
        broker.wait_for_stats(self.control, lambda s: device_stats(s, "feed")["backend"]["peers"] == 1)
        body = b"x" * 10000

        def dropping(stats):
            for _ in range(200):
                pub.send(body)
            return device_stats(stats, "feed")["backend"]["dropped"]["hwm"] > 0

        return broker.wait_for_stats(self.control, dropping)

    def test_metrics_parse_as_prometheus_text(self):
        broker = self.start()
        self.assertTrue(self.url.startswith("http://127.0.0.1:"))
        content_type, text = scrape(self.url)
        self.assertIn("text/plain; version=0.0.4", content_type)
        families = {f.name: f for f in text_string_to_metric_families(text)}
        for name, kind in [("zmx_messages_sent", "counter"), ("zmx_messages_received", "counter"),
                           ("zmx_bytes_sent", "counter"), ("zmx_messages_dropped", "counter"),
                           ("zmx_queued_messages", "gauge"), ("zmx_peers", "gauge"),
                           ("zmx_reconnects", "counter"), ("zmx_handshake_failures", "counter"),
                           ("zmx_proxy_messages", "counter"), ("zmx_broker_uptime_seconds", "gauge")]:
            self.assertIn(name, families)
            self.assertEqual(families[name].type, kind, name)
        found = samples(text)
        for side in ("frontend", "backend"):
            for reason in ("hwm", "unroutable", "conflated", "oversize", "peer_lost"):
                key = ("zmx_messages_dropped_total",
                       frozenset({"device": "feed", "side": side, "reason": reason}.items()))
                self.assertEqual(found[key], 0.0)
        self.assertEqual(broker.stop()[0], 0)

    def test_a_slow_subscriber_drops_seen_three_ways(self):
        broker = self.start()
        stats = self.slow_subscriber(broker)
        backend = device_stats(stats, "feed")["backend"]
        self.assertGreater(backend["sent"]["messages"], 0)
        self.assertEqual(backend["peers_now"], 1)
        # Prometheus: the drops counted since, at least as many.
        found = samples(scrape(self.url)[1])
        hwm = ("zmx_messages_dropped_total", frozenset({"device": "feed", "side": "backend", "reason": "hwm"}.items()))
        self.assertGreaterEqual(found[hwm], backend["dropped"]["hwm"])
        received = ("zmx_messages_received_total", frozenset({"device": "feed", "side": "frontend"}.items()))
        self.assertGreater(found[received], 0)
        # SIGUSR1: a line per side.
        broker.process.send_signal(signal.SIGUSR1)
        line = broker.wait_for_log("stats: device 'feed' backend:")
        self.assertRegex(line, r"dropped\.hwm=[1-9]")
        self.assertEqual(broker.stop()[0], 0)

    def test_a_bad_metrics_address_exits_3(self):
        status, log = self.start_broker_expecting_failure("--metrics", "no-port")
        self.assertEqual(status, 3)
        self.assertIn("--metrics", log)

    def start_broker_expecting_failure(self, *args):
        import subprocess
        from tool_process import BROKER
        path = self.write_config(forwarder_config(self.ipc("control")))
        done = subprocess.run([BROKER, path, *args], capture_output=True, timeout=SAFETY_S)
        return done.returncode, done.stderr.decode()


if __name__ == "__main__":
    unittest.main()
