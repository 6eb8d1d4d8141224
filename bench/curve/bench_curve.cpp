// CURVE over tcp: PUSH/PULL throughput with every message sealed, and the
// rate of whole CURVE connections (connect, handshake, first message,
// close), both sockets in one process: built twice from this one source,
// against zmx and against Debian's libzmq. `bench/run curve` runs both and
// compares them.
#include "bench_support.hpp"

#include <zmq.h>

#include <chrono>
#include <cstdio>
#include <string>

namespace {

struct curve_pair {
    char public_key[41];
    char secret_key[41];
    curve_pair() { bench::check(zmq_curve_keypair(public_key, secret_key), "zmq_curve_keypair"); }
};

// The server's and the client's long-term keys, one pair each for the run.
struct curve_keys {
    curve_pair server, client;
};

void set_key(void* socket, int option, const char* z85)
{
    bench::check(zmq_setsockopt(socket, option, z85, 40), "zmq_setsockopt(CURVE key)");
}

void make_server(void* socket, const curve_keys& keys)
{
    const int yes = 1;
    bench::check(zmq_setsockopt(socket, ZMQ_CURVE_SERVER, &yes, sizeof yes), "zmq_setsockopt(CURVE_SERVER)");
    set_key(socket, ZMQ_CURVE_SECRETKEY, keys.server.secret_key);
}

void make_client(void* socket, const curve_keys& keys)
{
    set_key(socket, ZMQ_CURVE_SERVERKEY, keys.server.public_key);
    set_key(socket, ZMQ_CURVE_PUBLICKEY, keys.client.public_key);
    set_key(socket, ZMQ_CURVE_SECRETKEY, keys.client.secret_key);
}

std::string bind_tcp(void* socket, const char*, size_t)
{
    bench::check(zmq_bind(socket, "tcp://127.0.0.1:*"), "zmq_bind");
    char endpoint[256];
    size_t size = sizeof endpoint;
    bench::check(zmq_getsockopt(socket, ZMQ_LAST_ENDPOINT, endpoint, &size), "zmq_getsockopt(LAST_ENDPOINT)");
    return endpoint;
}

// One bound CURVE PULL; each round a new CURVE PUSH connects, shakes
// hands, sends one 64-byte message that the PULL receives, and closes.
void handshake_rate(void* context, const curve_keys& keys, long connections)
{
    void* pull = zmq_socket(context, ZMQ_PULL);
    if (!pull) bench::die("zmq_socket");
    make_server(pull, keys);
    const std::string endpoint = bind_tcp(pull, "handshakes", 0);

    zmq_msg_t msg;
    bench::check(zmq_msg_init(&msg), "zmq_msg_init");
    const bench::cpu_meter cpu;
    const auto start = std::chrono::steady_clock::now();
    for (long i = 0; i < connections; i++) {
        void* push = zmq_socket(context, ZMQ_PUSH);
        if (!push) bench::die("zmq_socket");
        make_client(push, keys);
        bench::check(zmq_connect(push, endpoint.c_str()), "zmq_connect");
        bench::check(zmq_send(push, std::string(64, 'h').data(), 64, 0), "zmq_send");
        bench::check(zmq_msg_recv(&msg, pull, 0), "zmq_msg_recv");
        bench::check(zmq_close(push), "zmq_close");
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    zmq_msg_close(&msg);
    zmq_close(pull);

    std::printf("curve handshakes/s\t%.0f\n", connections / seconds);
    std::printf("curve handshake cpu us\t%.1f\n", cpu.micros_per(connections));
    std::fflush(stdout);
}

}  // namespace

int main()
{
    bench::announce_library("bench-curve", "tcp with CURVE");
    const curve_keys keys;
    const bench::configure_pair secure = [&keys](void* server, void* client) {
        make_server(server, keys);
        make_client(client, keys);
    };

    void* context = zmq_ctx_new();
    if (!context) bench::die("zmq_ctx_new");
    // Counts sized so one libzmq run takes a few seconds on 2 cores.
    bench::push_pull_throughput(context, bind_tcp, 64, 1'000'000, secure);
    bench::push_pull_throughput(context, bind_tcp, 1024, 500'000, secure);
    bench::push_pull_throughput(context, bind_tcp, 65536, 20'000, secure);
    handshake_rate(context, keys, 1'000);
    bench::check(zmq_ctx_term(context), "zmq_ctx_term");
}
