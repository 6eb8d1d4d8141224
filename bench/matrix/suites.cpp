#include "suites.hpp"

#include <cstdio>
#include <cstdlib>

namespace matrix {

addresses::~addresses()
{
    if (ipc_directory_.empty()) return;
    std::error_code ignored;
    std::filesystem::remove_all(ipc_directory_, ignored);
}

std::string addresses::fresh(const std::string& transport)
{
    const std::string name = "matrix-" + std::to_string(++serial_);
    if (transport == "inproc") return "inproc://" + name;
    if (transport == "tcp") return "tcp://127.0.0.1:*";
    if (ipc_directory_.empty()) {
        std::string pattern = (std::filesystem::temp_directory_path() / "bench-matrix-XXXXXX").string();
        if (!mkdtemp(pattern.data())) fail("mkdtemp");
        ipc_directory_ = pattern;
    }
    return "ipc://" + (ipc_directory_ / name).string();
}

long send_stream(socket& s, size_t size, long count, std::chrono::duration<double> budget)
{
    const auto start = std::chrono::steady_clock::now();
    long sent = 0;
    // The clock is read every 256 messages, not for each.
    for (; sent < count; sent++) {
        if (sent % 256 == 0 && std::chrono::steady_clock::now() - start > budget) break;
        s.send(size);
    }
    return sent;
}

void figure(const std::string& transport, const std::string& name, double value)
{
    std::printf("%s %s\t%.3f\n", transport.c_str(), name.c_str(), value);
    std::fflush(stdout);
}

void stream_figures(const std::string& transport, const std::string& name, size_t size, long messages, double seconds,
                    double cpu_seconds)
{
    figure(transport, name + "msg/s", double(messages) / seconds);
    figure(transport, name + "MB/s", double(messages) * double(size) / seconds / 1e6);
    figure(transport, name + "cpu us/msg", cpu_seconds / double(messages) * 1e6);
}

void expect_size(size_t received, size_t sent)
{
    if (received != sent) fail("received " + std::to_string(received) + " bytes, sent " + std::to_string(sent));
}

}  // namespace matrix
