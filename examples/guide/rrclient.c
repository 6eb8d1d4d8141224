//  Request-reply client: a REQ socket connected to the broker's frontend
//  (tcp://localhost:5559) sends "Hello" and waits for "World", ten times.
//
//  Option: -n requests (default 10).
#include "options.h"
#include "zhelpers.h"

int main (int argc, char *argv[])
{
    int requests = option_int (argc, argv, 'n', 10);

    void *context = zmq_ctx_new ();
    void *requester = zmq_socket (context, ZMQ_REQ);
    zmq_connect (requester, "tcp://localhost:5559");

    int request_nbr;
    for (request_nbr = 0; request_nbr != requests; request_nbr++) {
        s_send (requester, "Hello");
        char *string = s_recv (requester);
        if (!string)
            break;
        printf ("Received reply %d [%s]\n", request_nbr, string);
        fflush (stdout);
        free (string);
    }
    zmq_close (requester);
    zmq_ctx_destroy (context);
    return request_nbr == requests ? 0 : 1;
}
