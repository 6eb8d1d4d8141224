// Endpoints for the tests of tcp and ipc connections: the two transports a
// test is parameterised over, endpoints nothing listens on, and checks on
// descriptors and socket files.
#pragma once

#include "zmq_test.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace tt {

enum class transport { tcp, ipc };

// Names the parameter in failure messages.
inline void PrintTo(transport t, std::ostream* os) {
    *os << (t == transport::tcp ? "tcp" : "ipc");
}

inline std::string transport_name(const ::testing::TestParamInfo<transport>& info) {
    return info.param == transport::tcp ? "tcp" : "ipc";
}

// What a test binds to when any address will do.
inline const char* wildcard(transport t) {
    return t == transport::tcp ? "tcp://127.0.0.1:*" : "ipc://*";
}

inline std::string last_endpoint(void* s) {
    char buffer[512] = {};
    size_t size = sizeof buffer;
    EXPECT_EQ(zmq_getsockopt(s, ZMQ_LAST_ENDPOINT, buffer, &size), 0) << zmq_strerror(zmq_errno());
    return buffer;
}

// Binds to the transport's wildcard and returns the endpoint it got.
inline std::string bind_any(void* s, transport t) {
    EXPECT_EQ(zmq_bind(s, wildcard(t)), 0) << zmq_strerror(zmq_errno());
    return last_endpoint(s);
}

// Waits until a socket stops accepting messages (its last pipe went away).
inline bool becomes_unwritable(void* s) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(zt::safety_timeout_ms);
    while (std::chrono::steady_clock::now() < deadline) {
        if ((zt::get_int(s, ZMQ_EVENTS) & ZMQ_POLLOUT) == 0)
            return true;
        zmq_pollitem_t none{nullptr, -1, 0, 0};
        zmq_poll(&none, 0, 10);
    }
    return false;
}

// The ipc paths a test process handed out, removed when it exits: a socket
// file bound by name outlives its socket (libzmq leaves it behind).
class ipc_paths_to_remove {
public:
    ~ipc_paths_to_remove() {
        for (const std::string& path : paths_)
            unlink(path.c_str());
    }
    void add(const std::string& path) {
        std::lock_guard<std::mutex> lock(mutex_);
        paths_.push_back(path);
    }

private:
    std::mutex mutex_;
    std::vector<std::string> paths_;
};

// A filesystem path unique to this process and call, free of stale files.
inline std::string unique_ipc_path(std::string_view tag) {
    static std::atomic<int> counter{0};
    static ipc_paths_to_remove handed_out;
    std::string path = "/tmp/zmx-transport-" + std::to_string(getpid()) + "-" + std::string(tag) + "-"
                     + std::to_string(counter++);
    unlink(path.c_str());
    handed_out.add(path);
    return path;
}

// An abstract-namespace name unique to this process and call.
inline std::string unique_abstract_name(std::string_view tag) {
    static std::atomic<int> counter{0};
    return "@zmx-transport-" + std::to_string(getpid()) + "-" + std::string(tag) + "-" + std::to_string(counter++);
}

// A tcp port nobody listens on, held for the object's life: the port is
// bound but not listening, so connects to it are refused at once and no
// other process can take it meanwhile.
class refused_tcp_port {
public:
    refused_tcp_port() : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t size = sizeof address;
        EXPECT_EQ(::bind(fd_, reinterpret_cast<sockaddr*>(&address), size), 0);
        EXPECT_EQ(getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &size), 0);
        endpoint_ = "tcp://127.0.0.1:" + std::to_string(ntohs(address.sin_port));
    }
    ~refused_tcp_port() { ::close(fd_); }
    refused_tcp_port(const refused_tcp_port&) = delete;
    refused_tcp_port& operator=(const refused_tcp_port&) = delete;
    const std::string& endpoint() const { return endpoint_; }

private:
    int fd_;
    std::string endpoint_;
};

// An endpoint nothing is bound to yet, for a connect that comes before the
// bind. For tcp the port is free when this returns; another process could
// in principle take it before the test binds it, which the ephemeral port
// allocator makes very unlikely.
inline std::string endpoint_to_bind_later(transport t) {
    if (t == transport::ipc)
        return "ipc://" + unique_ipc_path("later");
    refused_tcp_port port;
    return port.endpoint();
}

inline bool fd_is_open(uint32_t fd) {
    return fcntl(static_cast<int>(fd), F_GETFD) != -1;
}

inline bool is_socket_file(const std::string& path) {
    struct stat status {};
    return stat(path.c_str(), &status) == 0 && S_ISSOCK(status.st_mode);
}

inline bool path_exists(const std::string& path) {
    return access(path.c_str(), F_OK) == 0;
}

// "ipc://path" -> "path".
inline std::string ipc_path(const std::string& endpoint) {
    return endpoint.substr(std::string_view("ipc://").size());
}

} // namespace tt
