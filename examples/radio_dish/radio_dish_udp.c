/* RADIO and DISH over udp: two DISHes, one joined to "weather", the other
 * to "sport", each bound to its own udp port; one RADIO connected to both
 * broadcasts to both groups. udp may lose a datagram, so the RADIO keeps
 * sending, one pair a millisecond, until each DISH has heard `wanted`
 * messages. Each DISH must hear only its own group. Exits 0 when so. */
#include <zmq.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

enum { wanted = 20, most_rounds = 5000 };

/* A udp endpoint on loopback whose port is free now. */
static void free_endpoint(char *endpoint, size_t size) {
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t length = sizeof address;
    bind(fd, (struct sockaddr *)&address, length);
    getsockname(fd, (struct sockaddr *)&address, &length);
    close(fd);
    snprintf(endpoint, size, "udp://127.0.0.1:%d", ntohs(address.sin_port));
}

static void *joined_dish(void *ctx, const char *group, const char *endpoint) {
    void *dish = zmq_socket(ctx, ZMQ_DISH);
    if (zmq_join(dish, group) != 0 || zmq_bind(dish, endpoint) != 0)
        fprintf(stderr, "dish %s at %s: %s\n", group, endpoint, zmq_strerror(zmq_errno()));
    return dish;
}

static void broadcast(void *radio, const char *group, int round) {
    char text[32];
    snprintf(text, sizeof text, "%s %d", group, round);
    zmq_msg_t msg;
    zmq_msg_init_size(&msg, strlen(text));
    memcpy(zmq_msg_data(&msg), text, strlen(text));
    zmq_msg_set_group(&msg, group);
    if (zmq_msg_send(&msg, radio, 0) < 0)
        zmq_msg_close(&msg);
}

/* Takes what a DISH has now; counts its group, and anything else as wrong. */
static void take(void *dish, const char *group, int *heard, int *wrong) {
    zmq_msg_t msg;
    zmq_msg_init(&msg);
    while (zmq_msg_recv(&msg, dish, ZMQ_DONTWAIT) >= 0) {
        if (strcmp(zmq_msg_group(&msg), group) == 0) {
            if (++*heard == 1)
                printf("%s dish heard: %.*s\n", group, (int)zmq_msg_size(&msg), (char *)zmq_msg_data(&msg));
        } else {
            ++*wrong;
        }
    }
    zmq_msg_close(&msg);
}

int main(void) {
    void *ctx = zmq_ctx_new();
    char weather_endpoint[64], sport_endpoint[64];
    free_endpoint(weather_endpoint, sizeof weather_endpoint);
    free_endpoint(sport_endpoint, sizeof sport_endpoint);
    void *weather = joined_dish(ctx, "weather", weather_endpoint);
    void *sport = joined_dish(ctx, "sport", sport_endpoint);
    void *radio = zmq_socket(ctx, ZMQ_RADIO);
    zmq_connect(radio, weather_endpoint);
    zmq_connect(radio, sport_endpoint);
    int heard_weather = 0, heard_sport = 0, wrong = 0;
    zmq_pollitem_t pace = {NULL, -1, 0, 0};  /* nothing to wait for: a 1 ms pause */
    for (int round = 0; round < most_rounds && (heard_weather < wanted || heard_sport < wanted); ++round) {
        broadcast(radio, "weather", round);
        broadcast(radio, "sport", round);
        zmq_poll(&pace, 0, 1);
        take(weather, "weather", &heard_weather, &wrong);
        take(sport, "sport", &heard_sport, &wrong);
    }
    printf("weather dish: %d, sport dish: %d, wrong group: %d\n", heard_weather, heard_sport, wrong);
    zmq_close(radio);
    zmq_close(weather);
    zmq_close(sport);
    zmq_ctx_term(ctx);
    return heard_weather >= wanted && heard_sport >= wanted && wrong == 0 ? 0 : 1;
}
