/* A RADIO or DISH on the reference libzmq 4.3.4 with its draft API, in a
 * process of its own, for the interop tests of RADIO and DISH
 * (interop_radio_dish.cpp). It prints "ready ENDPOINT" once bound or
 * connected, then:
 *   radio bind|connect ENDPOINT GROUP
 *       sends "N" to GROUP and "other-N" to the group "other", N = 0, 1,
 *       ..., one pair every 10 ms, until its stdin is closed.
 *   dish bind|connect ENDPOINT GROUP
 *       joins GROUP and prints each message it receives as "GROUP BODY";
 *       ends at the body "quit".
 * ENDPOINT may be udp://: a dish binds it, a radio connects. */
#define ZMQ_BUILD_DRAFT_API
#include <zmq.h>

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fail(const char *what) {
    printf("error %s: %s\n", what, zmq_strerror(zmq_errno()));
    fflush(stdout);
    exit(1);
}

static void send_to(void *s, const char *group, const char *text) {
    zmq_msg_t m;
    zmq_msg_init_size(&m, strlen(text));
    memcpy(zmq_msg_data(&m), text, strlen(text));
    if (zmq_msg_set_group(&m, group) < 0)
        fail("set_group");
    if (zmq_msg_send(&m, s, 0) < 0)
        fail("send");
}

static void start(void *s, const char *how, const char *endpoint) {
    char bound[256] = "";
    size_t size = sizeof bound;
    if (strcmp(how, "bind") == 0) {
        if (zmq_bind(s, endpoint) < 0)
            fail("bind");
        zmq_getsockopt(s, ZMQ_LAST_ENDPOINT, bound, &size);
    } else if (zmq_connect(s, endpoint) < 0) {
        fail("connect");
    }
    printf("ready %s\n", bound[0] ? bound : endpoint);
    fflush(stdout);
}

/* Until stdin closes: the 10 ms between sends is the pace, not a wait for
 * anything (the test stops us once it has seen what it wanted). */
static void broadcast(void *s, const char *group) {
    struct pollfd input = {0, POLLIN, 0};
    char text[32];
    for (int i = 0; poll(&input, 1, 10) == 0; ++i) {
        snprintf(text, sizeof text, "%d", i);
        send_to(s, group, text);
        snprintf(text, sizeof text, "other-%d", i);
        send_to(s, "other", text);
    }
}

static void print_received(void *s) {
    for (;;) {
        zmq_msg_t m;
        zmq_msg_init(&m);
        if (zmq_msg_recv(&m, s, 0) < 0)
            fail("recv");
        char text[256];
        const size_t n = zmq_msg_size(&m) < sizeof text - 1 ? zmq_msg_size(&m) : sizeof text - 1;
        memcpy(text, zmq_msg_data(&m), n);
        text[n] = '\0';
        printf("%s %s\n", zmq_msg_group(&m), text);
        fflush(stdout);
        zmq_msg_close(&m);
        if (strcmp(text, "quit") == 0)
            return;
    }
}

int main(int argc, char **argv) {
    const int radio = argc == 5 && strcmp(argv[1], "radio") == 0;
    if (argc != 5 || (!radio && strcmp(argv[1], "dish") != 0)) {
        fprintf(stderr, "usage: radio_dish_peer radio|dish bind|connect ENDPOINT GROUP\n");
        return 2;
    }
    void *ctx = zmq_ctx_new();
    void *s = zmq_socket(ctx, radio ? ZMQ_RADIO : ZMQ_DISH);
    if (!radio && zmq_join(s, argv[4]) < 0)
        fail("join");
    start(s, argv[2], argv[3]);
    if (radio)
        broadcast(s, argv[4]);
    else
        print_received(s);
    int linger = 0;
    zmq_setsockopt(s, ZMQ_LINGER, &linger, sizeof linger);
    zmq_close(s);
    zmq_ctx_term(ctx);
    return 0;
}
