// A hand-made ws:// or wss:// client (TLS by GnuTLS, trusting the test
// authority) that reads only as much as the test asks, when it asks: a
// peer that stalls with a message half read, then reads on or hangs up.
// Its kernel receive buffer is set small before it connects, so that a
// stall reaches the sender after a few KiB.
#pragma once

#include "ws_raw_client.hpp"

#include <gnutls/gnutls.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstdint>
#include <string>

namespace tt {

class stalling_ws_client {
public:
    // Connects to "ws://127.0.0.1:port/..." or, given the authority that
    // signed the server's certificate, "wss://...".
    stalling_ws_client(const std::string& endpoint, int rcvbuf, const std::string* trusted_ca_pem = nullptr)
        : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        EXPECT_EQ(::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf), 0);
        // Blocking reads and writes, with the tests' safety net as timeout.
        const timeval timeout{zt::safety_timeout_ms / 1000, 0};
        EXPECT_EQ(::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout), 0);
        EXPECT_EQ(::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout), 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const size_t port_at = endpoint.rfind(':') + 1;
        address.sin_port = htons(static_cast<uint16_t>(std::stoi(endpoint.substr(port_at))));
        EXPECT_EQ(::connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
        if (trusted_ca_pem)
            start_tls(*trusted_ca_pem);
    }
    ~stalling_ws_client() {
        hang_up();
        if (credentials_)
            gnutls_certificate_free_credentials(credentials_);
    }
    stalling_ws_client(const stalling_ws_client&) = delete;
    stalling_ws_client& operator=(const stalling_ws_client&) = delete;

    // The upgrade and the NULL handshake as a DEALER named `routing_id`,
    // then one message, so that a ROUTER has surely taken the peer in once
    // it has that message.
    void open_as_dealer(const std::string& routing_id, const std::string& hello) {
        send(upgrade_request());
        std::string head;
        while (head.find("\r\n\r\n") == std::string::npos) {
            const std::string byte = receive(1);
            ASSERT_EQ(byte.size(), 1u) << "the upgrade was not answered: " << head;
            head += byte;
        }
        ASSERT_EQ(head.rfind("HTTP/1.1 101", 0), 0u) << head;
        const std::string ready = read_frame_payload();
        ASSERT_EQ(ready.substr(0, 7), std::string("\x02\x05READY", 7));
        const std::string name = "Identity";
        std::string identity{static_cast<char>(name.size())};
        identity += name + std::string{0, 0, 0, static_cast<char>(routing_id.size())} + routing_id;
        send(zws(2, ready_body("DEALER") + identity));
        send(zws(0, hello));
    }

    // The size of the next ws frame's payload, read from its header only:
    // its payload is left for receive().
    uint64_t read_frame_header() {
        const std::string head = receive(2);
        if (head.size() < 2)
            return 0;
        uint64_t length = static_cast<uint8_t>(head[1]) & 0x7F;
        const size_t extended = length == 126 ? 2 : length == 127 ? 8 : 0;
        if (extended) {
            length = 0;
            for (unsigned char byte : receive(extended))
                length = (length << 8) | byte;
        }
        return length;
    }
    std::string read_frame_payload() { return receive(read_frame_header()); }

    void send(const std::string& bytes) {
        size_t sent = 0;
        while (sent < bytes.size()) {
            const ssize_t n = session_ ? gnutls_record_send(session_, bytes.data() + sent, bytes.size() - sent)
                                       : ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
            ASSERT_GT(n, 0) << "sending failed";
            sent += static_cast<size_t>(n);
        }
    }

    // Reads exactly n bytes, or fewer if the connection ended or nothing
    // came within the safety timeout.
    std::string receive(size_t n) {
        std::string bytes(n, '\0');
        size_t got = 0;
        while (got < n) {
            const ssize_t r = session_ ? gnutls_record_recv(session_, bytes.data() + got, n - got)
                                       : ::recv(fd_, bytes.data() + got, n - got, 0);
            if (r <= 0)
                break;
            got += static_cast<size_t>(r);
        }
        bytes.resize(got);
        return bytes;
    }

    // Closes the connection now, whatever is unread (the kernel then
    // resets it).
    void hang_up() {
        if (session_) {
            gnutls_deinit(session_);
            session_ = nullptr;
        }
        if (fd_ >= 0)
            ::close(fd_);
        fd_ = -1;
    }

private:
    void start_tls(const std::string& ca_pem) {
        ASSERT_EQ(gnutls_certificate_allocate_credentials(&credentials_), 0);
        gnutls_datum_t ca{reinterpret_cast<unsigned char*>(const_cast<char*>(ca_pem.data())),
                          static_cast<unsigned>(ca_pem.size())};
        ASSERT_EQ(gnutls_certificate_set_x509_trust_mem(credentials_, &ca, GNUTLS_X509_FMT_PEM), 1);
        ASSERT_EQ(gnutls_init(&session_, GNUTLS_CLIENT), 0);
        ASSERT_EQ(gnutls_set_default_priority(session_), 0);
        ASSERT_EQ(gnutls_credentials_set(session_, GNUTLS_CRD_CERTIFICATE, credentials_), 0);
        gnutls_session_set_verify_cert(session_, "localhost", 0);
        gnutls_transport_set_int(session_, fd_);
        int result;
        do
            result = gnutls_handshake(session_);
        while (result < 0 && !gnutls_error_is_fatal(result));
        ASSERT_EQ(result, 0) << gnutls_strerror(result);
    }

    int fd_;
    gnutls_certificate_credentials_t credentials_ = nullptr;
    gnutls_session_t session_ = nullptr;
};

} // namespace tt
