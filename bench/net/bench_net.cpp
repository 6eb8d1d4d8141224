// Throughput (PUSH/PULL) and round-trip latency (REQ/REP) over a network
// transport, both sockets in one process, and throughput with PUSH in a
// second process (except over wss): built twice from this one source,
// against zmx and against Debian's libzmq. `bench/run tcp` and
// `bench/run ipc` run both and compare them.
//
// usage: bench-net-zmx tcp|ipc|ws|wss [TLS-DIR]
//   tcp: 127.0.0.1, on a port the system chooses for each measurement;
//   ipc: a socket file in a fresh temporary directory, removed at exit;
//   ws:  as tcp, over WebSocket;
//   wss: as ws, over TLS with TLS-DIR's server.pem, server.key and ca.pem
//        (bench/run makes them; Debian's libzmq has no wss).
// The ZMQ_WSS_* options are draft API, in both zmq.h files.
#define ZMQ_BUILD_DRAFT_API
#include "bench_support.hpp"

#include <zmq.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
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
bench::bind_fresh bind_any_port(const std::string& wildcard)
{
    return [wildcard](void* socket, const char*, size_t) {
        bench::check(zmq_bind(socket, wildcard.c_str()), "zmq_bind");
        return last_endpoint(socket);
    };
}

std::string file_text(const std::filesystem::path& path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file) bench::die(("open " + path.string()).c_str());
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

void set_text(void* socket, int option, const std::string& text)
{
    bench::check(zmq_setsockopt(socket, option, text.data(), text.size()), "zmq_setsockopt(WSS)");
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
    const std::string transport = argc >= 2 ? argv[1] : "";
    const bool known = transport == "tcp" || transport == "ipc" || transport == "ws";
    if (!(known && argc == 2) && !(transport == "wss" && argc == 3)) {
        std::fprintf(stderr, "usage: %s tcp|ipc|ws|wss TLS-DIR\n", argc > 0 ? argv[0] : "bench-net");
        return 2;
    }
    bench::announce_library("bench-net", transport);

    std::filesystem::path ipc_directory;
    bench::bind_fresh bind = bind_any_port("tcp://127.0.0.1:*");
    bench::configure_pair trust_server;
    if (transport == "ws")
        bind = bind_any_port("ws://127.0.0.1:*/bench");
    if (transport == "wss") {
        const std::filesystem::path tls = argv[2];
        const std::string cert = file_text(tls / "server.pem"), key = file_text(tls / "server.key");
        const std::string trust = file_text(tls / "ca.pem");
        bind = [cert, key, ws = bind_any_port("wss://127.0.0.1:*/bench")](void* socket, const char* figure,
                                                                         size_t size) {
            set_text(socket, ZMQ_WSS_CERT_PEM, cert);
            set_text(socket, ZMQ_WSS_KEY_PEM, key);
            return ws(socket, figure, size);
        };
        trust_server = [trust](void*, void* client) { set_text(client, ZMQ_WSS_TRUST_PEM, trust); };
    }
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

    // First, while this process has no context of its own to fork with
    // (wss is left out: its client would need the trust set up in the child).
    if (transport != "wss") {
        bench::push_pull_across_processes(bind, 64, 2'000'000);
        bench::push_pull_across_processes(bind, 1024, 1'000'000);
        bench::push_pull_across_processes(bind, 65536, 40'000);
    }

    void* context = zmq_ctx_new();
    if (!context) bench::die("zmq_ctx_new");
    // Counts sized so one libzmq run over tcp takes about 3 s on 2 cores.
    bench::push_pull_throughput(context, bind, 64, 2'000'000, trust_server);
    bench::push_pull_throughput(context, bind, 1024, 1'000'000, trust_server);
    bench::push_pull_throughput(context, bind, 65536, 40'000, trust_server);
    bench::req_rep_latency(context, bind, 64, 10'000, trust_server);
    bench::check(zmq_ctx_term(context), "zmq_ctx_term");

    if (!ipc_directory.empty()) {
        std::error_code ignored;
        std::filesystem::remove_all(ipc_directory, ignored);
    }
}
