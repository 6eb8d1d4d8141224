// The web example's worker: a REP socket connected to the broker's queue
// backend that answers each request with the request in upper case, so the
// page shows a reply that visibly came from somewhere else. Runs until
// SIGINT or SIGTERM.
//
//   web-worker ENDPOINT
#include <zmq.h>

#include <ctype.h>
#include <errno.h>
#include <stdio.h>

int main(int argc, char** argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: web-worker ENDPOINT\n");
        return 2;
    }
    void* context = zmq_ctx_new();
    void* worker = zmq_socket(context, ZMQ_REP);
    // A broker that restarts comes back on the same port: try again soon.
    int reconnect_ms = 100;
    zmq_setsockopt(worker, ZMQ_RECONNECT_IVL, &reconnect_ms, sizeof reconnect_ms);
    if (zmq_connect(worker, argv[1]) != 0) {
        fprintf(stderr, "web-worker: connect %s: %s\n", argv[1], zmq_strerror(errno));
        return 1;
    }
    char request[4096];
    for (;;) {
        const int size = zmq_recv(worker, request, sizeof request, 0);
        if (size < 0)
            break;  // interrupted by a signal, or the context ended
        const int kept = size < (int)sizeof request ? size : (int)sizeof request;  // longer ones are cut
        for (int i = 0; i < kept; ++i)
            request[i] = (char)toupper((unsigned char)request[i]);
        if (zmq_send(worker, request, (size_t)kept, 0) < 0)
            break;
    }
    zmq_close(worker);
    zmq_ctx_term(context);
    return 0;
}
