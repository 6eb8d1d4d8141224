//  Reads from two sockets with zmq_poll: tasks from the ventilator
//  (tcp://localhost:5557) and weather updates for zipcode 10001
//  (tcp://localhost:5556), whichever arrives, with no napping.
//
//  Options: -t tasks -u updates: end once that many of each have arrived
//  (default: run until interrupted). It ends by reporting what it read.
#include "options.h"
#include "pipeline.h"

int main (int argc, char *argv[])
{
    int want_tasks = option_int (argc, argv, 't', -1);
    int want_updates = option_int (argc, argv, 'u', -1);

    void *context = zmq_ctx_new ();
    void *receiver, *subscriber;
    connect_task_and_weather (context, &receiver, &subscriber);

    zmq_pollitem_t items[] = {
        { receiver, 0, ZMQ_POLLIN, 0 },
        { subscriber, 0, ZMQ_POLLIN, 0 }
    };
    int tasks = 0, updates = 0;
    while (want_tasks < 0 || tasks < want_tasks || updates < want_updates) {
        char buffer[256];
        if (zmq_poll (items, 2, -1) < 0)
            break;  //  interrupted
        if ((items[0].revents & ZMQ_POLLIN) && zmq_recv (receiver, buffer, sizeof buffer, 0) >= 0)
            tasks++;  //  process the task
        if ((items[1].revents & ZMQ_POLLIN) && zmq_recv (subscriber, buffer, sizeof buffer, 0) >= 0)
            updates++;  //  process the weather update
    }
    printf ("Received %d tasks and %d weather updates\n", tasks, updates);
    zmq_close (receiver);
    zmq_close (subscriber);
    zmq_ctx_destroy (context);
    return 0;
}
