/* A wss:// peer on the reference libzmq 4.3.4 (built with GnuTLS), for
 * interop_wss.cpp. TLS-DIR holds server.pem and server.key (a bind's
 * certificate) and ca.pem (what a connect trusts).
 *
 * usage: wss_peer rep|req bind|connect ENDPOINT TLS-DIR
 *   rep: prints "ready ENDPOINT" (the one bound), echoes each request,
 *        exits after echoing "quit";
 *   req: prints "ready", sends a 5-byte and a 1 MiB request, prints
 *        "reply SIZE" for each reply that echoes its request, exits. */
#define ZMQ_BUILD_DRAFT_API
#include <zmq.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fail(const char *what) {
    printf("error %s: %s\n", what, zmq_strerror(zmq_errno()));
    fflush(stdout);
    exit(1);
}

/* Sets option to the text of DIR/NAME. */
static void set_file(void *s, int option, const char *dir, const char *name) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *file = fopen(path, "rb");
    if (!file)
        fail(path);
    static char text[65536];
    const size_t n = fread(text, 1, sizeof text, file);
    fclose(file);
    if (zmq_setsockopt(s, option, text, n) != 0)
        fail("setsockopt");
}

static void echo_until_quit(void *s) {
    for (;;) {
        zmq_msg_t m;
        zmq_msg_init(&m);
        if (zmq_msg_recv(&m, s, 0) < 0)
            fail("recv");
        const int quit = zmq_msg_size(&m) == 4 && memcmp(zmq_msg_data(&m), "quit", 4) == 0;
        if (zmq_msg_send(&m, s, 0) < 0)
            fail("send");
        if (quit)
            return;
    }
}

static void request_twice(void *s) {
    const size_t sizes[] = {5, 1 << 20};
    char *body = malloc(1 << 20), *reply = malloc(1 << 20);
    for (int i = 0; i < 2; ++i) {
        memset(body, 'a' + i, sizes[i]);
        if (zmq_send(s, body, sizes[i], 0) < 0)
            fail("send");
        const int n = zmq_recv(s, reply, 1 << 20, 0);
        if (n < 0)
            fail("recv");
        if ((size_t)n == sizes[i] && memcmp(body, reply, sizes[i]) == 0)
            printf("reply %zu\n", sizes[i]);
        fflush(stdout);
    }
    free(body);
    free(reply);
}

int main(int argc, char **argv) {
    if (argc != 5)
        fail("usage: wss_peer rep|req bind|connect ENDPOINT TLS-DIR");
    const int rep = strcmp(argv[1], "rep") == 0, binds = strcmp(argv[2], "bind") == 0;
    void *ctx = zmq_ctx_new();
    void *s = zmq_socket(ctx, rep ? ZMQ_REP : ZMQ_REQ);
    const int linger = 1000;
    zmq_setsockopt(s, ZMQ_LINGER, &linger, sizeof linger);
    if (binds) {
        set_file(s, ZMQ_WSS_CERT_PEM, argv[4], "server.pem");
        set_file(s, ZMQ_WSS_KEY_PEM, argv[4], "server.key");
        if (zmq_bind(s, argv[3]) != 0)
            fail("bind");
    } else {
        set_file(s, ZMQ_WSS_TRUST_PEM, argv[4], "ca.pem");
        if (zmq_connect(s, argv[3]) != 0)
            fail("connect");
    }
    char endpoint[256];
    size_t size = sizeof endpoint;
    zmq_getsockopt(s, ZMQ_LAST_ENDPOINT, endpoint, &size);
    printf("ready %s\n", endpoint);
    fflush(stdout);
    if (rep)
        echo_until_quit(s);
    else
        request_twice(s);
    zmq_close(s);
    zmq_ctx_term(ctx);
    return 0;
}
