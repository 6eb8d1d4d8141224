/*  A 2.x program in C99: messages for zmq_send and zmq_recv, a 64-bit
    ZMQ_HWM and ZMQ_RCVMORE, a poll timeout in microseconds, and the
    guide's helpers (zhelpers.h) in their 2.x form. Prints "2.x API: ok"
    when all of it behaves; an assert stops it otherwise. */
#include "zhelpers.h"

static void request_reply (void *context)
{
    void *server = zmq_socket (context, ZMQ_REP);
    void *client = zmq_socket (context, ZMQ_REQ);
    zmq_msg_t message;
    assert (zmq_bind (server, "inproc://hello") == 0);
    assert (zmq_connect (client, "inproc://hello") == 0);

    zmq_msg_init_size (&message, 6);
    memcpy (zmq_msg_data (&message), "Hello", 6);
    assert (zmq_send (client, &message, 0) == 0);
    zmq_msg_close (&message);

    zmq_msg_init (&message);
    assert (zmq_recv (server, &message, 0) == 0);
    assert (strcmp ((char *) zmq_msg_data (&message), "Hello") == 0);
    zmq_msg_close (&message);

    assert (s_send (server, "World") == 0);
    {
        char *reply = s_recv (client);
        assert (strcmp (reply, "World") == 0);
        free (reply);
    }
    zmq_close (client);
    zmq_close (server);
}

static void multipart_and_options (void *context)
{
    void *pull = zmq_socket (context, ZMQ_UPSTREAM);
    void *push = zmq_socket (context, ZMQ_DOWNSTREAM);
    uint64_t hwm = 10;
    int64_t more = -1;
    size_t more_size = sizeof more;
    zmq_msg_t message;
    assert (zmq_setsockopt (push, ZMQ_HWM, &hwm, sizeof hwm) == 0);
    assert (zmq_bind (pull, "inproc://parts") == 0);
    assert (zmq_connect (push, "inproc://parts") == 0);

    assert (s_sendmore (push, "key") == 0);
    assert (s_send (push, "value") == 0);
    zmq_msg_init (&message);
    assert (zmq_recv (pull, &message, 0) == 0);
    assert (zmq_getsockopt (pull, ZMQ_RCVMORE, &more, &more_size) == 0);
    assert (more == 1 && more_size == sizeof more);
    assert (zmq_recv (pull, &message, 0) == 0);
    assert (zmq_getsockopt (pull, ZMQ_RCVMORE, &more, &more_size) == 0);
    assert (more == 0);
    zmq_msg_close (&message);

    /*  Nothing waits: a 10 msec poll times out, a NOBLOCK recv is EAGAIN */
    {
        zmq_pollitem_t items[1];
        items[0].socket = pull;
        items[0].fd = 0;
        items[0].events = ZMQ_POLLIN;
        items[0].revents = 0;
        assert (zmq_poll (items, 1, 10 * ZMQ_POLL_MSEC) == 0);
    }
    zmq_msg_init (&message);
    assert (zmq_recv (pull, &message, ZMQ_NOBLOCK) == -1 && errno == EAGAIN);
    zmq_msg_close (&message);
    zmq_close (push);
    zmq_close (pull);
}

int main (void)
{
    void *context = zmq_init (1);
    assert (context);
    request_reply (context);
    multipart_and_options (context);
    assert (zmq_term (context) == 0);
    printf ("2.x API: ok\n");
    return 0;
}
