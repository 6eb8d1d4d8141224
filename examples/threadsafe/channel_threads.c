/* A CHANNEL between two threads: the thread-safe PAIR. A worker thread
 * gets numbers over the channel and sends back their squares; the main
 * thread checks each. Exits 0 when all came back right. */
#include <zmq.h>

#include <pthread.h>
#include <stdio.h>

enum { count = 10000 };

static void *worker(void *channel) {
    for (;;) {
        long n;
        if (zmq_recv(channel, &n, sizeof n, 0) != sizeof n)
            return "failed";
        if (n < 0)
            return NULL;  /* the end */
        const long square = n * n;
        if (zmq_send(channel, &square, sizeof square, 0) != sizeof square)
            return "failed";
    }
}

int main(void) {
    void *ctx = zmq_ctx_new();
    void *ours = zmq_socket(ctx, ZMQ_CHANNEL);
    void *theirs = zmq_socket(ctx, ZMQ_CHANNEL);
    zmq_bind(ours, "inproc://squares");
    zmq_connect(theirs, "inproc://squares");
    pthread_t id;
    pthread_create(&id, NULL, worker, theirs);
    int wrong = 0;
    for (long n = 0; n < count; ++n) {
        long square = -1;
        if (zmq_send(ours, &n, sizeof n, 0) != sizeof n || zmq_recv(ours, &square, sizeof square, 0) != sizeof square ||
            square != n * n)
            ++wrong;
    }
    const long end = -1;
    zmq_send(ours, &end, sizeof end, 0);
    void *result;
    pthread_join(id, &result);
    printf("%d squares over a CHANNEL, %d wrong\n", count, wrong);
    zmq_close(ours);
    zmq_close(theirs);
    zmq_ctx_term(ctx);
    return wrong || result ? 1 : 0;
}
