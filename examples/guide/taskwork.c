//  Task worker: pulls workloads from the ventilator (tcp://localhost:5557),
//  does each one (sleeps that many msecs) and pushes an empty result to the
//  sink (tcp://localhost:5558). Runs until interrupted.
#include "pipeline.h"

int main (void)
{
    void *context = zmq_ctx_new ();
    void *receiver = zmq_socket (context, ZMQ_PULL);
    zmq_connect (receiver, "tcp://localhost:5557");
    void *sender = zmq_socket (context, ZMQ_PUSH);
    zmq_connect (sender, "tcp://localhost:5558");
    s_catch_signals ();

    while (!s_interrupted) {
        char *string = s_recv (receiver);
        if (!string)
            break;  //  interrupted
        do_task (string, sender);
        free (string);
    }
    zmq_close (receiver);
    zmq_close (sender);
    zmq_ctx_destroy (context);
    return 0;
}
