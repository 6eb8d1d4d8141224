//  Message queue broker: rrbroker's ROUTER and DEALER, joined by the
//  built-in zmq_proxy instead of a hand-written loop. Runs until
//  interrupted, when zmq_proxy returns.
#include "zhelpers.h"

int main (void)
{
    void *context = zmq_ctx_new ();
    void *frontend = zmq_socket (context, ZMQ_ROUTER);  //  faces clients
    int rc = zmq_bind (frontend, "tcp://127.0.0.1:5559");
    assert (rc == 0);
    void *backend = zmq_socket (context, ZMQ_DEALER);  //  faces services
    rc = zmq_bind (backend, "tcp://127.0.0.1:5560");
    assert (rc == 0);
    s_catch_signals ();

    zmq_proxy (frontend, backend, NULL);

    zmq_close (frontend);
    zmq_close (backend);
    zmq_ctx_destroy (context);
    return 0;
}
