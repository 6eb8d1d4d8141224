/* One SERVER answers many client threads, which all share one CLIENT
 * socket: no locks of the application's own. Each thread sends its
 * requests and takes the replies that come (a reply goes to whichever
 * thread receives first, so the replies are counted, not matched). The
 * server answers each request to the routing id it came from.
 * Exits 0 when every request was answered. */
#include <zmq.h>

#include <pthread.h>
#include <stdio.h>
#include <string.h>

enum { client_threads = 8, requests_per_thread = 1000 };

static void *client_thread(void *client) {
    char reply[32];
    for (int i = 0; i < requests_per_thread; ++i) {
        if (zmq_send(client, "how many?", 9, 0) != 9 || zmq_recv(client, reply, sizeof reply, 0) < 0)
            return "failed";
    }
    return NULL;
}

static void *server_thread(void *server) {
    long answered = 0;
    char text[32];
    while (answered < (long)client_threads * requests_per_thread) {
        zmq_msg_t request;
        zmq_msg_init(&request);
        if (zmq_msg_recv(&request, server, 0) < 0)
            return "failed";
        const uint32_t from = zmq_msg_routing_id(&request);
        zmq_msg_close(&request);
        zmq_msg_t reply;
        snprintf(text, sizeof text, "%ld", ++answered);
        zmq_msg_init_size(&reply, strlen(text));
        memcpy(zmq_msg_data(&reply), text, strlen(text));
        zmq_msg_set_routing_id(&reply, from);
        if (zmq_msg_send(&reply, server, 0) < 0)
            return "failed";
    }
    return NULL;
}

int main(void) {
    void *ctx = zmq_ctx_new();
    void *server = zmq_socket(ctx, ZMQ_SERVER);
    void *client = zmq_socket(ctx, ZMQ_CLIENT);
    if (zmq_bind(server, "tcp://127.0.0.1:*") != 0)
        return 1;
    char endpoint[256];
    size_t size = sizeof endpoint;
    zmq_getsockopt(server, ZMQ_LAST_ENDPOINT, endpoint, &size);
    zmq_connect(client, endpoint);

    pthread_t server_id, clients[client_threads];
    pthread_create(&server_id, NULL, server_thread, server);
    for (int i = 0; i < client_threads; ++i)
        pthread_create(&clients[i], NULL, client_thread, client);
    int failures = 0;
    for (int i = 0; i < client_threads; ++i) {
        void *result;
        pthread_join(clients[i], &result);
        failures += result != NULL;
    }
    void *result;
    pthread_join(server_id, &result);
    failures += result != NULL;
    printf("%d threads sent %d requests on one CLIENT; %s\n", client_threads,
           client_threads * requests_per_thread, failures ? "some failed" : "all answered");
    zmq_close(client);
    zmq_close(server);
    zmq_ctx_term(ctx);
    return failures ? 1 : 0;
}
