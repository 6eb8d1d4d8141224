/*
 * zmx-demo: messages flowing between threads of one process over inproc,
 * through the three basic ZeroMQ patterns:
 *
 *   REQ/REP    a client asks, a server answers, in lock-step;
 *   PUB/SUB    a publisher broadcasts, a subscriber keeps only its topic;
 *   PUSH/PULL  a ventilator hands tasks to two workers, a sink collects.
 *
 * It uses only the public libzmq 4.3 API, so it builds and runs the same
 * against zmx and against libzmq. It checks what it received and exits
 * non-zero if anything was lost or wrong.
 */
#include <zmq.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every wait in the demo has this bound, so a broken library makes the
 * demo fail with a message instead of hanging (and LINGER 0 keeps an
 * undelivered message from holding up zmq_ctx_term). */
#define SAFETY_TIMEOUT_MS 5000

static void *context;

static void fail(const char *what)
{
    fprintf(stderr, "zmx-demo: %s failed: %s\n", what, zmq_strerror(zmq_errno()));
    exit(EXIT_FAILURE);
}

static void check(int rc, const char *what)
{
    if (rc == -1)
        fail(what);
}

static void *open_socket(int type)
{
    void *socket = zmq_socket(context, type);
    if (!socket)
        fail("zmq_socket");
    int timeout = SAFETY_TIMEOUT_MS, linger = 0;
    check(zmq_setsockopt(socket, ZMQ_LINGER, &linger, sizeof linger), "set ZMQ_LINGER");
    check(zmq_setsockopt(socket, ZMQ_RCVTIMEO, &timeout, sizeof timeout), "set ZMQ_RCVTIMEO");
    check(zmq_setsockopt(socket, ZMQ_SNDTIMEO, &timeout, sizeof timeout), "set ZMQ_SNDTIMEO");
    return socket;
}

static void send_text(void *socket, const char *text)
{
    check(zmq_send(socket, text, strlen(text), 0), "zmq_send");
}

/* Receives one message as a NUL-terminated string (truncated to fit). */
static void receive_text(void *socket, char *buffer, size_t size)
{
    int length = zmq_recv(socket, buffer, size - 1, 0);
    check(length, "zmq_recv");
    buffer[(size_t) length < size - 1 ? (size_t) length : size - 1] = '\0';
}

static pthread_t start_thread(void *(*body)(void *), void *argument)
{
    pthread_t thread;
    if (pthread_create(&thread, NULL, body, argument) != 0) {
        fprintf(stderr, "zmx-demo: pthread_create failed\n");
        exit(EXIT_FAILURE);
    }
    return thread;
}

/* ---- REQ/REP ------------------------------------------------------------ */

#define REQUEST_COUNT 3

static void *reply_server(void *server)
{
    char request[64], reply[80];
    for (int i = 0; i < REQUEST_COUNT; i++) {
        receive_text(server, request, sizeof request);
        snprintf(reply, sizeof reply, "World #%d", i + 1);
        printf("  server got  \"%s\", replies \"%s\"\n", request, reply);
        send_text(server, reply);
    }
    return NULL;
}

static void demo_request_reply(void)
{
    printf("== REQ/REP: a client and a server in lock-step\n");
    void *server = open_socket(ZMQ_REP);
    check(zmq_bind(server, "inproc://demo-hello"), "zmq_bind");
    void *client = open_socket(ZMQ_REQ);
    check(zmq_connect(client, "inproc://demo-hello"), "zmq_connect");
    pthread_t server_thread = start_thread(reply_server, server);

    char request[64], reply[64];
    for (int i = 0; i < REQUEST_COUNT; i++) {
        snprintf(request, sizeof request, "Hello #%d", i + 1);
        printf("  client sends \"%s\"\n", request);
        send_text(client, request);
        receive_text(client, reply, sizeof reply);
        printf("  client got  \"%s\"\n", reply);
    }
    pthread_join(server_thread, NULL);
    zmq_close(client);
    zmq_close(server);
    printf("  REQ/REP: %d requests answered\n", REQUEST_COUNT);
}

/* ---- PUB/SUB ------------------------------------------------------------ */

/* The publisher sends both topics; the subscriber only asked for weather. */
static const char *const bulletins[] = {
    "weather.paris 12C cloudy", "sports.football 2-1", "weather.oslo -3C snow",
    "sports.tennis 6-4 6-3", "weather.lima 24C sunny",
};
#define BULLETIN_COUNT (sizeof bulletins / sizeof bulletins[0])
#define WEATHER_COUNT 3
#define LAST_BULLETIN "weather.end"

static void *weather_subscriber(void *unused)
{
    (void) unused;
    void *subscriber = open_socket(ZMQ_SUB);
    check(zmq_connect(subscriber, "inproc://demo-news"), "zmq_connect");
    check(zmq_setsockopt(subscriber, ZMQ_SUBSCRIBE, "weather.", 8), "set ZMQ_SUBSCRIBE");

    /* A publisher drops what it sends before a subscription reaches it (the
     * "slow joiner"). Only once connected and subscribed does the subscriber
     * tell the publisher it is ready, over a REQ/REP side channel. */
    void *sync = open_socket(ZMQ_REQ);
    check(zmq_connect(sync, "inproc://demo-news-sync"), "zmq_connect");
    char ack[16];
    send_text(sync, "ready");
    receive_text(sync, ack, sizeof ack);

    char bulletin[64];
    int received = 0;
    for (;;) {
        receive_text(subscriber, bulletin, sizeof bulletin);
        if (strcmp(bulletin, LAST_BULLETIN) == 0)
            break;
        printf("  subscriber got \"%s\"\n", bulletin);
        received++;
    }
    zmq_close(sync);
    zmq_close(subscriber);
    printf("  PUB/SUB: subscriber received %d of %d weather bulletins\n", received, WEATHER_COUNT);
    return (void *) (received == WEATHER_COUNT ? "ok" : NULL);
}

static int demo_publish_subscribe(void)
{
    printf("== PUB/SUB: a publisher, a subscriber filtering on \"weather.\"\n");
    void *publisher = open_socket(ZMQ_PUB);
    check(zmq_bind(publisher, "inproc://demo-news"), "zmq_bind");
    void *sync = open_socket(ZMQ_REP);
    check(zmq_bind(sync, "inproc://demo-news-sync"), "zmq_bind");
    pthread_t subscriber_thread = start_thread(weather_subscriber, NULL);

    char ready[16];
    receive_text(sync, ready, sizeof ready);
    send_text(sync, "go");
    printf("  publisher: subscriber is ready\n");

    for (size_t i = 0; i < BULLETIN_COUNT; i++) {
        printf("  publisher sends \"%s\"\n", bulletins[i]);
        send_text(publisher, bulletins[i]);
    }
    send_text(publisher, LAST_BULLETIN);

    void *result;
    pthread_join(subscriber_thread, &result);
    zmq_close(sync);
    zmq_close(publisher);
    return result != NULL;
}

/* ---- PUSH/PULL ---------------------------------------------------------- */

#define WORKER_COUNT 2
#define TASK_COUNT 10

/* A worker squares the numbers it is given and pushes the results to the
 * sink. It runs until the context is terminated (ETERM). */
static void *square_worker(void *number)
{
    int worker = (int) (size_t) number;
    void *tasks = open_socket(ZMQ_PULL);
    int forever = -1;
    check(zmq_setsockopt(tasks, ZMQ_RCVTIMEO, &forever, sizeof forever), "set ZMQ_RCVTIMEO");
    check(zmq_connect(tasks, "inproc://demo-tasks"), "zmq_connect");
    void *results = open_socket(ZMQ_PUSH);
    check(zmq_connect(results, "inproc://demo-results"), "zmq_connect");

    /* Tell the sink this worker is connected, so the ventilator can wait for
     * all workers and spread the tasks over both instead of the first. */
    send_text(results, "ready");

    char task[32], result[64];
    int length;
    while ((length = zmq_recv(tasks, task, sizeof task - 1, 0)) >= 0) {
        /* zmq_recv returns the full size even when it truncates. */
        task[length < (int)sizeof task - 1 ? length : (int)sizeof task - 1] = '\0';
        int n = atoi(task);
        snprintf(result, sizeof result, "%d %d", worker, n * n);
        send_text(results, result);
    }
    if (zmq_errno() != ETERM)
        fail("worker zmq_recv");
    zmq_close(tasks);
    zmq_close(results);
    return NULL;
}

static int demo_pipeline(pthread_t workers[WORKER_COUNT])
{
    printf("== PUSH/PULL: a ventilator, %d workers, a sink\n", WORKER_COUNT);
    void *ventilator = open_socket(ZMQ_PUSH);
    check(zmq_bind(ventilator, "inproc://demo-tasks"), "zmq_bind");
    void *sink = open_socket(ZMQ_PULL);
    check(zmq_bind(sink, "inproc://demo-results"), "zmq_bind");
    for (int i = 0; i < WORKER_COUNT; i++)
        workers[i] = start_thread(square_worker, (void *) (size_t) (i + 1));

    char message[64];
    for (int i = 0; i < WORKER_COUNT; i++)
        receive_text(sink, message, sizeof message);
    printf("  sink: all %d workers are connected\n", WORKER_COUNT);

    int expected_sum = 0;
    for (int n = 1; n <= TASK_COUNT; n++) {
        char task[16];
        snprintf(task, sizeof task, "%d", n);
        send_text(ventilator, task);
        expected_sum += n * n;
    }
    printf("  ventilator: sent %d tasks (square the numbers 1..%d)\n", TASK_COUNT, TASK_COUNT);

    int sum = 0, done_by[WORKER_COUNT + 1] = {0};
    for (int i = 0; i < TASK_COUNT; i++) {
        receive_text(sink, message, sizeof message);
        int worker, square;
        if (sscanf(message, "%d %d", &worker, &square) != 2 || worker < 1 || worker > WORKER_COUNT) {
            fprintf(stderr, "zmx-demo: unexpected result \"%s\"\n", message);
            exit(EXIT_FAILURE);
        }
        printf("  sink got %3d from worker %d\n", square, worker);
        done_by[worker]++;
        sum += square;
    }
    zmq_close(ventilator);
    zmq_close(sink);
    printf("  PUSH/PULL: worker 1 did %d tasks, worker 2 did %d\n", done_by[1], done_by[2]);
    printf("  PUSH/PULL: sum of squares %d (expected %d)\n", sum, expected_sum);
    return sum == expected_sum;
}

int main(void)
{
    int major, minor, patch;
    zmq_version(&major, &minor, &patch);
    printf("zmx-demo: ZeroMQ API %d.%d.%d, everything over inproc\n", major, minor, patch);

    context = zmq_ctx_new();
    if (!context)
        fail("zmq_ctx_new");

    demo_request_reply();
    int ok = demo_publish_subscribe();
    pthread_t workers[WORKER_COUNT];
    ok = demo_pipeline(workers) && ok;

    /* Terminating the context ends the workers' blocking receives with
     * ETERM; it returns once they have closed their sockets. */
    check(zmq_ctx_term(context), "zmq_ctx_term");
    for (int i = 0; i < WORKER_COUNT; i++)
        pthread_join(workers[i], NULL);

    printf("zmx-demo: %s\n", ok ? "every message arrived" : "FAILED: messages were lost");
    return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
