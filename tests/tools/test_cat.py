"""zmx-cat as a process, against Debian's libzmq (pyzmq here) and against
itself: formats, multipart, --count, --timeout, REQ/REP one-shot,
subscriptions, and the exit codes a script sees."""
import unittest

import zmq

from tool_process import SAFETY_S, ToolTest, cat, finish

# Z85's own example (RFC 32): these 8 bytes are "HelloWorld".
Z85_BYTES = bytes([0x86, 0x4F, 0xD2, 0x6F, 0xB5, 0x59, 0xF7, 0x5B])


class CatTest(ToolTest):
    def sent_by_cat(self, *args, stdin=None):
        """What a libzmq PULL receives from `zmx-cat push ARGS`: all of it
        once zmx-cat has disconnected (libzmq reads a connection to its end
        before it reports the disconnection)."""
        endpoint = self.ipc("pull")
        pull = self.libzmq_socket(zmq.PULL, bind=endpoint)
        events = pull.get_monitor_socket(zmq.EVENT_DISCONNECTED)
        self.addCleanup(events.close)
        events.rcvtimeo = SAFETY_S * 1000
        status, _, err = cat("push", "-c", endpoint, "-t", "10000", *args, stdin=stdin)
        self.assertEqual(status, 0, err)
        events.recv_multipart()
        received = []
        while pull.poll(0):
            received.append(pull.recv_multipart())
        return received

    def printed_by_cat(self, messages, *args):
        """What `zmx-cat pull ARGS` prints for messages a libzmq PUSH sends."""
        endpoint = self.ipc("push")
        push = self.libzmq_socket(zmq.PUSH, bind=endpoint)
        puller = self.start_cat("pull", "-c", endpoint, "-n", str(len(messages)), "-t", "10000", *args)
        for message in messages:
            push.send_multipart(message)
        status, out, err = finish(puller)
        self.assertEqual(status, 0, err)
        return out

    def test_text_frames_are_split_and_joined_by_the_delimiter(self):
        self.assertEqual(self.sent_by_cat("a|b|", "c", "-d", "|"), [[b"a", b"b", b""], [b"c"]])
        self.assertEqual(self.printed_by_cat([[b"a", b"b", b""], [b"c d"]], "-d", "|"), b"a|b|\nc d\n")
        # Without -d a TAB separates frames.
        self.assertEqual(self.printed_by_cat([[b"topic", b"body"]]), b"topic\tbody\n")

    def test_stdin_gives_one_message_per_line_until_count(self):
        self.assertEqual(self.sent_by_cat("-n", "2", stdin=b"one\ntwo\tparts\nthree\n"),
                         [[b"one"], [b"two", b"parts"]])
        self.assertEqual(self.sent_by_cat(stdin=b"x\ny\n"), [[b"x"], [b"y"]])

    def test_count_repeats_the_messages_given(self):
        self.assertEqual(self.sent_by_cat("a", "b", "-n", "5"), [[b"a"], [b"b"], [b"a"], [b"b"], [b"a"]])

    def test_hex(self):
        self.assertEqual(self.sent_by_cat("-f", "hex", "00FF|", "-d", "|"), [[b"\x00\xff", b""]])
        self.assertEqual(self.printed_by_cat([[b"\x00\xff", b"A"]], "-f", "hex"), b"00ff\t41\n")

    def test_z85(self):
        self.assertEqual(self.sent_by_cat("-f", "z85", "HelloWorld"), [[Z85_BYTES]])
        self.assertEqual(self.printed_by_cat([[Z85_BYTES]], "-f", "z85"), b"HelloWorld\n")

    def test_z85_cannot_show_a_frame_whose_size_is_not_a_multiple_of_4(self):
        endpoint = self.ipc("push")
        push = self.libzmq_socket(zmq.PUSH, bind=endpoint)
        puller = self.start_cat("pull", "-c", endpoint, "-f", "z85", "-t", "10000")
        push.send(b"abc")
        status, _, err = finish(puller)
        self.assertEqual(status, 3)
        self.assertIn(b"3-byte frame cannot be written in z85", err)

    def test_json_lines(self):
        self.assertEqual(
            self.printed_by_cat([[b"\xff\x00", b"\x00\x01", "caf\u00e9 \"x\"\n".encode()], [b""]], "-f", "json"),
            b'[{"hex":"ff00"},"\\u0000\\u0001","caf\xc3\xa9 \\"x\\"\\n"]\n[""]\n')
        # Not UTF-8: an overlong form, a surrogate, a code point past U+10FFFF.
        self.assertEqual(
            self.printed_by_cat([[b"\xc0\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", "\U0010FFFF".encode()]],
                                "-f", "json"),
            b'[{"hex":"c080"},{"hex":"eda080"},{"hex":"f4908080"},"\xf4\x8f\xbf\xbf"]\n')
        self.assertEqual(
            self.sent_by_cat("-f", "json", stdin=b'["a", {"hex": "00ff"}, "\\u00e9\\ud83d\\ude00"]\n[""]\n'),
            [[b"a", b"\x00\xff", "\u00e9\U0001F600".encode()], [b""]])

    def test_input_that_does_not_read_is_a_usage_error(self):
        for args, stdin in [(["-f", "hex", "abc"], None), (["-f", "z85", "Hell"], None),
                            (["-f", "json"], b'["a",]\n'), (["-f", "json"], b'{"a": 1}\n'), (["-f", "json"], b'[]\n')]:
            with self.subTest(args=args, stdin=stdin):
                status, _, err = cat("push", "-c", self.ipc("nobody"), "-t", "10000", *args, stdin=stdin)
                self.assertEqual(status, 2, err)

    def test_usage_errors_exit_2(self):
        for args in [[], ["push"], ["teapot", "-c", "tcp://127.0.0.1:1"], ["push", "-c", "tcp://127.0.0.1:1", "-s", "x"],
                     ["pull", "-c", "tcp://127.0.0.1:1", "-n", "0"], ["pull", "-c", "tcp://127.0.0.1:1", "hello"],
                     ["pull", "-c", "tcp://127.0.0.1:1", "--send"], ["pub", "-c", "tcp://127.0.0.1:1", "-f", "json", "-d", ","],
                     ["push", "--bogus"]]:
            with self.subTest(args=args):
                self.assertEqual(cat(*args)[0], 2)

    def test_a_refused_endpoint_exits_3(self):
        status, _, err = cat("pull", "-b", "tcp://nowhere.invalid:1", "-t", "10000")
        self.assertEqual(status, 3)
        self.assertIn(b"bind tcp://nowhere.invalid:1", err)

    def test_timeout_exits_1_when_nothing_comes_or_nobody_takes(self):
        status, _, err = cat("pull", "-b", self.ipc("quiet"), "-t", "100")
        self.assertEqual(status, 1)
        self.assertIn(b"timed out", err)
        self.assertEqual(cat("push", "-c", self.ipc("absent"), "-t", "100", "lost")[0], 1)
        self.assertEqual(cat("req", "-c", self.ipc("absent"), "-t", "100", "anyone?")[0], 1)

    def test_count_stops_after_that_many_messages(self):
        endpoint = self.ipc("pull")
        puller = self.start_cat("pull", "-b", endpoint, "-n", "2", "-t", "10000")
        push = self.libzmq_socket(zmq.PUSH, connect=endpoint)
        for body in [b"1", b"2", b"3"]:
            push.send(body)
        self.assertEqual(finish(puller)[:2], (0, b"1\n2\n"))

    def test_req_one_shot_against_a_libzmq_rep(self):
        endpoint = self.ipc("rep")
        rep = self.libzmq_socket(zmq.REP, bind=endpoint)
        request = self.start_cat("req", "-c", endpoint, "-t", "10000", "ping")
        self.assertEqual(rep.recv(), b"ping")
        rep.send_multipart([b"pong", b"!"])
        self.assertEqual(finish(request)[:2], (0, b"pong\t!\n"))

    def test_rep_answers_one_libzmq_request_then_exits(self):
        endpoint = self.ipc("rep")
        reply = self.start_cat("rep", "-b", endpoint, "-t", "10000", "pong")
        req = self.libzmq_socket(zmq.REQ, connect=endpoint)
        req.send(b"ping")
        self.assertEqual(req.recv(), b"pong")
        self.assertEqual(finish(reply)[:2], (0, b"ping\n"))

    def test_rep_echoes_without_a_reply_and_takes_count_requests(self):
        endpoint = self.ipc("rep")
        reply = self.start_cat("rep", "-b", endpoint, "-t", "10000", "-n", "2")
        req = self.libzmq_socket(zmq.REQ, connect=endpoint)
        for body in [[b"a"], [b"b", b"c"]]:
            req.send_multipart(body)
            self.assertEqual(req.recv_multipart(), body)
        self.assertEqual(finish(reply)[:2], (0, b"a\nb\tc\n"))

    def test_zmx_cat_req_and_rep_talk_to_each_other(self):
        endpoint = self.ipc("rep")
        # The req binds: on Debian's libzmq, a REQ (with zmx-cat's
        # ZMQ_IMMEDIATE) whose ipc connect came before the bind gets its
        # request answered but never sees the reply.
        reply = self.start_cat("rep", "-c", endpoint, "-t", "10000", "-f", "hex", "0102")
        status, out, _ = cat("req", "-b", endpoint, "-t", "10000", "-f", "hex", "ff")
        self.assertEqual((status, out), (0, b"0102\n"))
        self.assertEqual(finish(reply)[:2], (0, b"ff\n"))

    def test_sub_receives_only_what_it_subscribed_to(self):
        endpoint = self.ipc("xpub")
        xpub = self.libzmq_socket(zmq.XPUB, bind=endpoint)
        subscriber = self.start_cat("sub", "-c", endpoint, "-s", "a", "-s", "b", "-n", "2", "-t", "10000")
        self.assertEqual(sorted([xpub.recv(), xpub.recv()]), [b"\x01a", b"\x01b"])
        for topic in [b"a1", b"c1", b"b1"]:
            xpub.send(topic)
        self.assertEqual(finish(subscriber)[:2], (0, b"a1\nb1\n"))

    def test_xsub_subscribes_by_message(self):
        endpoint = self.ipc("xpub")
        xpub = self.libzmq_socket(zmq.XPUB, bind=endpoint)
        subscriber = self.start_cat("xsub", "-c", endpoint, "-s", "b", "-n", "1", "-t", "10000")
        self.assertEqual(xpub.recv(), b"\x01b")
        xpub.send(b"a")
        xpub.send(b"b")
        self.assertEqual(finish(subscriber)[:2], (0, b"b\n"))

    def test_xpub_can_wait_for_a_subscriber_before_publishing(self):
        endpoint = self.ipc("xpub")
        publisher = self.start_cat("xpub", "-b", endpoint, "--await-subscription", "-t", "10000", "news")
        sub = self.libzmq_socket(zmq.SUB, connect=endpoint, subscribe=b"")
        self.assertEqual(sub.recv(), b"news")
        self.assertEqual(finish(publisher)[0], 0)

    def test_router_shows_the_routing_id_of_a_libzmq_dealer(self):
        endpoint = self.ipc("router")
        router = self.start_cat("router", "-b", endpoint, "-n", "1", "-f", "json", "-t", "10000")
        dealer = self.libzmq_socket(zmq.DEALER, connect=endpoint, routing_id=b"\xff\x01")
        dealer.send(b"hi")
        self.assertEqual(finish(router)[:2], (0, b'[{"hex":"ff01"},"hi"]\n'))

    def test_zmx_cat_to_zmx_cat_over_several_endpoints(self):
        first, second = self.ipc("one"), self.ipc("two")
        receiver = self.start_cat("pull", "-b", first, "-b", second, "-n", "2", "-t", "10000")
        self.assertEqual(cat("push", "-c", first, "-t", "10000", "x")[0], 0)
        self.assertEqual(cat("push", "-c", second, "-t", "10000", "y")[0], 0)
        self.assertEqual(finish(receiver)[:2], (0, b"x\ny\n"))


if __name__ == "__main__":
    unittest.main()
