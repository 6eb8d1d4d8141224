// The thread-safe CLIENT/SERVER pair against the classic DEALER/ROUTER one,
// over tcp, both sockets in one process: throughput (one thread sends, one
// receives) and the mean round trip at 64 B. Built twice from this one
// source, against zmx and against the reference libzmq 4.3.4 with its
// draft API (Debian's has no CLIENT or SERVER); `bench/run threadsafe`
// runs both and compares them.
#define ZMQ_BUILD_DRAFT_API
#include "bench_support.hpp"

#include <zmq.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

namespace {

using bench_clock = std::chrono::steady_clock;
constexpr size_t message_size = 64;

struct connected_pair {
    void* sender;
    void* receiver;
};

connected_pair connect_pair(void* context, int sender_type, int receiver_type) {
    void* receiver = zmq_socket(context, receiver_type);
    void* sender = zmq_socket(context, sender_type);
    if (!receiver || !sender) bench::die("zmq_socket");
    bench::check(zmq_bind(receiver, "tcp://127.0.0.1:*"), "zmq_bind");
    char endpoint[256];
    size_t size = sizeof endpoint;
    bench::check(zmq_getsockopt(receiver, ZMQ_LAST_ENDPOINT, endpoint, &size), "zmq_getsockopt");
    bench::check(zmq_connect(sender, endpoint), "zmq_connect");
    return {sender, receiver};
}

void send_one(void* socket) {
    zmq_msg_t msg;
    bench::check(zmq_msg_init_size(&msg, message_size), "zmq_msg_init_size");
    if (zmq_msg_send(&msg, socket, 0) == -1) bench::die("zmq_msg_send");
}

// A ROUTER's message has the sender's routing id in front: parts of one.
int parts_of(int receiver_type) { return receiver_type == ZMQ_ROUTER ? 2 : 1; }

void receive_message(void* socket, zmq_msg_t* parts, int count) {
    for (int i = 0; i < count; i++)
        if (zmq_msg_recv(&parts[i], socket, 0) == -1) bench::die("zmq_msg_recv");
}

void send_back(void* socket, zmq_msg_t* parts, int count) {
    for (int i = 0; i < count; i++)
        if (zmq_msg_send(&parts[i], socket, i + 1 < count ? ZMQ_SNDMORE : 0) == -1) bench::die("zmq_msg_send");
}

void throughput(void* context, const char* name, int sender_type, int receiver_type, long count) {
    const connected_pair pair = connect_pair(context, sender_type, receiver_type);
    const int parts = parts_of(receiver_type);
    zmq_msg_t received[2];
    for (auto& m : received) zmq_msg_init(&m);
    send_one(pair.sender);  // the connection is up before the clock starts
    receive_message(pair.receiver, received, parts);
    bench_clock::time_point last;
    std::thread receiver([&] {
        for (long i = 0; i < count; i++) receive_message(pair.receiver, received, parts);
        last = bench_clock::now();
    });
    const bench::cpu_meter cpu;
    const auto start = bench_clock::now();
    for (long i = 0; i < count; i++) send_one(pair.sender);
    receiver.join();
    std::printf("%s %zu B msg/s\t%.0f\n", name, message_size, count / std::chrono::duration<double>(last - start).count());
    std::printf("%s %zu B cpu us/msg\t%.3f\n", name, message_size, cpu.micros_per(count));
    for (auto& m : received) zmq_msg_close(&m);
    zmq_close(pair.sender);
    zmq_close(pair.receiver);
}

void round_trip(void* context, const char* name, int sender_type, int receiver_type, long count) {
    const connected_pair pair = connect_pair(context, sender_type, receiver_type);
    const int parts = parts_of(receiver_type);
    std::thread echo([&] {
        zmq_msg_t request[2];
        for (auto& m : request) zmq_msg_init(&m);
        for (long i = 0; i <= count; i++) {  // one untimed round trip first
            receive_message(pair.receiver, request, parts);
            send_back(pair.receiver, request, parts);
        }
        for (auto& m : request) zmq_msg_close(&m);
    });
    zmq_msg_t reply;
    zmq_msg_init(&reply);
    send_one(pair.sender);
    receive_message(pair.sender, &reply, 1);
    const bench::cpu_meter cpu;
    const auto start = bench_clock::now();
    for (long i = 0; i < count; i++) {
        send_one(pair.sender);
        receive_message(pair.sender, &reply, 1);
    }
    const double seconds = std::chrono::duration<double>(bench_clock::now() - start).count();
    echo.join();
    std::printf("%s %zu B round trip us\t%.2f\n", name, message_size, seconds / count * 1e6);
    std::printf("%s %zu B cpu us/round trip\t%.2f\n", name, message_size, cpu.micros_per(count));
    zmq_msg_close(&reply);
    zmq_close(pair.sender);
    zmq_close(pair.receiver);
}

}  // namespace

int main() {
    bench::announce_library("bench-threadsafe", "tcp");
    void* context = zmq_ctx_new();
    if (!context) bench::die("zmq_ctx_new");
    throughput(context, "client/server", ZMQ_CLIENT, ZMQ_SERVER, 1'000'000);
    throughput(context, "dealer/router", ZMQ_DEALER, ZMQ_ROUTER, 1'000'000);
    round_trip(context, "client/server", ZMQ_CLIENT, ZMQ_SERVER, 10'000);
    round_trip(context, "dealer/router", ZMQ_DEALER, ZMQ_ROUTER, 10'000);
    std::fflush(stdout);
    bench::check(zmq_ctx_term(context), "zmq_ctx_term");
    return 0;
}
