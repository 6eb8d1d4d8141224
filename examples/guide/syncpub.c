//  Synchronized publisher: waits until every expected subscriber has
//  checked in over a REQ-REP pair (tcp port 5562), then publishes a million
//  updates and "END" on tcp port 5561.
//
//  A subscriber's check-in alone cannot prove that its subscription has
//  reached the publisher (that travels on another connection), so while it
//  waits the publisher keeps sending "HELLO": a subscriber that has seen one
//  knows it will see every update, and only then checks in.
//
//  Options: -s subscribers (default 10), -n updates (default 1000000).
#include "options.h"
#include "zhelpers.h"

int main (int argc, char *argv[])
{
    int expected = option_int (argc, argv, 's', 10);
    int updates = option_int (argc, argv, 'n', 1000000);

    void *context = zmq_ctx_new ();
    void *publisher = zmq_socket (context, ZMQ_PUB);
    //  Queue without limit: a publisher drops what a subscriber cannot take
    int unlimited = 0;
    zmq_setsockopt (publisher, ZMQ_SNDHWM, &unlimited, sizeof unlimited);
    int rc = zmq_bind (publisher, "tcp://127.0.0.1:5561");
    assert (rc == 0);
    void *syncservice = zmq_socket (context, ZMQ_REP);
    rc = zmq_bind (syncservice, "tcp://127.0.0.1:5562");
    assert (rc == 0);

    printf ("Waiting for subscribers\n");
    fflush (stdout);
    int subscribers = 0;
    while (subscribers < expected) {
        zmq_pollitem_t item = { syncservice, 0, ZMQ_POLLIN, 0 };
        rc = zmq_poll (&item, 1, 10);
        if (rc < 0)
            break;  //  interrupted
        if (rc == 0) {
            s_send (publisher, "HELLO");
            continue;
        }
        char *string = s_recv (syncservice);
        free (string);
        s_send (syncservice, "");
        subscribers++;
    }
    printf ("Broadcasting messages\n");
    int update_nbr;
    for (update_nbr = 0; update_nbr < updates; update_nbr++)
        s_send (publisher, "Rhubarb");
    s_send (publisher, "END");

    zmq_close (publisher);
    zmq_close (syncservice);
    zmq_ctx_destroy (context);
    return 0;
}
