//  Multithreaded relay: three steps in three threads signal each other
//  in turn over PAIR sockets on inproc endpoints. Each step binds before it
//  starts the step upstream of it, so no signal can be lost.
#include "zhelpers.h"

static void *step1 (void *context)
{
    //  Signal downstream to step 2
    void *xmitter = zmq_socket (context, ZMQ_PAIR);
    zmq_connect (xmitter, "inproc://step2");
    printf ("Step 1 ready, signaling step 2\n");
    s_send (xmitter, "READY");
    zmq_close (xmitter);
    return NULL;
}

static void *step2 (void *context)
{
    //  Bind before starting step 1
    void *receiver = zmq_socket (context, ZMQ_PAIR);
    zmq_bind (receiver, "inproc://step2");
    pthread_t thread;
    pthread_create (&thread, NULL, step1, context);

    //  Wait for the signal, then pass it on
    char *string = s_recv (receiver);
    free (string);
    zmq_close (receiver);
    pthread_join (thread, NULL);

    void *xmitter = zmq_socket (context, ZMQ_PAIR);
    zmq_connect (xmitter, "inproc://step3");
    printf ("Step 2 ready, signaling step 3\n");
    s_send (xmitter, "READY");
    zmq_close (xmitter);
    return NULL;
}

int main (void)
{
    void *context = zmq_ctx_new ();

    //  Bind before starting step 2
    void *receiver = zmq_socket (context, ZMQ_PAIR);
    zmq_bind (receiver, "inproc://step3");
    pthread_t thread;
    pthread_create (&thread, NULL, step2, context);

    char *string = s_recv (receiver);
    free (string);
    zmq_close (receiver);
    pthread_join (thread, NULL);

    printf ("Test successful!\n");
    zmq_ctx_destroy (context);
    return 0;
}
