//  Hello World server: a REP socket bound to tcp port 5555 answers each
//  "Hello" with "World" after a moment of pretend work.
//
//  Options: -n requests to serve before ending (default: until interrupted),
//  -w msecs of work per request (default 1000, as in the guide).
#include "options.h"
#include "zhelpers.h"

int main (int argc, char *argv[])
{
    int requests_left = option_int (argc, argv, 'n', -1);
    int work_msecs = option_int (argc, argv, 'w', 1000);

    void *context = zmq_ctx_new ();
    void *responder = zmq_socket (context, ZMQ_REP);
    int rc = zmq_bind (responder, "tcp://127.0.0.1:5555");
    assert (rc == 0);
    s_catch_signals ();

    while (requests_left != 0 && !s_interrupted) {
        char buffer[10];
        if (zmq_recv (responder, buffer, sizeof buffer, 0) < 0)
            break;  //  interrupted
        printf ("Received Hello\n");
        fflush (stdout);
        s_sleep (work_msecs);
        zmq_send (responder, "World", 5, 0);
        if (requests_left > 0)
            requests_left--;
    }
    zmq_close (responder);
    zmq_ctx_destroy (context);
    return 0;
}
