"""The tools with PLAIN and CURVE: zmx-keygen's key files (read by pyzmq's
zmq.auth too), zmx-cat as client and server of Debian's libzmq (pyzmq, its
ZAP handler zmq.auth's), and zmx-broker's secured device sides, whose ZAP
the broker serves from a password file or a directory of client keys."""
import os
import stat
import subprocess
import unittest

import zmq
import zmq.auth
from zmq.auth.thread import ThreadAuthenticator

from tool_process import KEYGEN, SAFETY_S, ToolTest, cat, finish

# How long a client that must be refused keeps trying: short, since the
# test waits that long for nothing to happen.
REFUSED_MS = "1000"
TIMED_OUT = 1  # zmx-cat's exit status when --timeout passed


def keygen(*args, cwd=None):
    done = subprocess.run([KEYGEN, *args], capture_output=True, text=True, cwd=cwd, timeout=SAFETY_S)
    return done.returncode, done.stdout, done.stderr


class SecurityTest(ToolTest):
    def key_pair(self, name, directory=None):
        """zmx-keygen NAME in the directory: (public, secret) keys and the
        secret file's path."""
        directory = directory or self.tmp.name
        os.makedirs(directory, exist_ok=True)
        status, _, err = keygen(name, cwd=directory)
        self.assertEqual(status, 0, err)
        path = os.path.join(directory, name + ".key_secret")
        public, secret = zmq.auth.load_certificate(path)
        return public, secret, path

    def allowed_dir(self, *public_key_files):
        """A directory holding copies of the given NAME.key files."""
        directory = os.path.join(self.tmp.name, "allowed")
        os.makedirs(directory, exist_ok=True)
        for path in public_key_files:
            with open(path) as source, open(os.path.join(directory, os.path.basename(path)), "w") as copy:
                copy.write(source.read())
        return directory

    def write_file(self, name, text):
        path = os.path.join(self.tmp.name, name)
        with open(path, "w") as f:
            f.write(text)
        return path

    def curve_client(self, server_public, kind=zmq.PUSH, connect=None):
        """A libzmq CURVE client with a fresh key pair."""
        public, secret = zmq.curve_keypair()
        return self.libzmq_socket(kind, connect=connect, curve_serverkey=server_public, curve_publickey=public,
                                  curve_secretkey=secret)

    # ------------------------------------------------------------ zmx-keygen

    def test_keygen_prints_a_pair_whose_public_key_is_the_secrets(self):
        status, out, _ = keygen()
        self.assertEqual(status, 0)
        keys = dict(line.strip().split(" = ") for line in out.splitlines() if " = " in line)
        public, secret = (keys[k].strip('"').encode() for k in ("public-key", "secret-key"))
        self.assertEqual(len(public), 40)
        self.assertEqual(zmq.curve_public(secret), public)

    def test_keygen_writes_a_public_file_and_a_private_secret_file_pyzmq_reads(self):
        public, secret, secret_path = self.key_pair("server")
        self.assertEqual(zmq.curve_public(secret), public)
        self.assertEqual(zmq.auth.load_certificate(os.path.join(self.tmp.name, "server.key")), (public, None))
        self.assertEqual(stat.S_IMODE(os.stat(secret_path).st_mode), 0o600)

    # ------------------------------------------------------------ zmx-cat as a client

    def test_cat_with_the_server_key_talks_to_a_libzmq_curve_server(self):
        server_public, server_secret = zmq.curve_keypair()
        endpoint = self.ipc("curve")
        pull = self.libzmq_socket(zmq.PULL, bind=endpoint, curve_server=1, curve_secretkey=server_secret)
        _, _, key_file = self.key_pair("client")
        status, _, err = cat("push", "-c", endpoint, "-t", "10000", "--curve-serverkey", server_public.decode(),
                             "--curve-keys", key_file, "sealed")
        self.assertEqual(status, 0, err)
        self.assertEqual(pull.recv(), b"sealed")

    def test_cat_with_a_password_gets_past_a_libzmq_zap_handler_and_a_wrong_one_does_not(self):
        auth = ThreadAuthenticator(self.ctx)
        auth.start()
        self.addCleanup(auth.stop)
        auth.configure_plain(domain="*", passwords={"admin": "secret"})
        endpoint = self.ipc("plain")
        pull = self.libzmq_socket(zmq.PULL, bind=endpoint, plain_server=1)
        status, _, err = cat("push", "-c", endpoint, "-t", "10000", "--plain", "admin:secret", "let in")
        self.assertEqual(status, 0, err)
        self.assertEqual(pull.recv(), b"let in")
        status, _, _ = cat("push", "-c", endpoint, "-t", REFUSED_MS, "--plain", "admin:guess", "kept out")
        self.assertEqual(status, TIMED_OUT)
        self.assertFalse(pull.poll(0))

    # ------------------------------------------------------------ zmx-cat as a server

    def test_cat_curve_server_lets_in_the_allowed_keys_only(self):
        server_public, _, server_key_file = self.key_pair("server")
        client_public, client_secret, _ = self.key_pair("client")
        allowed = self.allowed_dir(os.path.join(self.tmp.name, "client.key"))
        endpoint = self.ipc("curve-server")
        puller = self.start_cat("pull", "-b", endpoint, "-n", "1", "-t", "10000", "--curve-server",
                                "--curve-keys", server_key_file, "--curve-allow", allowed)
        stranger = self.curve_client(server_public, connect=endpoint)
        stranger.send(b"from a stranger", zmq.NOBLOCK)  # queued: never delivered
        known = self.libzmq_socket(zmq.PUSH, connect=endpoint, curve_serverkey=server_public,
                                   curve_publickey=client_public, curve_secretkey=client_secret)
        known.send(b"from a known client")
        self.assertEqual(finish(puller)[:2], (0, b"from a known client\n"))

    def test_cat_plain_server_checks_its_password_file(self):
        passwords = self.write_file("passwords", "# users\nadmin:s3cret:with:colons\n")
        endpoint = self.ipc("plain-server")
        puller = self.start_cat("pull", "-b", endpoint, "-n", "1", "-t", "10000", "--plain-server", passwords)
        wrong = self.libzmq_socket(zmq.PUSH, connect=endpoint, plain_username=b"admin", plain_password=b"s3cret")
        wrong.send(b"wrong password", zmq.NOBLOCK)
        right = self.libzmq_socket(zmq.PUSH, connect=endpoint, plain_username=b"admin",
                                   plain_password=b"s3cret:with:colons")
        right.send(b"right password")
        self.assertEqual(finish(puller)[:2], (0, b"right password\n"))

    def test_cat_refuses_security_options_that_do_not_go_together(self):
        _, _, key_file = self.key_pair("server")
        for args, complaint in [
            (["--curve-server"], "--curve-keys"),
            (["--curve-keys", key_file], "--curve-serverkey"),
            (["--curve-serverkey", "x" * 40, "--curve-allow", self.tmp.name], "--curve-allow is for"),
            (["--plain", "no-colon"], "USER:PASSWORD"),
            (["--plain", "a:b", "--curve-server"], "excludes"),
            (["--curve-serverkey", "short"], "40 characters"),
            (["--curve-server", "--curve-keys", os.path.join(self.tmp.name, "server.key")], "secret-key"),
        ]:
            with self.subTest(args=args):
                status, _, err = cat("pull", "-b", self.ipc("unused"), *args)
                self.assertEqual(status, 2)
                self.assertIn(complaint, err.decode())

    # ------------------------------------------------------------ zmx-broker

    def secured_streamer(self, frontend_security):
        """A broker running a streamer whose frontend (bound) has the
        given [security] lines, and a libzmq PULL on its backend."""
        broker = self.start_broker(
            '[[device]]\nname = "jobs"\ntype = "streamer"\n'
            f'frontend.bind = "{self.ipc("front")}"\nbackend.bind = "{self.ipc("back")}"\n'
            "[device.frontend.security]\n" + frontend_security, "--log-level", "debug")
        consumer = self.libzmq_socket(zmq.PULL, connect=broker.endpoint("jobs", "backend"))
        return broker, consumer

    def test_broker_curve_side_lets_in_the_keys_of_its_allowed_directory(self):
        server_public, _, _ = self.key_pair("broker")
        _, _, client_key_file = self.key_pair("client")
        self.allowed_dir(os.path.join(self.tmp.name, "client.key"))
        # Paths relative to the config's own directory.
        broker, consumer = self.secured_streamer(
            'mechanism = "curve"\nserver = true\nkey_file = "broker.key_secret"\nallowed_keys = "allowed"\n')
        frontend = broker.endpoint("jobs", "frontend")
        status, _, err = cat("push", "-c", frontend, "-t", "10000", "--curve-serverkey", server_public.decode(),
                             "--curve-keys", client_key_file, "known")
        self.assertEqual(status, 0, err)
        self.assertEqual(consumer.recv(), b"known")
        broker.wait_for_log("ZAP: jobs/frontend lets in")
        status, _, _ = cat("push", "-c", frontend, "-t", REFUSED_MS, "--curve-serverkey", server_public.decode(),
                           "stranger")
        self.assertEqual(status, TIMED_OUT)
        broker.wait_for_log("ZAP: jobs/frontend refuses")
        self.assertFalse(consumer.poll(0))
        self.assertEqual(broker.stop()[0], 0)

    def test_broker_plain_side_checks_its_password_file(self):
        self.write_file("passwords", "admin:secret\n")
        broker, consumer = self.secured_streamer('mechanism = "plain"\nserver = true\npassword_file = "passwords"\n')
        frontend = broker.endpoint("jobs", "frontend")
        producer = self.libzmq_socket(zmq.PUSH, connect=frontend, plain_username=b"admin", plain_password=b"secret")
        producer.send(b"from libzmq")
        self.assertEqual(consumer.recv(), b"from libzmq")
        status, _, _ = cat("push", "-c", frontend, "-t", REFUSED_MS, "--plain", "admin:wrong", "refused")
        self.assertEqual(status, TIMED_OUT)
        broker.wait_for_log("ZAP: jobs/frontend refuses 'admin'")
        self.assertEqual(broker.stop()[0], 0)

    def test_broker_curve_client_side_connects_to_a_libzmq_curve_server(self):
        server_public, server_secret = zmq.curve_keypair()
        self.key_pair("broker")
        sink = self.ipc("sink")
        pull = self.libzmq_socket(zmq.PULL, bind=sink, curve_server=1, curve_secretkey=server_secret)
        broker = self.start_broker(
            '[[device]]\nname = "jobs"\ntype = "streamer"\nfrontend.bind = "tcp://127.0.0.1:*"\n'
            f'[device.backend]\nconnect = "{sink}"\n'
            f'security = {{ mechanism = "curve", key_file = "broker.key_secret", server_key = "{server_public.decode()}" }}\n')
        status, _, err = cat("push", "-c", broker.endpoint("jobs", "frontend"), "-t", "10000", "through")
        self.assertEqual(status, 0, err)
        self.assertEqual(pull.recv(), b"through")
        self.assertEqual(broker.stop()[0], 0)

    def test_broker_refuses_security_settings_it_cannot_use(self):
        self.write_file("public-only.key", 'curve\n    public-key = "x"\n')
        for security, complaint in [
            ('mechanism = "gssapi"', "mechanism must be plain or curve"),
            ('mechanism = "plain"\nserver = true', "needs password_file"),
            ('mechanism = "plain"\nserver = true\npassword_file = "missing"', "missing: cannot be read"),
            ('mechanism = "plain"\nusername = "u"', "needs password"),
            ('mechanism = "curve"\nserver = true\nkey_file = "public-only.key"', "no public-key"),
            ('mechanism = "curve"\nserver = true\nserver_key = "k"', "unknown key 'server_key'"),
        ]:
            text = ('[[device]]\nname = "jobs"\ntype = "streamer"\nfrontend.bind = "tcp://127.0.0.1:*"\n'
                    'backend.bind = "tcp://127.0.0.1:*"\n[device.frontend.security]\n' + security + "\n")
            with self.subTest(security=security):
                done = subprocess.run([os.environ["ZMX_BROKER"], self.write_config(text), "--check"],
                                      capture_output=True, text=True, timeout=SAFETY_S)
                self.assertEqual(done.returncode, 1)
                self.assertIn(complaint, done.stdout + done.stderr)


if __name__ == "__main__":
    unittest.main()
