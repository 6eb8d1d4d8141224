//  Pub-sub envelope publisher: each message is two frames, a key the
//  subscribers filter on ("A" or "B") and the content. One pair a second
//  on tcp port 5563.
//
//  Options: -n pairs to publish (default: until interrupted), -i msecs
//  between pairs (default 1000).
#include "options.h"
#include "zhelpers.h"

int main (int argc, char *argv[])
{
    int pairs_left = option_int (argc, argv, 'n', -1);
    int interval = option_int (argc, argv, 'i', 1000);

    void *context = zmq_ctx_new ();
    void *publisher = zmq_socket (context, ZMQ_PUB);
    int rc = zmq_bind (publisher, "tcp://127.0.0.1:5563");
    assert (rc == 0);
    s_catch_signals ();

    while (pairs_left != 0 && !s_interrupted) {
        s_sendmore (publisher, "A");
        s_send (publisher, "We don't want to see this");
        s_sendmore (publisher, "B");
        s_send (publisher, "We would like to see this");
        s_sleep (interval);
        if (pairs_left > 0)
            pairs_left--;
    }
    zmq_close (publisher);
    zmq_ctx_destroy (context);
    return 0;
}
