#include "plan.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace matrix {

namespace {

const char* const usage =
    "usage: %s SUITE TRANSPORTS [--scale X] [--sizes N,...] [--subscribers N,...] [--peers N,...] [--seconds S] "
    "[--smoke]\n"
    "  SUITE       throughput (PUSH/PULL at each size), across (the same, the PUSH in a second process),\n"
    "              latency (REQ/REP and DEALER/ROUTER at 64 B and 4 KB),\n"
    "              fanout (PUB/SUB to N subscribers), peers (N tcp peers to one ROUTER: time and memory),\n"
    "              slow (REQ/REP 1,000 exchanges/s for S seconds: CPU)\n"
    "  TRANSPORTS  comma-separated: inproc, ipc, tcp (peers: tcp only; across leaves inproc out)\n"
    "  --scale X   multiplies message counts (default 1)\n"
    "  --seconds S the slow conversation's length (default 5)\n"
    "  --smoke     a few messages of everything, 20 peers, 0.2 s: checks that the suite runs\n";

[[noreturn]] void usage_error(const char* program)
{
    std::fprintf(stderr, usage, program);
    std::exit(2);
}

// A comma-separated list of whole numbers, each at least 1.
template <typename Number>
std::vector<Number> numbers(const std::string& list, const char* program)
{
    std::vector<Number> values;
    std::istringstream in(list);
    for (std::string item; std::getline(in, item, ',');) {
        char* end = nullptr;
        const double value = std::strtod(item.c_str(), &end);
        if (item.empty() || *end != '\0' || value < 1) usage_error(program);
        values.push_back(Number(value));
    }
    if (values.empty()) usage_error(program);
    return values;
}

double positive(const std::string& text, const char* program)
{
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !(value > 0)) usage_error(program);
    return value;
}

std::vector<std::string> words(const std::string& list)
{
    std::vector<std::string> values;
    std::istringstream in(list);
    for (std::string item; std::getline(in, item, ',');) values.push_back(item);
    return values;
}

}  // namespace

long plan::count(double base, long floor) const
{
    return std::max(floor, std::lround(base * scale));
}

plan parse_command_line(int argc, char** argv)
{
    const char* program = argc > 0 ? argv[0] : "bench-matrix";
    if (argc < 3) usage_error(program);
    plan p;
    p.suite = argv[1];
    p.transports = words(argv[2]);
    const std::vector<std::string> suites{"throughput", "across", "latency", "fanout", "peers", "slow"};
    if (std::find(suites.begin(), suites.end(), p.suite) == suites.end()) usage_error(program);
    for (const auto& transport : p.transports)
        if (transport != "inproc" && transport != "ipc" && transport != "tcp") usage_error(program);

    for (int i = 3; i < argc; i++) {
        const std::string option = argv[i];
        if (option == "--smoke") {
            p.scale = 0.0005;
            p.peers = {20};
            p.slow_seconds = 0.2;
            continue;
        }
        if (i + 1 >= argc) usage_error(program);
        const std::string value = argv[++i];
        if (option == "--scale")
            p.scale = positive(value, program);
        else if (option == "--sizes")
            p.sizes = numbers<size_t>(value, program);
        else if (option == "--subscribers")
            p.subscribers = numbers<long>(value, program);
        else if (option == "--peers")
            p.peers = numbers<long>(value, program);
        else if (option == "--seconds")
            p.slow_seconds = positive(value, program);
        else
            usage_error(program);
    }
    return p;
}

}  // namespace matrix
