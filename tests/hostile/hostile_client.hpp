// A tcp client that misbehaves on purpose: it sends whatever bytes a test
// gives it and tells when the socket under attack hangs up on it.
#pragma once

#include "zmq_test.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace ht {

class hostile_client {
public:
    // Connects to a "tcp://127.0.0.1:port" endpoint.
    explicit hostile_client(std::string_view endpoint) : fd_(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const std::string port(endpoint.substr(endpoint.rfind(':') + 1));
        address.sin_port = htons(static_cast<uint16_t>(std::stoi(port)));
        EXPECT_EQ(::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address), 0) << strerror(errno);
    }
    ~hostile_client() { close(); }
    hostile_client(const hostile_client&) = delete;
    hostile_client& operator=(const hostile_client&) = delete;

    // Sends all of `bytes`. False when the socket has already hung up: an
    // attacker's writes may race the socket's verdict on earlier ones.
    bool send(std::string_view bytes) {
        while (!bytes.empty()) {
            const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            bytes.remove_prefix(static_cast<size_t>(n));
        }
        return true;
    }

    // Reads exactly n bytes (a greeting, a READY): fewer if the socket hangs
    // up or nothing comes for timeout_ms.
    std::string receive(size_t n, int timeout_ms = zt::safety_timeout_ms) {
        std::string bytes;
        while (bytes.size() < n && readable_within(timeout_ms)) {
            char buffer[4096];
            const ssize_t got = ::recv(fd_, buffer, std::min(sizeof buffer, n - bytes.size()), 0);
            if (got <= 0)
                break;
            bytes.append(buffer, static_cast<size_t>(got));
        }
        return bytes;
    }

    // What one read gives once something has come within timeout_ms ("" if
    // nothing did).
    std::string receive_available(int timeout_ms) {
        char buffer[4096];
        if (!readable_within(timeout_ms))
            return "";
        const ssize_t got = ::recv(fd_, buffer, sizeof buffer, 0);
        return got > 0 ? std::string(buffer, static_cast<size_t>(got)) : "";
    }

    // Drops whatever the socket sends until it hangs up (end of stream or a
    // reset): true when that happens within timeout_ms.
    bool wait_closed(int timeout_ms = zt::safety_timeout_ms) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
        for (;;) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0 || !readable_within(static_cast<int>(left.count())))
                return false;
            char buffer[4096];
            const ssize_t got = ::recv(fd_, buffer, sizeof buffer, 0);
            if (got == 0 || (got < 0 && errno != EINTR && errno != EAGAIN))
                return true;
        }
    }

    // Hangs up from our side.
    void close() {
        if (fd_ >= 0)
            ::close(fd_);
        fd_ = -1;
    }

private:
    bool readable_within(int timeout_ms) {
        pollfd item{fd_, POLLIN, 0};
        return ::poll(&item, 1, timeout_ms) > 0;
    }

    int fd_;
};

} // namespace ht
