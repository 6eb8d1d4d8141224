// RADIO/DISH beside PUB/SUB: throughput at 64 B, one thread sending and one
// receiving in one process, over tcp (RADIO/DISH and PUB/SUB) and udp
// (RADIO/DISH). Over tcp both HWMs are 0 so nothing is dropped; udp may
// lose datagrams in the kernel, so its receiver stops after a quiet 200 ms
// and the loss is printed beside the rate of what arrived. Built twice from
// this one source, against zmx and against the reference libzmq 4.3.4 with
// its draft API (Debian's has no RADIO or DISH); `bench/run radio_dish`
// runs both and compares them.
#define ZMQ_BUILD_DRAFT_API
#include "bench_support.hpp"

#include <zmq.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>

namespace {

using bench_clock = std::chrono::steady_clock;
constexpr size_t message_size = 64;
constexpr long count = 500'000;
constexpr int quiet_ms = 200;

struct connected_pair {
    void* sender;
    void* receiver;
};

// A udp endpoint on loopback whose port is free now (the reference shows
// "udp://127.0.0.1:*" as the LAST_ENDPOINT of such a bind, not the port).
std::string free_udp_endpoint() {
    const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    bench::check(::bind(fd, reinterpret_cast<sockaddr*>(&address), size), "bind");
    bench::check(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size), "getsockname");
    ::close(fd);
    return "udp://127.0.0.1:" + std::to_string(ntohs(address.sin_port));
}

connected_pair connect_pair(void* context, int sender_type, int receiver_type, bool udp) {
    void* receiver = zmq_socket(context, receiver_type);
    void* sender = zmq_socket(context, sender_type);
    if (!receiver || !sender) bench::die("zmq_socket");
    const int unlimited = 0;
    bench::check(zmq_setsockopt(sender, ZMQ_SNDHWM, &unlimited, sizeof unlimited), "ZMQ_SNDHWM");
    bench::check(zmq_setsockopt(receiver, ZMQ_RCVHWM, &unlimited, sizeof unlimited), "ZMQ_RCVHWM");
    if (receiver_type == ZMQ_DISH) bench::check(zmq_join(receiver, "g"), "zmq_join");
    else bench::check(zmq_setsockopt(receiver, ZMQ_SUBSCRIBE, "", 0), "ZMQ_SUBSCRIBE");
    std::string endpoint = udp ? free_udp_endpoint() : "tcp://127.0.0.1:*";
    bench::check(zmq_bind(receiver, endpoint.c_str()), "zmq_bind");
    if (!udp) {
        char bound[256];
        size_t size = sizeof bound;
        bench::check(zmq_getsockopt(receiver, ZMQ_LAST_ENDPOINT, bound, &size), "zmq_getsockopt");
        endpoint = bound;
    }
    bench::check(zmq_connect(sender, endpoint.c_str()), "zmq_connect");
    return {sender, receiver};
}

void send_one(void* socket, bool grouped) {
    zmq_msg_t msg;
    bench::check(zmq_msg_init_size(&msg, message_size), "zmq_msg_init_size");
    if (grouped) bench::check(zmq_msg_set_group(&msg, "g"), "zmq_msg_set_group");
    if (zmq_msg_send(&msg, socket, 0) == -1) bench::die("zmq_msg_send");
}

// Joins and subscriptions reach the sender asynchronously: sends until one
// message arrives, then drains what else is in flight.
void wait_until_connected(const connected_pair& pair, bool grouped) {
    zmq_pollitem_t item{pair.receiver, 0, ZMQ_POLLIN, 0};
    do send_one(pair.sender, grouped);
    while (zmq_poll(&item, 1, 10) == 0);
    zmq_msg_t drained;
    zmq_msg_init(&drained);
    while (zmq_poll(&item, 1, quiet_ms) == 1) zmq_msg_recv(&drained, pair.receiver, 0);
    zmq_msg_close(&drained);
}

void throughput(void* context, const char* name, int sender_type, int receiver_type, bool udp) {
    const bool grouped = sender_type == ZMQ_RADIO;
    const connected_pair pair = connect_pair(context, sender_type, receiver_type, udp);
    wait_until_connected(pair, grouped);
    long received = 0;
    bench_clock::time_point last;
    std::thread receiver([&] {
        zmq_msg_t msg;
        zmq_msg_init(&msg);
        zmq_pollitem_t item{pair.receiver, 0, ZMQ_POLLIN, 0};
        while (received < count && zmq_poll(&item, 1, quiet_ms) == 1) {
            if (zmq_msg_recv(&msg, pair.receiver, 0) == -1) bench::die("zmq_msg_recv");
            ++received;
            last = bench_clock::now();
        }
        zmq_msg_close(&msg);
    });
    const bench::cpu_meter cpu;
    const auto start = bench_clock::now();
    for (long i = 0; i < count; i++) send_one(pair.sender, grouped);
    receiver.join();
    std::printf("%s %zu B msg/s\t%.0f\n", name, message_size,
                received / std::chrono::duration<double>(last - start).count());
    std::printf("%s %zu B cpu us/msg\t%.3f\n", name, message_size, cpu.micros_per(count));
    std::printf("%s %zu B lost %%\t%.2f\n", name, message_size, 100.0 * double(count - received) / count);
    zmq_close(pair.sender);
    zmq_close(pair.receiver);
}

}  // namespace

int main() {
    bench::announce_library("bench-radio-dish", "tcp and udp");
    void* context = zmq_ctx_new();
    if (!context) bench::die("zmq_ctx_new");
    throughput(context, "radio/dish tcp", ZMQ_RADIO, ZMQ_DISH, false);
    throughput(context, "pub/sub tcp", ZMQ_PUB, ZMQ_SUB, false);
    throughput(context, "radio/dish udp", ZMQ_RADIO, ZMQ_DISH, true);
    std::fflush(stdout);
    bench::check(zmq_ctx_term(context), "zmq_ctx_term");
    return 0;
}
