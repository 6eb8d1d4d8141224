// Throughput (PUSH/PULL) and round-trip latency (REQ/REP) over a network
// transport, both sockets in one process: built twice from this one source,
// against zmx and against Debian's libzmq. `bench/run tcp` and
// `bench/run ipc` run both and compare them.
//
// usage: bench-net-zmx tcp|ipc
//   tcp: 127.0.0.1, on a port the system chooses for each measurement;
//   ipc: a socket file in a fresh temporary directory, removed at exit.
#include "bench_support.hpp"

#include <zmq.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace {

std::string last_endpoint(void* socket)
{
    char endpoint[256];
    size_t size = sizeof endpoint;
    bench::check(zmq_getsockopt(socket, ZMQ_LAST_ENDPOINT, endpoint, &size), "zmq_getsockopt(LAST_ENDPOINT)");
    return endpoint;
}

// A port of the system's choosing: nothing else on the machine can collide.
std::string bind_tcp(void* socket, const char*, size_t)
{
    bench::check(zmq_bind(socket, "tcp://127.0.0.1:*"), "zmq_bind");
    return last_endpoint(socket);
}

std::filesystem::path make_private_directory()
{
    std::string pattern = (std::filesystem::temp_directory_path() / "bench-net-XXXXXX").string();
    if (!mkdtemp(pattern.data())) {
        std::perror("bench-net: mkdtemp");
        std::exit(EXIT_FAILURE);
    }
    return pattern;
}

}  // namespace

int main(int argc, char** argv)
{
    const std::string transport = argc == 2 ? argv[1] : "";
    if (transport != "tcp" && transport != "ipc") {
        std::fprintf(stderr, "usage: %s tcp|ipc\n", argc > 0 ? argv[0] : "bench-net");
        return 2;
    }
    bench::announce_library("bench-net", transport);

    std::filesystem::path ipc_directory;
    bench::bind_fresh bind = bind_tcp;
    if (transport == "ipc") {
        ipc_directory = make_private_directory();
        // One file per measurement: a closing socket may still hold the
        // last one for a moment (zmq_close is asynchronous).
        bind = [&ipc_directory](void* socket, const char* figure, size_t size) {
            const auto path = ipc_directory / (std::string(figure) + "-" + std::to_string(size));
            const std::string endpoint = "ipc://" + path.string();
            bench::check(zmq_bind(socket, endpoint.c_str()), "zmq_bind");
            return endpoint;
        };
    }

    void* context = zmq_ctx_new();
    if (!context) bench::die("zmq_ctx_new");
    // Counts sized so one libzmq run over tcp takes about 3 s on 2 cores.
    bench::push_pull_throughput(context, bind, 64, 2'000'000);
    bench::push_pull_throughput(context, bind, 1024, 1'000'000);
    bench::push_pull_throughput(context, bind, 65536, 40'000);
    bench::req_rep_latency(context, bind, 64, 10'000);
    bench::check(zmq_ctx_term(context), "zmq_ctx_term");

    if (!ipc_directory.empty()) {
        std::error_code ignored;
        std::filesystem::remove_all(ipc_directory, ignored);
    }
}
