//  Task sink: binds a PULL socket on tcp port 5558, waits for the start of
//  a batch, collects its results and reports how long the batch took.
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

    collect_batch (receiver, results);

    zmq_close (receiver);
    zmq_ctx_destroy (context);
    return 0;
}
