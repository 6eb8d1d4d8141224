//  Request-reply broker: a ROUTER for clients (tcp port 5559) and a DEALER
//  for workers (tcp port 5560), with a zmq_poll loop that moves each whole
//  message, frame by frame, to the other side. Runs until interrupted.
#include "zhelpers.h"

//  Moves one message, every frame of it, from one socket to the other.
static void forward_message (void *from, void *to)
{
    zmq_msg_t frame;
    int more = 1;
    zmq_msg_init (&frame);
    while (more && zmq_msg_recv (&frame, from, 0) >= 0) {
        size_t more_size = sizeof more;
        zmq_getsockopt (from, ZMQ_RCVMORE, &more, &more_size);
        zmq_msg_send (&frame, to, more ? ZMQ_SNDMORE : 0);
    }
    zmq_msg_close (&frame);
}

int main (void)
{
    void *context = zmq_ctx_new ();
    void *frontend = zmq_socket (context, ZMQ_ROUTER);
    void *backend = zmq_socket (context, ZMQ_DEALER);
    int rc = zmq_bind (frontend, "tcp://127.0.0.1:5559");
    assert (rc == 0);
    rc = zmq_bind (backend, "tcp://127.0.0.1:5560");
    assert (rc == 0);
    s_catch_signals ();

    zmq_pollitem_t items[] = {
        { frontend, 0, ZMQ_POLLIN, 0 },
        { backend, 0, ZMQ_POLLIN, 0 }
    };
    while (zmq_poll (items, 2, -1) >= 0) {
        if (items[0].revents & ZMQ_POLLIN)
            forward_message (frontend, backend);
        if (items[1].revents & ZMQ_POLLIN)
            forward_message (backend, frontend);
    }
    //  Interrupted
    zmq_close (frontend);
    zmq_close (backend);
    zmq_ctx_destroy (context);
    return 0;
}
