// The client side of a SOCKS5 exchange (RFC 1928, with RFC 1929
// username/password authentication), sans I/O: the connecter writes what
// pending_output() holds, reads at most bytes_wanted() bytes from the
// proxy and feeds them to input(), until the status is done (the proxy
// now relays the connection to the target) or failed (error() says why).
//
// The exchange, as libzmq 4.3.4 speaks it: a greeting offering exactly one
// method (no authentication, or username/password when a username is
// set); then, if the proxy chose username/password, the credentials; then
// CONNECT to the target by IPv4 or IPv6 address when its host is a literal,
// by domain name otherwise. Everything read is bounded: a reply is at most
// 262 bytes (a 255-byte domain name), and never a byte past its end is
// asked for, so what the target sends after it stays in the descriptor
// for the engine.
//
// What the proxy says maps to the errno a failed connect would have:
//   no acceptable method, credentials refused, ruleset  EACCES
//   reply 1 (general failure)                            ECONNABORTED
//   reply 3 / 4 (network / host unreachable)             ENETUNREACH / EHOSTUNREACH
//   reply 5 (refused)                                    ECONNREFUSED
//   reply 6 (TTL expired)                                ETIMEDOUT
//   reply 7 / 8 (command / address type not supported)   EOPNOTSUPP / EAFNOSUPPORT
//   anything else malformed                              EPROTO
//
// Threading: a plain object, used by one thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace zmx {

struct socks5_target {
    std::string host;  // an IPv4 or IPv6 literal, or a name of at most 255 bytes
    uint16_t port = 0;
    std::string username;  // empty: no authentication offered; at most 255 bytes
    std::string password;  // at most 255 bytes
};

class socks5_handshake {
public:
    enum class status { working, done, failed };

    // The greeting is pending output from the start. A target the request
    // cannot carry (a longer name) fails at once with EINVAL.
    explicit socks5_handshake(socks5_target target);

    status current() const { return status_; }
    int error() const { return error_; }

    std::string_view pending_output() const { return std::string_view(output_).substr(output_sent_); }
    void output_written(size_t count) { output_sent_ += count; }

    // How many bytes the proxy's current reply still has: at most this
    // many may be read and fed. 0 while output is pending or once decided.
    size_t bytes_wanted() const;
    // Bytes from the proxy, at most bytes_wanted() of them.
    status input(const uint8_t* data, size_t size);

    static constexpr size_t longest_reply = 4 + 1 + 255 + 2;

private:
    enum class stage { choice, authentication, connect_reply, finished };

    // A whole reply of the current stage has arrived in reply_.
    void take_choice();
    void take_authentication_result();
    // The CONNECT reply's first 5 bytes tell its length; then its end.
    void take_connect_reply();
    void send_credentials();
    void send_connect_request();
    void send(std::string bytes);
    void fail(int error);
    void succeed();

    socks5_target target_;
    stage stage_ = stage::choice;
    status status_ = status::working;
    int error_ = 0;
    std::string output_;
    size_t output_sent_ = 0;
    std::string reply_;           // the current reply, as far as it came
    size_t reply_size_ = 2;       // its length, as far as it is known
};

} // namespace zmx
