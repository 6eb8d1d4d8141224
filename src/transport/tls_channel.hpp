// TLS for one wss:// connection, sans-I/O: GnuTLS's transport push and pull
// functions point at two byte buffers instead of the descriptor. The
// engine reads ciphertext from its descriptor into intake() and writes
// what outgoing() holds; records, the handshake and the certificate checks
// happen in between, here.
//
// Why GnuTLS rather than OpenSSL: custom push/pull functions make a
// session a plain object fed and drained by the engine, like its other
// layers; GnuTLS is built on nettle, which zmx already links for the ws
// upgrade; and libzmq 4.3 uses GnuTLS for wss, so certificates and names
// are checked alike.
//
// Threading: the I/O thread of its engine.
#pragma once

#include "transport/output_queue.hpp"
#include "transport/tls_credentials.hpp"

#include <gnutls/gnutls.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace zmx {

class tls_channel {
public:
    enum class status {
        done,       // the handshake finished, or open() gave bytes
        need_more,  // waits for more ciphertext in intake()
        closed,     // the peer ended TLS (close_notify)
        failed,     // a broken record, an alert, a certificate that does not verify
    };

    // A client checks the server's certificate against `credentials` and,
    // when `hostname` is not empty, its name (a DNS name or an IP address).
    // Its hello is waiting in outgoing() at once.
    static std::unique_ptr<tls_channel> client(std::shared_ptr<const tls_credentials> credentials,
                                               const std::string& hostname);
    static std::unique_ptr<tls_channel> server(std::shared_ptr<const tls_credentials> credentials);
    ~tls_channel();
    tls_channel(const tls_channel&) = delete;
    tls_channel& operator=(const tls_channel&) = delete;

    // Room for ciphertext from the peer; empty until GnuTLS has taken all
    // that came before, so the buffer never grows.
    std::span<uint8_t> intake();
    void took_in(size_t size) { intake_end_ += size; }
    // Whether open() may give bytes without more ciphertext being read.
    bool has_input() const;

    // Runs the handshake as far as the ciphertext in hand allows.
    status handshake();
    bool established() const { return established_; }
    // Decrypts up to into.size() bytes: done with produced > 0, or why not.
    status open(std::span<uint8_t> into, size_t& produced);
    // Encrypts plaintext into outgoing(): false if GnuTLS fails.
    bool seal(std::span<const uint8_t> plain);

    // Ciphertext for the peer, until the descriptor takes it.
    output_queue& outgoing() { return outgoing_; }

private:
    tls_channel(unsigned flags, std::shared_ptr<const tls_credentials> credentials);
    static ssize_t push(gnutls_transport_ptr_t self, const void* data, size_t size);
    static ssize_t pull(gnutls_transport_ptr_t self, void* data, size_t size);

    std::shared_ptr<const tls_credentials> credentials_;
    gnutls_session_t session_ = nullptr;  // null if GnuTLS could not make one: every step fails
    std::string hostname_;                // the name the client checks
    std::vector<uint8_t> intake_;
    size_t intake_offset_ = 0;
    size_t intake_end_ = 0;
    output_queue outgoing_;
    bool established_ = false;
};

} // namespace zmx
