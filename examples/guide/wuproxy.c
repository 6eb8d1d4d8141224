//  Weather proxy: bridges the weather server to subscribers on another
//  network. An XSUB connects to the server and an XPUB binds for the
//  subscribers; zmq_proxy passes updates one way and subscriptions the
//  other. In the guide the two sides are different networks; here both
//  are loopback: the server at tcp://localhost:5556, subscribers at port
//  8100. Runs until interrupted.
#include "zhelpers.h"

int main (void)
{
    void *context = zmq_ctx_new ();
    void *frontend = zmq_socket (context, ZMQ_XSUB);  //  where the server sits
    zmq_connect (frontend, "tcp://localhost:5556");
    void *backend = zmq_socket (context, ZMQ_XPUB);  //  our public endpoint
    int rc = zmq_bind (backend, "tcp://127.0.0.1:8100");
    assert (rc == 0);
    s_catch_signals ();

    zmq_proxy (frontend, backend, NULL);

    zmq_close (frontend);
    zmq_close (backend);
    zmq_ctx_destroy (context);
    return 0;
}
