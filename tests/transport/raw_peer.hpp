// A raw tcp client that speaks ZMTP by hand, byte by byte, to check what a
// socket does with a handshake in unusual pieces or with wrong parts.
#pragma once

#include "zmq_test.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <string>
#include <string_view>

namespace tt {

class raw_peer {
public:
    // Connects to a "tcp://127.0.0.1:port" endpoint.
    explicit raw_peer(const std::string& endpoint) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        const sockaddr_in address = loopback(endpoint);
        EXPECT_EQ(::connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
    }
    // Starts a connection without waiting for it to be accepted.
    struct pending {
        std::string endpoint;
    };
    explicit raw_peer(pending connection) : fd_(::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0)) {
        const sockaddr_in address = loopback(connection.endpoint);
        ::connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address);
    }
    // Takes over a connected descriptor (see raw_server.hpp).
    struct adopted {
        int fd;
    };
    explicit raw_peer(adopted connection) : fd_(connection.fd) {}
    ~raw_peer() {
        if (fd_ >= 0)
            ::close(fd_);
    }
    raw_peer(const raw_peer&) = delete;
    raw_peer& operator=(const raw_peer&) = delete;

    // Sends the bytes in one write.
    void send(const std::string& bytes) {
        EXPECT_EQ(::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL), static_cast<ssize_t>(bytes.size()));
    }

    // Reads exactly n bytes, or what came before timeout_ms passed between
    // two arrivals (or the peer closed).
    std::string receive(size_t n, int timeout_ms = zt::safety_timeout_ms) {
        std::string bytes;
        while (bytes.size() < n) {
            pollfd item{fd_, POLLIN, 0};
            if (::poll(&item, 1, timeout_ms) <= 0)
                break;
            char buffer[4096];
            const ssize_t got = ::recv(fd_, buffer, std::min(sizeof buffer, n - bytes.size()), 0);
            if (got <= 0)
                break;
            bytes.append(buffer, static_cast<size_t>(got));
        }
        return bytes;
    }

    // An attacker's write (tests/hostile): sends all of the bytes, false
    // when the socket has already hung up, which may race what was sent
    // before. Expects nothing.
    bool send_unless_closed(std::string_view bytes) {
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

    // What one read gives once something came within timeout_ms ("" if
    // nothing did).
    std::string receive_available(int timeout_ms) {
        pollfd item{fd_, POLLIN, 0};
        char buffer[4096];
        if (::poll(&item, 1, timeout_ms) <= 0)
            return "";
        const ssize_t got = ::recv(fd_, buffer, sizeof buffer, 0);
        return got > 0 ? std::string(buffer, static_cast<size_t>(got)) : "";
    }

    // Hangs up from our side now.
    void hang_up() {
        ::close(fd_);
        fd_ = -1;
    }

    // Hangs up from our side with a reset (SO_LINGER of 0): the peer's next
    // read fails with ECONNRESET instead of ending in order.
    void reset() {
        const linger abort{1, 0};
        EXPECT_EQ(::setsockopt(fd_, SOL_SOCKET, SO_LINGER, &abort, sizeof abort), 0);
        hang_up();
    }

    // True when the peer closed the connection within timeout_ms (what it
    // sent before is read and dropped). `service`, a zmq socket, is kept
    // busy meanwhile: a socket that closes a connection itself (STREAM,
    // ROUTER_RAW) completes that, in libzmq, only inside a zmq call; a
    // message on it ends the wait.
    bool closed_by_peer(int timeout_ms = zt::safety_timeout_ms, void* service = nullptr) {
        for (;;) {
            zmq_pollitem_t items[2] = {{nullptr, fd_, ZMQ_POLLIN, 0}, {service, 0, ZMQ_POLLIN, 0}};
            if (zmq_poll(items, service ? 2 : 1, timeout_ms) <= 0 || !items[0].revents)
                return false;
            char buffer[4096];
            if (::recv(fd_, buffer, sizeof buffer, 0) <= 0)
                return true;
        }
    }

    // A ZMTP 3.x greeting (RFC 23): signature, version (3.1 unless told),
    // mechanism, as-server.
    static std::string greeting(const std::string& mechanism, char minor = 1) {
        std::string bytes(64, '\0');
        bytes[0] = '\xff';
        bytes[9] = '\x7f';
        bytes[10] = 3;
        bytes[11] = minor;
        bytes.replace(12, mechanism.size(), mechanism);
        return bytes;
    }
    // A short command frame: its name, then its body.
    static std::string command(const std::string& name, const std::string& body = "") {
        std::string bytes{'\x04', static_cast<char>(1 + name.size() + body.size()), static_cast<char>(name.size())};
        return bytes + name + body;
    }
    // A READY command announcing a socket type (RFC 37 metadata).
    static std::string ready(const std::string& socket_type) {
        const std::string name = "Socket-Type";
        std::string property{static_cast<char>(name.size())};
        property += name;
        property += std::string{'\0', '\0', '\0', static_cast<char>(socket_type.size())};
        property += socket_type;
        return command("READY", property);
    }
    // A short, final message frame.
    static std::string message(const std::string& body) {
        return std::string{'\0', static_cast<char>(body.size())} + body;
    }

private:
    static sockaddr_in loopback(const std::string& endpoint) {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = htons(static_cast<uint16_t>(std::stoi(endpoint.substr(endpoint.rfind(':') + 1))));
        return address;
    }

    int fd_;
};

} // namespace tt
