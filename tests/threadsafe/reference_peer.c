/* A peer on the reference libzmq 4.3.4 with its draft API, in a process of
 * its own, for the interop tests of the thread-safe types
 * (interop_reference.cpp). It prints "ready ENDPOINT" once bound or
 * connected, then:
 *   echo TYPE bind|connect ENDPOINT
 *       sends every message it receives back (to the routing id it came
 *       from, for SERVER and PEER); a CLIENT, or a PEER or CHANNEL that
 *       connects, first sends "hello"; ends at the message "quit".
 *   send TYPE bind|connect ENDPOINT COUNT
 *       sends "0" .. "COUNT-1", then "quit", and ends.
 *   print TYPE bind|connect ENDPOINT
 *       prints each message it receives on a line; ends at "quit".
 * TYPE is CLIENT, SERVER, SCATTER, GATHER, PEER or CHANNEL. */
#define ZMQ_BUILD_DRAFT_API
#include <zmq.h>

#include "peer_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int type_named(const char *name) {
    static const struct { const char *name; int type; } types[] = {
        {"CLIENT", ZMQ_CLIENT}, {"SERVER", ZMQ_SERVER}, {"SCATTER", ZMQ_SCATTER},
        {"GATHER", ZMQ_GATHER}, {"PEER", ZMQ_PEER},     {"CHANNEL", ZMQ_CHANNEL}};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; ++i)
        if (strcmp(types[i].name, name) == 0)
            return types[i].type;
    return -1;
}


static void send_text(void *s, const char *text, uint32_t routing_id) {
    zmq_msg_t m;
    zmq_msg_init_size(&m, strlen(text));
    memcpy(zmq_msg_data(&m), text, strlen(text));
    if (routing_id)
        zmq_msg_set_routing_id(&m, routing_id);
    if (zmq_msg_send(&m, s, 0) < 0)
        fail("send");
}

/* Opens the socket; the routing id of the peer a PEER connected to. */
static uint32_t start(void *s, int type, const char *how, const char *endpoint) {
    uint32_t peer = 0;
    char bound[256] = "";
    size_t size = sizeof bound;
    if (strcmp(how, "bind") == 0) {
        if (zmq_bind(s, endpoint) < 0)
            fail("bind");
        zmq_getsockopt(s, ZMQ_LAST_ENDPOINT, bound, &size);
    } else if (type == ZMQ_PEER) {
        if ((peer = zmq_connect_peer(s, endpoint)) == 0)
            fail("connect_peer");
    } else if (zmq_connect(s, endpoint) < 0) {
        fail("connect");
    }
    printf("ready %s\n", bound[0] ? bound : endpoint);
    fflush(stdout);
    return peer;
}

int main(int argc, char **argv) {
    if (argc < 5 || type_named(argv[2]) < 0) {
        fprintf(stderr, "usage: reference_peer echo|send|print TYPE bind|connect ENDPOINT [COUNT]\n");
        return 2;
    }
    const int type = type_named(argv[2]);
    void *ctx = zmq_ctx_new();
    void *s = zmq_socket(ctx, type);
    const uint32_t connected_peer = start(s, type, argv[3], argv[4]);
    const int connects = strcmp(argv[3], "connect") == 0;
    if (strcmp(argv[1], "send") == 0) {
        const int count = argc > 5 ? atoi(argv[5]) : 1;
        char text[32];
        for (int i = 0; i < count; ++i) {
            snprintf(text, sizeof text, "%d", i);
            send_text(s, text, connected_peer);
        }
        send_text(s, "quit", connected_peer);
    } else {
        const int echo = strcmp(argv[1], "echo") == 0;
        if (echo && (type == ZMQ_CLIENT || (connects && (type == ZMQ_PEER || type == ZMQ_CHANNEL))))
            send_text(s, "hello", connected_peer);
        for (;;) {
            zmq_msg_t m;
            char text[256];
            receive_text(s, &m, text);
            const uint32_t from = zmq_msg_routing_id(&m);
            zmq_msg_close(&m);
            if (strcmp(text, "quit") == 0)
                break;
            if (echo) {
                send_text(s, text, from);
            } else {
                printf("%s\n", text);
                fflush(stdout);
            }
        }
    }
    int linger = 1000;
    zmq_setsockopt(s, ZMQ_LINGER, &linger, sizeof linger);
    zmq_close(s);
    zmq_ctx_term(ctx);
    return 0;
}
