/*
 * pipeline.h - what the pipeline's two generations of workers and sinks
 * share (taskwork/taskwork2, tasksink/tasksink2), and the two sockets the
 * multiple-socket readers listen to (msreader, mspoller).
 */
#ifndef ZMX_GUIDE_PIPELINE_H
#define ZMX_GUIDE_PIPELINE_H

#include "zhelpers.h"

/* A worker's job: the workload is a number of msecs to sleep; the result
   is an empty message for the sink. */
static inline void do_task (const char *workload, void *sink)
{
    printf ("%s.", workload);  /* progress for the viewer */
    fflush (stdout);
    s_sleep (atoi (workload));
    s_send (sink, "");
}

/* A sink's job: wait for the start of a batch, collect its results with a
   colon for every tenth, and report how long the batch took. */
static inline void collect_batch (void *receiver, int results)
{
    char *string = s_recv (receiver);  /* the start of the batch */
    int64_t start_time = s_clock ();
    int task_nbr;
    free (string);
    for (task_nbr = 0; task_nbr < results; task_nbr++) {
        string = s_recv (receiver);
        free (string);
        printf (task_nbr % 10 == 0 ? ":" : ".");
        fflush (stdout);
    }
    printf ("\nTotal elapsed time: %d msec\n", (int) (s_clock () - start_time));
}

/* The readers' two sources: a PULL for the ventilator's tasks and a SUB
   for the weather server's updates on New York (zipcode 10001). */
static inline void connect_task_and_weather (void *context, void **receiver, void **subscriber)
{
    *receiver = zmq_socket (context, ZMQ_PULL);
    zmq_connect (*receiver, "tcp://localhost:5557");
    *subscriber = zmq_socket (context, ZMQ_SUB);
    zmq_connect (*subscriber, "tcp://localhost:5556");
    zmq_setsockopt (*subscriber, ZMQ_SUBSCRIBE, "10001 ", 6);
}

#endif /* ZMX_GUIDE_PIPELINE_H */
