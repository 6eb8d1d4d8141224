/*  Without ZMX_API_V2, zmq.h is libzmq 4.3's: no 2.x name is defined, and
    zmq_send takes a buffer and returns its size. */
#include <assert.h>
#include <zmq.h>

#if defined ZMQ_HWM || defined ZMQ_SWAP || defined ZMQ_MCAST_LOOP || defined ZMQ_UPSTREAM \
    || defined ZMQ_POLL_MSEC || defined zmq_send || defined zmq_poll || defined ZMX_ZMQ_V2_H_INCLUDED
#error "a 2.x name leaked into the 4.x API"
#endif

int main (void)
{
    void *context = zmq_ctx_new ();
    void *pull = zmq_socket (context, ZMQ_PULL);
    void *push = zmq_socket (context, ZMQ_PUSH);
    char buffer[8];
    assert (zmq_bind (pull, "inproc://off") == 0);
    assert (zmq_connect (push, "inproc://off") == 0);
    assert (zmq_send (push, "four", 4, 0) == 4);
    assert (zmq_recv (pull, buffer, sizeof buffer, 0) == 4);
    zmq_close (push);
    zmq_close (pull);
    zmq_ctx_term (context);
    return 0;
}
