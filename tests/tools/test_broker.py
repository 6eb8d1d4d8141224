"""zmx-broker as a process: traffic through each device kind (zmx-cat on
one side, Debian's libzmq on the other), statistics over the control
endpoint and on SIGUSR1, shutdown, and the ways it refuses to start."""
import json
import signal
import socket
import subprocess
import unittest

import zmq

from tool_process import BROKER, SAFETY_S, ToolTest, cat, device_stats, finish


def config(control, *devices):
    """A config with the control endpoint and one [[device]] per (name,
    type) pair, every side bound to a port of the system's choosing."""
    text = f'[broker]\ncontrol = "{control}"\nlinger = 2000\n'
    for name, kind in devices:
        text += (f'[[device]]\nname = "{name}"\ntype = "{kind}"\n'
                 'frontend.bind = "tcp://127.0.0.1:*"\nbackend.bind = "tcp://127.0.0.1:*"\n')
    return text


class BrokerTest(ToolTest):
    def start(self, *devices, args=()):
        self.control = self.ipc("control")
        return self.start_broker(config(self.control, *devices), *args)

    def test_queue_relays_requests_to_workers_and_replies_back(self):
        broker = self.start(("tasks", "queue"))
        worker = self.libzmq_socket(zmq.REP, connect=broker.endpoint("tasks", "backend"))
        client = self.start_cat("req", "-c", broker.endpoint("tasks", "frontend"), "-t", "10000", "one", "two")
        for _ in range(2):
            worker.send(b"done " + worker.recv())
        self.assertEqual(finish(client)[:2], (0, b"done one\ndone two\n"))
        stats = device_stats(broker.stats(self.control), "tasks")
        self.assertEqual(stats["type"], "queue")
        # A request is [client id, empty, body] inside the broker; the
        # frames counted are those relayed: [empty, body] plus the id.
        self.assertEqual(stats["frontend_to_backend"]["messages"], 2)
        self.assertEqual(stats["backend_to_frontend"]["messages"], 2)
        self.assertEqual(stats["frontend_to_backend"]["dropped"], 0)
        self.assertEqual(broker.stop()[0], 0)

    def test_forwarder_passes_subscriptions_up_and_matching_messages_down(self):
        broker = self.start(("news", "forwarder"))
        subscriber = self.start_cat("sub", "-c", broker.endpoint("news", "backend"), "-s", "weather", "-n", "1",
                               "-t", "10000")
        publisher = self.libzmq_socket(zmq.XPUB, connect=broker.endpoint("news", "frontend"))
        # The subscription reaches the publisher through the broker's XSUB.
        self.assertEqual(publisher.recv(), b"\x01weather")
        publisher.send_multipart([b"sports", b"0-0"])
        publisher.send_multipart([b"weather", b"sunny"])
        self.assertEqual(finish(subscriber)[:2], (0, b"weather\tsunny\n"))
        # libzmq's XPUB sent only what someone subscribed to.
        news = device_stats(broker.stats(self.control), "news")
        self.assertEqual(news["frontend_to_backend"], {"messages": 1, "bytes": len(b"weathersunny"), "dropped": 0})
        self.assertGreaterEqual(news["backend_to_frontend"]["messages"], 1)
        self.assertEqual(broker.stop()[0], 0)

    def test_streamer_moves_multipart_messages_one_way(self):
        broker = self.start(("jobs", "streamer"))
        consumer = self.libzmq_socket(zmq.PULL, connect=broker.endpoint("jobs", "backend"))
        status, _, _ = cat("push", "-c", broker.endpoint("jobs", "frontend"), "-d", "|", "-t", "10000",
                           "a|b", "c")
        self.assertEqual(status, 0)
        self.assertEqual(consumer.recv_multipart(), [b"a", b"b"])
        self.assertEqual(consumer.recv_multipart(), [b"c"])
        jobs = device_stats(broker.stats(self.control), "jobs")
        self.assertEqual(jobs["frontend_to_backend"], {"messages": 2, "bytes": 3, "dropped": 0})
        self.assertEqual(jobs["backend_to_frontend"]["messages"], 0)
        self.assertEqual(broker.stop()[0], 0)

    def test_statistics_count_connected_peers(self):
        broker = self.start(("jobs", "streamer"))
        producers = [self.libzmq_socket(zmq.PUSH, connect=broker.endpoint("jobs", "frontend")) for _ in range(2)]
        stats = broker.wait_for_stats(self.control, lambda s: device_stats(s, "jobs")["frontend"]["peers"] == 2)
        jobs = device_stats(stats, "jobs")
        self.assertEqual(jobs["backend"]["peers"], 0)
        self.assertEqual(jobs["frontend"]["bind"], [broker.endpoint("jobs", "frontend")])
        producers[0].close()
        broker.wait_for_stats(self.control, lambda s: device_stats(s, "jobs")["frontend"]["peers"] == 1)
        self.assertEqual(broker.stop()[0], 0)

    def test_a_reply_for_an_unknown_client_is_counted_as_dropped(self):
        broker = self.start(("tasks", "queue"))
        worker = self.libzmq_socket(zmq.DEALER, connect=broker.endpoint("tasks", "backend"))
        worker.send_multipart([b"no-such-client", b"", b"reply"])
        broker.wait_for_stats(
            self.control, lambda s: device_stats(s, "tasks")["backend_to_frontend"]["dropped"] == 1)
        self.assertEqual(broker.stop()[0], 0)

    def test_zmx_cat_reads_the_statistics(self):
        broker = self.start(("tasks", "queue"), ("jobs", "streamer"))
        status, out, _ = cat("req", "-c", self.control, "-t", "10000", "stats")
        self.assertEqual(status, 0)
        stats = json.loads(out)
        self.assertEqual([d["name"] for d in stats["devices"]], ["tasks", "jobs"])
        self.assertEqual(cat("req", "-c", self.control, "-t", "10000", "ping")[:2], (0, b"pong\n"))
        self.assertIn("unknown command 'bogus'", broker.ask(self.control, "bogus"))
        self.assertEqual(broker.stop()[0], 0)

    def test_sigusr1_prints_the_statistics(self):
        broker = self.start(("tasks", "queue"), ("jobs", "streamer"))
        broker.process.send_signal(signal.SIGUSR1)
        line = broker.wait_for_log("stats: device 'jobs' (streamer)")
        self.assertIn("frontend->backend 0 msgs 0 B 0 dropped", line)
        self.assertEqual(broker.stop()[0], 0)

    def test_sigusr1_just_before_sigterm_still_prints(self):
        broker = self.start(("jobs", "streamer"))
        broker.process.send_signal(signal.SIGUSR1)
        status, log = broker.stop()
        self.assertEqual(status, 0)
        self.assertIn("stats: device 'jobs' (streamer)", log)

    def test_sigterm_delivers_what_the_broker_holds_within_linger(self):
        self.control = self.ipc("control")
        consumer_endpoint = self.ipc("consumer")
        broker = self.start_broker(
            f'[broker]\ncontrol = "{self.control}"\nlinger = 5000\n'
            '[[device]]\nname = "jobs"\ntype = "streamer"\nfrontend.bind = "tcp://127.0.0.1:*"\n'
            f'backend.connect = "{consumer_endpoint}"\nbackend.options = {{ reconnect_ivl = 20 }}\n')
        producer = self.libzmq_socket(zmq.PUSH, connect=broker.endpoint("jobs", "frontend"))
        for i in range(100):
            producer.send(b"%d" % i)
        # All relayed into the queue of a consumer that is not there yet.
        broker.wait_for_stats(
            self.control, lambda s: device_stats(s, "jobs")["frontend_to_backend"]["messages"] == 100)
        broker.process.send_signal(signal.SIGTERM)
        broker.wait_for_log("stopping")
        consumer = self.libzmq_socket(zmq.PULL, bind=consumer_endpoint)
        self.assertEqual([consumer.recv() for _ in range(100)], [b"%d" % i for i in range(100)])
        status, log = broker.wait()
        self.assertEqual(status, 0)
        self.assertIn("stopped", log)

    def test_sigint_stops_it_too(self):
        broker = self.start(("jobs", "streamer"))
        status, log = broker.stop(signal.SIGINT)
        self.assertEqual(status, 0)
        self.assertIn("stopped", log.splitlines()[-1])

    def refused(self, config_text, *args):
        done = subprocess.run([BROKER, self.write_config(config_text), *args], capture_output=True, text=True,
                              timeout=SAFETY_S)
        return done.returncode, done.stdout + done.stderr

    def test_a_config_that_is_not_toml_exits_1(self):
        status, message = self.refused('[[device]\nname = "a"\n')
        self.assertEqual(status, 1)
        self.assertIn("broker.toml:1:", message)

    def test_an_unknown_key_exits_1_and_names_it(self):
        status, message = self.refused(config("ipc:///x", ("jobs", "streamer")) + 'frontend.bnd = "tcp://*:1"\n')
        self.assertEqual(status, 1)
        self.assertIn("unknown key 'bnd' in device 'jobs' frontend", message)
        status, message = self.refused(config("ipc:///x", ("jobs", "streamer")) + "backend.options.hwm = 5\n")
        self.assertEqual(status, 1)
        self.assertIn("unknown key 'hwm' in device 'jobs' backend options", message)

    def test_bad_values_exit_1(self):
        for bad, complaint in [
            ('type = "proxy"', "type must be queue, forwarder or streamer"),
            ('backend.options.sndhwm = "big"', "option sndhwm must be an integer"),
            ("backend.options.xpub_verbose = true", "option xpub_verbose does not apply"),
            ('backend.connect = "tpc://host:1"', "is not an endpoint"),
        ]:
            text = ('[[device]]\nname = "jobs"\nfrontend.bind = "tcp://127.0.0.1:*"\n'
                    'backend.bind = "tcp://127.0.0.1:*"\n' + ("" if bad.startswith("type") else 'type = "streamer"\n')
                    + bad + "\n")
            with self.subTest(bad=bad):
                status, message = self.refused(text)
                self.assertEqual(status, 1)
                self.assertIn(complaint, message)

    def test_a_port_in_use_exits_3(self):
        with socket.socket() as taken:
            taken.bind(("127.0.0.1", 0))
            taken.listen()
            port = taken.getsockname()[1]
            text = config(self.ipc("control"), ("jobs", "streamer")).replace(
                'backend.bind = "tcp://127.0.0.1:*"', f'backend.bind = "tcp://127.0.0.1:{port}"')
            status, message = self.refused(text)
            self.assertEqual(status, 3)
            self.assertIn(f"device 'jobs' backend: bind tcp://127.0.0.1:{port}: Address already in use", message)
            # --check validates without starting: the port is not tried.
            status, message = self.refused(text, "--check")
            self.assertEqual(status, 0)
            self.assertIn("OK, 1 device", message)

    def test_check_reports_a_bad_config_without_starting(self):
        status, message = self.refused("[broker]\nlinger = -2\n", "--check")
        self.assertEqual(status, 1)
        self.assertIn("linger must be between -1", message)

    def test_usage_errors_exit_2(self):
        self.assertEqual(subprocess.run([BROKER], capture_output=True, timeout=SAFETY_S).returncode, 2)
        self.assertEqual(self.refused(config("ipc:///x", ("a", "queue")), "--log-level", "loud")[0], 2)


if __name__ == "__main__":
    unittest.main()
