//  Task sink, design 2: as tasksink, and when the batch is done it
//  publishes KILL on tcp port 5559 so the workers end.
//
//  Option: -n results in a batch (default 100).
#include "options.h"
#include "pipeline.h"

int main (int argc, char *argv[])
{
    int results = option_int (argc, argv, 'n', 100);

    void *context = zmq_ctx_new ();
    void *receiver = zmq_socket (context, ZMQ_PULL);
    int rc = zmq_bind (receiver, "tcp://127.0.0.1:5558");
    assert (rc == 0);
    void *controller = zmq_socket (context, ZMQ_PUB);
    rc = zmq_bind (controller, "tcp://127.0.0.1:5559");
    assert (rc == 0);

    collect_batch (receiver, results);

    //  Tell the workers to end; closing with the default linger delivers it
    s_send (controller, "KILL");

    zmq_close (controller);
    zmq_close (receiver);
    zmq_ctx_destroy (context);
    return 0;
}
