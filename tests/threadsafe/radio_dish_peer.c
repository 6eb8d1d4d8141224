/* A RADIO, DISH or DGRAM on the reference libzmq 4.3.4 with its draft API,
 * in a process of its own, for the interop tests of RADIO, DISH and DGRAM
 * (interop_radio_dish.cpp). It prints "ready ENDPOINT" once bound or
 * connected, then:
 *   radio bind|connect ENDPOINT GROUP
 *       sends "N" to GROUP and "other-N" to the group "other", N = 0, 1,
 *       ..., one pair every 10 ms, until its stdin is closed.
 *   dish bind|connect ENDPOINT GROUP
 *       joins GROUP and prints each message it receives as "GROUP BODY";
 *       ends at the body "quit".
 *   dgram bind ENDPOINT TARGET
 *       sends "hello" to TARGET ("ip:port") unless it is "-", then prints
 *       each message it receives as "ADDRESS BODY" and sends it back to
 *       ADDRESS; ends at the body "quit" (not sent back).
 * ENDPOINT may be udp://: a dish binds it, a radio connects. */
#define ZMQ_BUILD_DRAFT_API
#include <zmq.h>

#include "peer_text.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


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
        char text[256];
        receive_text(s, &m, text);
        printf("%s %s\n", zmq_msg_group(&m), text);
        fflush(stdout);
        zmq_msg_close(&m);
        if (strcmp(text, "quit") == 0)
            return;
    }
}

static int receive_part(void *s, char *text, size_t size) {
    const int n = zmq_recv(s, text, size - 1, 0);
    if (n < 0)
        fail("recv");
    text[(size_t)n < size - 1 ? (size_t)n : size - 1] = '\0';
    return n;
}

static void send_pair(void *s, const char *address, const char *body) {
    if (zmq_send(s, address, strlen(address), ZMQ_SNDMORE) < 0 || zmq_send(s, body, strlen(body), 0) < 0)
        fail("send");
}

static void echo_datagrams(void *s, const char *target) {
    if (strcmp(target, "-") != 0)
        send_pair(s, target, "hello");
    for (;;) {
        char address[64], body[256];
        receive_part(s, address, sizeof address);
        receive_part(s, body, sizeof body);
        printf("%s %s\n", address, body);
        fflush(stdout);
        if (strcmp(body, "quit") == 0)
            return;
        send_pair(s, address, body);
    }
}

int main(int argc, char **argv) {
    const char *role = argc == 5 ? argv[1] : "";
    const int type = strcmp(role, "radio") == 0 ? ZMQ_RADIO
                     : strcmp(role, "dish") == 0 ? ZMQ_DISH
                     : strcmp(role, "dgram") == 0 ? ZMQ_DGRAM : -1;
    if (type < 0) {
        fprintf(stderr, "usage: radio_dish_peer radio|dish|dgram bind|connect ENDPOINT GROUP|TARGET\n");
        return 2;
    }
    void *ctx = zmq_ctx_new();
    void *s = zmq_socket(ctx, type);
    if (type == ZMQ_DISH && zmq_join(s, argv[4]) < 0)
        fail("join");
    start(s, argv[2], argv[3]);
    if (type == ZMQ_RADIO)
        broadcast(s, argv[4]);
    else if (type == ZMQ_DISH)
        print_received(s);
    else
        echo_datagrams(s, argv[4]);
    int linger = 0;
    zmq_setsockopt(s, ZMQ_LINGER, &linger, sizeof linger);
    zmq_close(s);
    zmq_ctx_term(ctx);
    return 0;
}
