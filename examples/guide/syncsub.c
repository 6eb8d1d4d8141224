//  Synchronized subscriber: subscribes to the publisher (tcp port 5561),
//  waits for its first "HELLO" (then the subscription is in place), checks
//  in over REQ-REP (tcp port 5562), and counts the updates until "END".
#include "zhelpers.h"

int main (void)
{
    void *context = zmq_ctx_new ();
    void *subscriber = zmq_socket (context, ZMQ_SUB);
    zmq_connect (subscriber, "tcp://localhost:5561");
    zmq_setsockopt (subscriber, ZMQ_SUBSCRIBE, "", 0);

    //  The first HELLO proves the publisher sees our subscription
    char *string = s_recv (subscriber);
    free (string);

    void *syncclient = zmq_socket (context, ZMQ_REQ);
    zmq_connect (syncclient, "tcp://localhost:5562");
    s_send (syncclient, "");
    string = s_recv (syncclient);
    free (string);

    int update_nbr = 0;
    while (1) {
        string = s_recv (subscriber);
        if (!string)
            break;
        int is_end = strcmp (string, "END") == 0;
        int is_hello = strcmp (string, "HELLO") == 0;
        free (string);
        if (is_end)
            break;
        if (!is_hello)
            update_nbr++;
    }
    printf ("Received %d updates\n", update_nbr);

    zmq_close (subscriber);
    zmq_close (syncclient);
    zmq_ctx_destroy (context);
    return 0;
}
