//  Shutting down cleanly on Ctrl-C: the signal handler only sets a flag;
//  the blocking zmq_recv returns with EINTR, the loop sees the flag, and
//  the program closes its socket and context before it ends.
//
//  A REP server on tcp port 5555 that answers "World", until interrupted.
#include "zhelpers.h"

int main (void)
{
    void *context = zmq_ctx_new ();
    void *socket = zmq_socket (context, ZMQ_REP);
    s_catch_signals ();
    int rc = zmq_bind (socket, "tcp://127.0.0.1:5555");
    assert (rc == 0);

    while (1) {
        //  A blocking read ends on a signal
        char buffer[255];
        rc = zmq_recv (socket, buffer, sizeof buffer, 0);
        if (s_interrupted) {
            printf ("W: interrupt received, killing server...\n");
            break;
        }
        if (rc >= 0)
            zmq_send (socket, "World", 5, 0);
    }
    zmq_close (socket);
    zmq_ctx_destroy (context);
    return 0;
}
