// A tcp listener on 127.0.0.1 that hands each connection to a raw_peer, so
// a test can play the ZMTP server by hand to a connecting socket.
#pragma once

#include "raw_peer.hpp"

#include <memory>

namespace tt {

class raw_server {
public:
    // backlog: listen(2)'s; 0 makes a queue a test can fill.
    explicit raw_server(int backlog = 16) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        EXPECT_EQ(::bind(fd_, reinterpret_cast<sockaddr*>(&address), length), 0);
        EXPECT_EQ(::listen(fd_, backlog), 0);
        EXPECT_EQ(::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length), 0);
        endpoint_ = "tcp://127.0.0.1:" + std::to_string(ntohs(address.sin_port));
    }
    ~raw_server() { ::close(fd_); }
    raw_server(const raw_server&) = delete;
    raw_server& operator=(const raw_server&) = delete;

    const std::string& endpoint() const { return endpoint_; }

    // The next connection, or null if none came within timeout_ms.
    std::unique_ptr<raw_peer> accept(int timeout_ms = zt::safety_timeout_ms) {
        pollfd item{fd_, POLLIN, 0};
        if (::poll(&item, 1, timeout_ms) <= 0)
            return nullptr;
        const int connection = ::accept(fd_, nullptr, nullptr);
        return connection < 0 ? nullptr : std::make_unique<raw_peer>(raw_peer::adopted{connection});
    }

    // Plays a ZMTP 3.1 (or 3.minor) server up to the end of the NULL
    // handshake, as the given socket type; the peer's greeting and READY
    // are read and dropped.
    std::unique_ptr<raw_peer> accept_handshake(const std::string& socket_type, char minor = 1) {
        auto peer = accept();
        if (!peer)
            return nullptr;
        peer->send(raw_peer::greeting("NULL", minor) + raw_peer::ready(socket_type));
        EXPECT_EQ(peer->receive(64).size(), 64u);  // its greeting
        const std::string header = peer->receive(2);
        EXPECT_EQ(header.size(), 2u);
        if (header.size() == 2)
            peer->receive(static_cast<uint8_t>(header[1]));  // its READY
        return peer;
    }

private:
    int fd_;
    std::string endpoint_;
};

} // namespace tt
