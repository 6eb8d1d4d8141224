//  Multithreaded Hello World server: a ROUTER for clients on tcp port
//  5555, a DEALER for worker threads on inproc://workers, zmq_proxy
//  between them, and five workers, each a REP socket doing one request at
//  a time. Runs until interrupted.
//
//  Option: -w msecs of work per request (default 1000, as in the guide).
#include "options.h"
#include "zhelpers.h"

#define WORKERS 5

static int work_msecs;

static void *worker_routine (void *context)
{
    void *receiver = zmq_socket (context, ZMQ_REP);
    zmq_connect (receiver, "inproc://workers");
    while (1) {
        char *string = s_recv (receiver);
        if (!string)
            break;  //  the context is ending
        printf ("Received request: [%s]\n", string);
        fflush (stdout);
        free (string);
        s_sleep (work_msecs);
        s_send (receiver, "World");
    }
    zmq_close (receiver);
    return NULL;
}

//  Starts the workers with SIGINT and SIGTERM blocked, so the signal
//  reaches the main thread and ends its zmq_proxy call.
static void start_workers (void *context, pthread_t *workers)
{
    sigset_t signals, previous;
    int worker_nbr;
    sigemptyset (&signals);
    sigaddset (&signals, SIGINT);
    sigaddset (&signals, SIGTERM);
    pthread_sigmask (SIG_BLOCK, &signals, &previous);
    for (worker_nbr = 0; worker_nbr < WORKERS; worker_nbr++)
        pthread_create (&workers[worker_nbr], NULL, worker_routine, context);
    pthread_sigmask (SIG_SETMASK, &previous, NULL);
}

int main (int argc, char *argv[])
{
    pthread_t workers[WORKERS];
    int worker_nbr;
    work_msecs = option_int (argc, argv, 'w', 1000);

    void *context = zmq_ctx_new ();
    void *clients = zmq_socket (context, ZMQ_ROUTER);
    int rc = zmq_bind (clients, "tcp://127.0.0.1:5555");
    assert (rc == 0);
    void *workers_socket = zmq_socket (context, ZMQ_DEALER);
    rc = zmq_bind (workers_socket, "inproc://workers");
    assert (rc == 0);
    s_catch_signals ();
    start_workers (context, workers);

    //  Connect the worker threads to the clients through a queue
    zmq_proxy (clients, workers_socket, NULL);

    //  Interrupted: ending the context ends the workers' receives
    zmq_close (clients);
    zmq_close (workers_socket);
    zmq_ctx_destroy (context);
    for (worker_nbr = 0; worker_nbr < WORKERS; worker_nbr++)
        pthread_join (workers[worker_nbr], NULL);
    return 0;
}
