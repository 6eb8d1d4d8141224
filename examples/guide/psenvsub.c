//  Pub-sub envelope subscriber: subscribes to key "B" only, and prints each
//  message as "[key] content".
//
//  Option: -n messages to print (default: until interrupted).
#include "options.h"
#include "zhelpers.h"

int main (int argc, char *argv[])
{
    int messages_left = option_int (argc, argv, 'n', -1);

    void *context = zmq_ctx_new ();
    void *subscriber = zmq_socket (context, ZMQ_SUB);
    zmq_connect (subscriber, "tcp://localhost:5563");
    zmq_setsockopt (subscriber, ZMQ_SUBSCRIBE, "B", 1);
    s_catch_signals ();

    while (messages_left != 0) {
        char *address = s_recv (subscriber);  //  the envelope: the key
        char *contents = address ? s_recv (subscriber) : NULL;
        if (!contents) {
            free (address);
            break;  //  interrupted
        }
        printf ("[%s] %s\n", address, contents);
        fflush (stdout);
        free (address);
        free (contents);
        if (messages_left > 0)
            messages_left--;
    }
    zmq_close (subscriber);
    zmq_ctx_destroy (context);
    return 0;
}
