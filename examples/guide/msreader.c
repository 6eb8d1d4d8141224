//  Reads from two sockets in one loop without zmq_poll: tasks from the
//  ventilator (tcp://localhost:5557) first, then weather updates for
//  zipcode 10001 (tcp://localhost:5556); with nothing to read, it naps for
//  a msec and looks again.
//
//  Options: -t tasks -u updates: end once that many of each have arrived
//  (default: run until interrupted). It ends by reporting what it read.
#include "options.h"
#include "pipeline.h"

//  Reads every message waiting on the socket; returns how many there were.
static int drain (void *socket)
{
    char buffer[256];
    int count = 0;
    while (zmq_recv (socket, buffer, sizeof buffer, ZMQ_DONTWAIT) >= 0)
        count++;  //  process the task or the weather update
    return count;
}

int main (int argc, char *argv[])
{
    int want_tasks = option_int (argc, argv, 't', -1);
    int want_updates = option_int (argc, argv, 'u', -1);

    void *context = zmq_ctx_new ();
    void *receiver, *subscriber;
    connect_task_and_weather (context, &receiver, &subscriber);
    s_catch_signals ();

    int tasks = 0, updates = 0;
    while (!s_interrupted && (want_tasks < 0 || tasks < want_tasks || updates < want_updates)) {
        tasks += drain (receiver);  //  tasks have priority
        updates += drain (subscriber);
        s_sleep (1);
    }
    printf ("Received %d tasks and %d weather updates\n", tasks, updates);
    zmq_close (receiver);
    zmq_close (subscriber);
    zmq_ctx_destroy (context);
    return 0;
}
