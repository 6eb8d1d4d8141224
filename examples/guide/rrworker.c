//  Request-reply worker: a REP socket connected to the broker's backend
//  (tcp://localhost:5560) answers each request with "World" after a moment
//  of pretend work. Runs until interrupted.
//
//  Option: -w msecs of work per request (default 1000, as in the guide).
#include "options.h"
#include "zhelpers.h"

int main (int argc, char *argv[])
{
    int work_msecs = option_int (argc, argv, 'w', 1000);

    void *context = zmq_ctx_new ();
    void *responder = zmq_socket (context, ZMQ_REP);
    zmq_connect (responder, "tcp://localhost:5560");
    s_catch_signals ();

    while (!s_interrupted) {
        char *string = s_recv (responder);
        if (!string)
            break;  //  interrupted
        printf ("Received request: [%s]\n", string);
        fflush (stdout);
        free (string);
        s_sleep (work_msecs);
        s_send (responder, "World");
    }
    zmq_close (responder);
    zmq_ctx_destroy (context);
    return 0;
}
