//  Task worker, design 2: as taskwork, and also subscribed to the sink's
//  control channel (tcp://localhost:5559); any message there means KILL.
#include "pipeline.h"

int main (void)
{
    void *context = zmq_ctx_new ();
    void *receiver = zmq_socket (context, ZMQ_PULL);
    zmq_connect (receiver, "tcp://localhost:5557");
    void *sender = zmq_socket (context, ZMQ_PUSH);
    zmq_connect (sender, "tcp://localhost:5558");
    void *controller = zmq_socket (context, ZMQ_SUB);
    zmq_connect (controller, "tcp://localhost:5559");
    zmq_setsockopt (controller, ZMQ_SUBSCRIBE, "", 0);

    zmq_pollitem_t items[] = {
        { receiver, 0, ZMQ_POLLIN, 0 },
        { controller, 0, ZMQ_POLLIN, 0 }
    };
    while (1) {
        if (zmq_poll (items, 2, -1) < 0)
            break;  //  interrupted
        if (items[0].revents & ZMQ_POLLIN) {
            char *string = s_recv (receiver);
            if (!string)
                break;  //  interrupted
            do_task (string, sender);
            free (string);
        }
        if (items[1].revents & ZMQ_POLLIN)
            break;  //  the kill signal
    }
    zmq_close (receiver);
    zmq_close (sender);
    zmq_close (controller);
    zmq_ctx_destroy (context);
    return 0;
}
