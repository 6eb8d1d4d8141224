//  Task ventilator: binds a PUSH socket on tcp port 5557 for the workers,
//  tells the sink (tcp://localhost:5558) that a batch starts, and sends the
//  batch: each task is a random workload of 1 to 100 msecs, as text.
//
//  Options: -n tasks (default 100), -m most msecs per task (default 100),
//  -s seed for the workloads (default: the clock), -w workers: start once
//  that many workers are connected instead of when Enter is pressed, -c:
//  send each workload with its terminating NUL, as C strings, the way the
//  2.0 guide's programs read them.
#include "options.h"
#include "zhelpers.h"

//  The monitor that reports each peer whose handshake with the socket
//  completes: then the peer has a queue the socket can load-balance to.
//  Started before the socket binds, so no worker can connect unseen.
static void *watch_handshakes (void *context, void *sender)
{
    int rc = zmq_socket_monitor (sender, "inproc://taskvent.monitor", ZMQ_EVENT_HANDSHAKE_SUCCEEDED);
    assert (rc == 0);
    void *monitor = zmq_socket (context, ZMQ_PAIR);
    rc = zmq_connect (monitor, "inproc://taskvent.monitor");
    assert (rc == 0);
    return monitor;
}

//  Blocks until that many workers are connected, so none misses the batch.
static void wait_for_workers (void *sender, void *monitor, int workers)
{
    while (workers > 0) {
        //  An event is two frames: event number and value, then the endpoint
        char *event = s_recv (monitor);
        char *endpoint = s_recv (monitor);
        if (!event || !endpoint)
            exit (EXIT_FAILURE);  //  interrupted
        free (event);
        free (endpoint);
        workers--;
    }
    zmq_socket_monitor (sender, NULL, 0);
    zmq_close (monitor);
}

int main (int argc, char *argv[])
{
    int tasks = option_int (argc, argv, 'n', 100);
    int most_msecs = option_int (argc, argv, 'm', 100);
    int workers = option_int (argc, argv, 'w', 0);
    size_t terminator = option_set (argc, argv, 'c') ? 1 : 0;

    void *context = zmq_ctx_new ();
    void *sender = zmq_socket (context, ZMQ_PUSH);
    void *monitor = workers > 0 ? watch_handshakes (context, sender) : NULL;
    int rc = zmq_bind (sender, "tcp://127.0.0.1:5557");
    assert (rc == 0);
    void *sink = zmq_socket (context, ZMQ_PUSH);
    zmq_connect (sink, "tcp://localhost:5558");

    if (workers > 0) {
        printf ("Waiting for %d workers to connect...\n", workers);
        fflush (stdout);
        wait_for_workers (sender, monitor, workers);
    }
    else {
        printf ("Press Enter when the workers are ready: ");
        fflush (stdout);
        getchar ();
    }
    printf ("Sending tasks to workers...\n");

    //  The first message is "0" and signals the start of the batch
    s_send (sink, "0");

    srandom ((unsigned) option_int (argc, argv, 's', (int) time (NULL)));
    int total_msec = 0;
    int task_nbr;
    for (task_nbr = 0; task_nbr < tasks; task_nbr++) {
        int workload = randof (most_msecs) + 1;
        char string[12];
        total_msec += workload;
        sprintf (string, "%d", workload);
        zmq_send (sender, string, strlen (string) + terminator, 0);
    }
    printf ("Total expected cost: %d msec\n", total_msec);

    //  Closing with the default linger delivers every queued task first
    zmq_close (sink);
    zmq_close (sender);
    zmq_ctx_destroy (context);
    return 0;
}
