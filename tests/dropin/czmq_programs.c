/* Debian's czmq 4.2.1, built against Debian's libzmq, run on zmx through
 * LD_LIBRARY_PATH: what a czmq program does first. Actors (zactor's PAIR
 * pipes and signals), zsock's endpoint syntax and option calls, zpoller,
 * zloop, zmsg, the steerable zproxy, zmonitor's events, and zauth as the
 * ZAP handler of a CURVE connection, allowed and refused. Each check
 * prints its name; the first failure exits non-zero. ctest runs it once on
 * zmx and once on Debian's libzmq (dropin.czmq_programs and
 * reference.czmq_programs): both must pass. Every receive has a timeout, so
 * a lost message fails instead of hanging. Usage: czmq_programs [--library
 * DIR]: with DIR, first checks that the libzmq.so.5 loaded is the one in DIR.
 */
#include "mapped_library.h"

#include <czmq.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RECEIVE_TIMEOUT_MS 5000

static void fail(const char *check, const char *what) {
    fprintf(stderr, "FAIL %s: %s (errno %d: %s)\n", check, what, zmq_errno(), zmq_strerror(zmq_errno()));
    exit(1);
}

static void expect(int condition, const char *check, const char *what) {
    if (!condition)
        fail(check, what);
}

static zsock_t *with_timeout(zsock_t *sock) {
    if (sock)
        zsock_set_rcvtimeo(sock, RECEIVE_TIMEOUT_MS);
    return sock;
}

/* Receives one string from sock and compares it. */
static void expect_string(zsock_t *sock, const char *wanted, const char *check) {
    char *got = zstr_recv(sock);
    expect(got != NULL, check, "no message arrived");
    expect(strcmp(got, wanted) == 0, check, "a different message arrived");
    zstr_free(&got);
}

/* The library czmq loaded: zmx on the zmx run. */
static void report_library(void) {
    int major, minor, patch;
    zmq_version(&major, &minor, &patch);
    printf("czmq %d.%d.%d on ZeroMQ API %d.%d.%d\n", CZMQ_VERSION_MAJOR, CZMQ_VERSION_MINOR, CZMQ_VERSION_PATCH,
           major, minor, patch);
}

static void check_push_pull_over_tcp(void) {
    const char *check = "push/pull over an ephemeral tcp port";
    zsock_t *pull = with_timeout(zsock_new_pull("@tcp://127.0.0.1:*"));
    expect(pull != NULL, check, "zsock_new_pull");
    const char *endpoint = zsock_last_endpoint(pull);
    expect(endpoint && strncmp(endpoint, "tcp://127.0.0.1:", 16) == 0, check, "ZMQ_LAST_ENDPOINT");
    char connect_to[256];
    snprintf(connect_to, sizeof connect_to, ">%s", endpoint);
    zsock_t *push = zsock_new_push(connect_to);
    expect(push != NULL, check, "zsock_new_push");
    for (int i = 0; i < 1000; i++)
        expect(zstr_sendf(push, "%d", i) == 0, check, "zstr_sendf");
    for (int i = 0; i < 1000; i++) {
        char wanted[16];
        snprintf(wanted, sizeof wanted, "%d", i);
        expect_string(pull, wanted, check);
    }
    zsock_destroy(&push);
    zsock_destroy(&pull);
    puts("ok  push/pull over tcp, 1,000 messages in order");
}

static void check_multipart_zmsg(void) {
    const char *check = "zmsg over inproc (DEALER/ROUTER)";
    zsock_t *router = with_timeout(zsock_new_router("@inproc://czmq-router"));
    zsock_t *dealer = with_timeout(zsock_new_dealer(">inproc://czmq-router"));
    expect(router && dealer, check, "sockets");
    zmsg_t *request = zmsg_new();
    zmsg_addstr(request, "first");
    zmsg_addmem(request, NULL, 0);
    zmsg_addstr(request, "third");
    expect(zmsg_send(&request, dealer) == 0, check, "zmsg_send");
    zmsg_t *got = zmsg_recv(router);
    expect(got && zmsg_size(got) == 4, check, "routing id and three frames");
    zframe_t *routing_id = zmsg_pop(got);
    char *first = zmsg_popstr(got);
    zframe_t *empty = zmsg_pop(got);
    char *third = zmsg_popstr(got);
    expect(first && strcmp(first, "first") == 0 && third && strcmp(third, "third") == 0, check, "frames");
    expect(empty && zframe_size(empty) == 0, check, "the empty frame");
    zmsg_t *reply = zmsg_new();
    zmsg_prepend(reply, &routing_id);
    zmsg_addstr(reply, "reply");
    expect(zmsg_send(&reply, router) == 0, check, "the reply");
    expect_string(dealer, "reply", check);
    zstr_free(&first);
    zstr_free(&third);
    zframe_destroy(&empty);
    zmsg_destroy(&got);
    zsock_destroy(&dealer);
    zsock_destroy(&router);
    puts("ok  zmsg: DEALER/ROUTER round trip with an empty frame");
}

/* An actor that answers each string with the same string, until $TERM. */
static void echo_actor(zsock_t *pipe, void *args) {
    (void)args;
    zsock_signal(pipe, 0);
    while (true) {
        char *command = zstr_recv(pipe);
        if (!command || streq(command, "$TERM")) {
            zstr_free(&command);
            break;
        }
        zstr_send(pipe, command);
        zstr_free(&command);
    }
}

static void check_actor(void) {
    const char *check = "zactor";
    zactor_t *actor = zactor_new(echo_actor, NULL);
    expect(actor != NULL, check, "zactor_new");
    zsock_set_rcvtimeo(zactor_sock(actor), RECEIVE_TIMEOUT_MS);
    for (int i = 0; i < 100; i++) {
        zstr_send(actor, "hello");
        expect_string(zactor_sock(actor), "hello", check);
    }
    zactor_destroy(&actor);
    puts("ok  zactor: 100 echoes, then $TERM");
}

static void check_poller(void) {
    const char *check = "zpoller";
    zsock_t *quiet = zsock_new_pull("@inproc://czmq-quiet");
    zsock_t *busy = zsock_new_pull("@inproc://czmq-busy");
    zsock_t *sender = zsock_new_push(">inproc://czmq-busy");
    expect(quiet && busy && sender, check, "sockets");
    zpoller_t *poller = zpoller_new(quiet, busy, NULL);
    expect(poller != NULL, check, "zpoller_new");
    expect(zpoller_wait(poller, 50) == NULL && zpoller_expired(poller), check, "a wait with nothing to read expires");
    zstr_send(sender, "ready");
    void *which = zpoller_wait(poller, RECEIVE_TIMEOUT_MS);
    expect(which == busy, check, "the socket with a message is returned");
    expect_string(busy, "ready", check);
    zpoller_destroy(&poller);
    zsock_destroy(&sender);
    zsock_destroy(&busy);
    zsock_destroy(&quiet);
    puts("ok  zpoller: expiry, then the ready socket");
}

static int count_and_stop(zloop_t *loop, zsock_t *reader, void *arg) {
    (void)loop;
    int *received = arg;
    char *text = zstr_recv(reader);
    zstr_free(&text);
    return ++*received == 10 ? -1 : 0;
}

static int send_one(zloop_t *loop, int timer_id, void *arg) {
    (void)loop;
    (void)timer_id;
    return zstr_send(arg, "tick");
}

static int stop_loop(zloop_t *loop, int timer_id, void *arg) {
    (void)loop;
    (void)timer_id;
    (void)arg;
    return -1;
}

static void check_loop(void) {
    const char *check = "zloop";
    zsock_t *pull = zsock_new_pull("@inproc://czmq-loop");
    zsock_t *push = zsock_new_push(">inproc://czmq-loop");
    expect(pull && push, check, "sockets");
    zloop_t *loop = zloop_new();
    int received = 0;
    expect(zloop_reader(loop, pull, count_and_stop, &received) == 0, check, "zloop_reader");
    expect(zloop_timer(loop, 1, 10, send_one, push) >= 0, check, "zloop_timer");
    expect(zloop_timer(loop, RECEIVE_TIMEOUT_MS, 1, stop_loop, NULL) >= 0, check, "the loop's time limit");
    zloop_start(loop);
    expect(received == 10, check, "ten timer messages read by the reader");
    zloop_destroy(&loop);
    zsock_destroy(&push);
    zsock_destroy(&pull);
    puts("ok  zloop: a timer's ten messages through a reader");
}

static void check_proxy(void) {
    const char *check = "zproxy";
    zactor_t *proxy = zactor_new(zproxy, NULL);
    expect(proxy != NULL, check, "zactor_new");
    zstr_sendx(proxy, "FRONTEND", "PULL", "inproc://czmq-front", NULL);
    zsock_wait(proxy);
    zstr_sendx(proxy, "BACKEND", "PUSH", "inproc://czmq-back", NULL);
    zsock_wait(proxy);
    zsock_t *producer = zsock_new_push(">inproc://czmq-front");
    zsock_t *consumer = with_timeout(zsock_new_pull(">inproc://czmq-back"));
    expect(producer && consumer, check, "sockets");
    zstr_send(producer, "through");
    expect_string(consumer, "through", check);
    zstr_sendx(proxy, "PAUSE", NULL);
    zsock_wait(proxy);
    zstr_sendx(proxy, "RESUME", NULL);
    zsock_wait(proxy);
    zstr_send(producer, "again");
    expect_string(consumer, "again", check);
    zsock_destroy(&consumer);
    zsock_destroy(&producer);
    zactor_destroy(&proxy);
    puts("ok  zproxy: PULL to PUSH, paused and resumed");
}

/* Reads zmonitor's event messages until one named `wanted`. */
static void expect_event(zactor_t *monitor, const char *wanted, const char *check) {
    while (true) {
        zmsg_t *event = zmsg_recv(monitor);
        expect(event != NULL, check, wanted);
        char *name = zmsg_popstr(event);
        const int found = name && streq(name, wanted);
        zstr_free(&name);
        zmsg_destroy(&event);
        if (found)
            return;
    }
}

static void check_monitor(void) {
    const char *check = "zmonitor";
    zsock_t *server = zsock_new(ZMQ_PULL);
    expect(server != NULL, check, "zsock_new");
    zactor_t *monitor = zactor_new(zmonitor, server);
    expect(monitor != NULL, check, "zactor_new");
    zsock_set_rcvtimeo(zactor_sock(monitor), RECEIVE_TIMEOUT_MS);
    zstr_sendx(monitor, "LISTEN", "LISTENING", "ACCEPTED", NULL);
    zstr_sendx(monitor, "START", NULL);
    zsock_wait(monitor);
    const int port = zsock_bind(server, "tcp://127.0.0.1:*");
    expect(port > 0, check, "zsock_bind to an ephemeral port");
    expect_event(monitor, "LISTENING", check);
    zsock_t *client = zsock_new_push(NULL);
    expect(client && zsock_connect(client, "tcp://127.0.0.1:%d", port) == 0, check, "zsock_connect");
    expect_event(monitor, "ACCEPTED", check);
    zactor_destroy(&monitor);
    zsock_destroy(&client);
    zsock_destroy(&server);
    puts("ok  zmonitor: LISTENING, then ACCEPTED");
}

/* A CURVE PULL guarded by zauth, watched by zmonitor, and a PUSH with the
 * server's key that sends one message: zauth's answer decides whether the
 * handshake succeeds (the message arrives) or fails on authentication. */
static int curve_client_allowed(zcert_t *server_cert, zcert_t *client_cert) {
    const char *check = "zauth";
    zsock_t *server = with_timeout(zsock_new(ZMQ_PULL));
    expect(server != NULL, check, "zsock_new");
    zcert_apply(server_cert, server);
    zsock_set_curve_server(server, 1);
    zsock_set_zap_domain(server, "czmq");
    zactor_t *monitor = zactor_new(zmonitor, server);
    zsock_set_rcvtimeo(zactor_sock(monitor), RECEIVE_TIMEOUT_MS);
    zstr_sendx(monitor, "LISTEN", "HANDSHAKE_SUCCEEDED", "HANDSHAKE_FAILED_AUTH", NULL);
    zstr_sendx(monitor, "START", NULL);
    zsock_wait(monitor);
    const int port = zsock_bind(server, "tcp://127.0.0.1:*");
    zsock_t *client = zsock_new(ZMQ_PUSH);
    expect(port > 0 && client != NULL, check, "bind, client");
    zcert_apply(client_cert, client);
    zsock_set_curve_serverkey(client, zcert_public_txt(server_cert));
    zsock_set_linger(client, 0);
    expect(zsock_connect(client, "tcp://127.0.0.1:%d", port) == 0, check, "zsock_connect");
    zstr_send(client, "sealed");
    zmsg_t *event = zmsg_recv(monitor);
    expect(event != NULL, check, "no handshake event");
    char *name = zmsg_popstr(event);
    const int allowed = name && streq(name, "HANDSHAKE_SUCCEEDED");
    zstr_free(&name);
    zmsg_destroy(&event);
    if (allowed)
        expect_string(server, "sealed", check);
    zactor_destroy(&monitor);
    zsock_destroy(&client);
    zsock_destroy(&server);
    return allowed;
}

static void check_curve_with_zauth(void) {
    const char *check = "zauth";
    zactor_t *auth = zactor_new(zauth, NULL);
    expect(auth != NULL, check, "zactor_new");
    zcert_t *server_cert = zcert_new();
    zcert_t *client_cert = zcert_new();
    expect(server_cert && client_cert, check, "zcert_new");
    /* No CURVE policy yet: zauth refuses every CURVE client. */
    expect(!curve_client_allowed(server_cert, client_cert), check, "a client was allowed before CURVE was");
    zstr_sendx(auth, "CURVE", CURVE_ALLOW_ANY, NULL);
    zsock_wait(auth);
    expect(curve_client_allowed(server_cert, client_cert), check, "an allowed client was refused");
    zcert_destroy(&client_cert);
    zcert_destroy(&server_cert);
    zactor_destroy(&auth);
    puts("ok  zauth: CURVE refused without a policy, allowed with CURVE *");
}

static void check_socket_options(void) {
    const char *check = "zsock options";
    zsock_t *sock = zsock_new(ZMQ_DEALER);
    expect(sock != NULL, check, "zsock_new");
    zsock_set_sndhwm(sock, 123);
    zsock_set_rcvhwm(sock, 456);
    zsock_set_linger(sock, 10);
    zsock_set_identity(sock, "czmq-dealer");
    zsock_set_tcp_keepalive(sock, 1);
    zsock_set_immediate(sock, 1);
    zsock_set_ipv6(sock, 1);
    expect(zsock_sndhwm(sock) == 123 && zsock_rcvhwm(sock) == 456, check, "HWMs");
    expect(zsock_linger(sock) == 10 && zsock_tcp_keepalive(sock) == 1, check, "linger, keepalive");
    expect(zsock_immediate(sock) == 1 && zsock_ipv6(sock) == 1, check, "immediate, ipv6");
    char *routing_id = zsock_identity(sock);
    expect(routing_id && streq(routing_id, "czmq-dealer"), check, "routing id");
    zstr_free(&routing_id);
    expect(zsock_type(sock) == ZMQ_DEALER && streq(zsock_type_str(sock), "DEALER"), check, "type");
    expect(zsock_fd(sock) >= 0, check, "ZMQ_FD");
    expect((zsock_events(sock) & ZMQ_POLLIN) == 0, check, "ZMQ_EVENTS");
    zsock_destroy(&sock);
    puts("ok  zsock options: set and read back");
}

int main(int argc, char **argv) {
    if (argc > 2 && streq(argv[1], "--library"))
        expect(libzmq_mapped_only_from(argv[2]), "library", "libzmq.so.5 is not (only) the one in the directory given");
    zsys_init();
    report_library();
    check_push_pull_over_tcp();
    check_multipart_zmsg();
    check_actor();
    check_poller();
    check_loop();
    check_proxy();
    check_monitor();
    check_curve_with_zauth();
    check_socket_options();
    zsys_shutdown();
    puts("all czmq checks passed");
    return 0;
}
