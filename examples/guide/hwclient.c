//  Hello World client: a REQ socket connected to tcp://localhost:5555
//  sends "Hello" and waits for the answer, ten times over.
//
//  Option: -n requests (default 10).
#include "options.h"
#include "zhelpers.h"

int main (int argc, char *argv[])
{
    int requests = option_int (argc, argv, 'n', 10);
    int request_nbr;

    printf ("Connecting to hello world server...\n");
    void *context = zmq_ctx_new ();
    void *requester = zmq_socket (context, ZMQ_REQ);
    zmq_connect (requester, "tcp://localhost:5555");

    for (request_nbr = 0; request_nbr != requests; request_nbr++) {
        char buffer[10];
        printf ("Sending Hello %d...\n", request_nbr);
        fflush (stdout);
        zmq_send (requester, "Hello", 5, 0);
        int size = zmq_recv (requester, buffer, sizeof buffer, 0);
        if (size < 0)
            break;
        printf ("Received %.*s %d\n", size, buffer, request_nbr);
    }
    zmq_close (requester);
    zmq_ctx_destroy (context);
    return request_nbr == requests ? 0 : 1;
}
