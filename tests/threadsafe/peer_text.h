/* What the C peers on the reference libzmq (reference_peer.c,
 * radio_dish_peer.c) share: failing loudly, and receiving a message whose
 * body they print or echo as text. */
#ifndef ZMX_TESTS_PEER_TEXT_H
#define ZMX_TESTS_PEER_TEXT_H

#include <zmq.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Prints why to the test reading our stdout, and ends the peer. */
static void fail(const char *what) {
    printf("error %s: %s\n", what, zmq_strerror(zmq_errno()));
    fflush(stdout);
    exit(1);
}

/* Receives the next message into m (the caller closes it) and its body,
 * cut to 255 bytes and NUL-terminated, into text. */
static void receive_text(void *s, zmq_msg_t *m, char text[256]) {
    zmq_msg_init(m);
    if (zmq_msg_recv(m, s, 0) < 0)
        fail("recv");
    const size_t n = zmq_msg_size(m) < 255 ? zmq_msg_size(m) : 255;
    memcpy(text, zmq_msg_data(m), n);
    text[n] = '\0';
}

#endif
