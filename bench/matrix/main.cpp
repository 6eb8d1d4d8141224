// bench-matrix: the performance matrix of issue 19, one suite per run (see
// plan.cpp's usage). Built three times from these sources: bench-matrix-zmx
// and bench-matrix-libzmq on zmq_messaging.cpp, bench-matrix-nng on
// nng_messaging.cpp. bench/run-matrix runs them alternately.
#include "across_processes.hpp"
#include "plan.hpp"
#include "suites.hpp"
#include "zmtp_peers.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace matrix {

namespace {
const char* program = "bench-matrix";
}

void fail(const std::string& what)
{
    std::fprintf(stderr, "%s: %s\n", program, what.c_str());
    std::exit(EXIT_FAILURE);
}

}  // namespace matrix

int main(int argc, char** argv)
{
    using namespace matrix;
    if (argc == 4 && std::strcmp(argv[1], zmtp_peers_flag) == 0) return run_zmtp_peers(argv[2], argv[3]);
    if (argc == 6 && std::strcmp(argv[1], push_child_flag) == 0) {
        program = argv[0];
        return run_push_child(argv[0], argv[2], argv[3], argv[4], argv[5]);
    }

    const plan p = parse_command_line(argc, argv);
    program = argv[0];
    auto lib = open_library(argv[0]);
    std::printf("# %s: %s over %s\n", lib->description().c_str(), p.suite.c_str(), argv[2]);
    addresses at;
    if (p.suite == "throughput") throughput(*lib, p, at);
    if (p.suite == "across") across_processes(*lib, p, at);
    if (p.suite == "latency") latency(*lib, p, at);
    if (p.suite == "slow") slow_conversation(*lib, p, at);
    if (p.suite == "fanout") fan_out(*lib, p, at);
    if (p.suite == "peers") peers(*lib, p, at);
}
