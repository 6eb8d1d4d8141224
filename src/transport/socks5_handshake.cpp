#include "transport/socks5_handshake.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <cerrno>
#include <utility>

namespace zmx {

namespace {

constexpr uint8_t socks_version = 5;
constexpr uint8_t no_authentication = 0;
constexpr uint8_t username_password = 2;
constexpr uint8_t no_acceptable_method = 0xFF;
constexpr uint8_t credentials_version = 1;  // RFC 1929's subnegotiation
constexpr uint8_t connect_command = 1;
constexpr uint8_t ipv4_address = 1;
constexpr uint8_t domain_name = 3;
constexpr uint8_t ipv6_address = 4;
constexpr size_t connect_reply_head = 5;  // through the first byte of its address
constexpr size_t max_field = 255;         // a name, username or password

// RFC 1928's reply codes 1-8 as a failed connect's errno.
int errno_of_reply(uint8_t code) {
    switch (code) {
    case 1: return ECONNABORTED;
    case 2: return EACCES;
    case 3: return ENETUNREACH;
    case 4: return EHOSTUNREACH;
    case 5: return ECONNREFUSED;
    case 6: return ETIMEDOUT;
    case 7: return EOPNOTSUPP;
    case 8: return EAFNOSUPPORT;
    default: return EPROTO;
    }
}

// A length byte, then the bytes.
std::string counted(const std::string& field) { return static_cast<char>(field.size()) + field; }

// The request's address: the type byte, then the address as it travels.
std::string encoded_address(const std::string& host) {
    in_addr v4;
    if (inet_pton(AF_INET, host.c_str(), &v4) == 1)
        return static_cast<char>(ipv4_address) + std::string(reinterpret_cast<const char*>(&v4), sizeof v4);
    in6_addr v6;
    if (inet_pton(AF_INET6, host.c_str(), &v6) == 1)
        return static_cast<char>(ipv6_address) + std::string(reinterpret_cast<const char*>(&v6), sizeof v6);
    return static_cast<char>(domain_name) + counted(host);
}

}  // namespace

socks5_handshake::socks5_handshake(socks5_target target) : target_(std::move(target)) {
    if (target_.host.empty() || target_.host.size() > max_field || target_.username.size() > max_field ||
        target_.password.size() > max_field) {
        fail(EINVAL);
        return;
    }
    const uint8_t method = target_.username.empty() ? no_authentication : username_password;
    send({static_cast<char>(socks_version), 1, static_cast<char>(method)});
}

size_t socks5_handshake::bytes_wanted() const {
    if (status_ != status::working || !pending_output().empty())
        return 0;
    return reply_size_ - reply_.size();
}

socks5_handshake::status socks5_handshake::input(const uint8_t* data, size_t size) {
    if (size > bytes_wanted()) {
        fail(EPROTO);  // a caller's error: the proxy's next bytes are not ours to take
        return status_;
    }
    reply_.append(reinterpret_cast<const char*>(data), size);
    if (reply_.size() < reply_size_)
        return status_;
    switch (stage_) {
    case stage::choice: take_choice(); break;
    case stage::authentication: take_authentication_result(); break;
    case stage::connect_reply: take_connect_reply(); break;
    case stage::finished: break;
    }
    return status_;
}

void socks5_handshake::take_choice() {
    const auto version = static_cast<uint8_t>(reply_[0]);
    const auto method = static_cast<uint8_t>(reply_[1]);
    if (version != socks_version)
        return fail(EPROTO);
    if (method == no_acceptable_method)
        return fail(EACCES);
    const uint8_t offered = target_.username.empty() ? no_authentication : username_password;
    if (method != offered)
        return fail(EPROTO);  // we offered one method only
    if (method == username_password)
        send_credentials();
    else
        send_connect_request();
}

void socks5_handshake::send_credentials() {
    stage_ = stage::authentication;
    reply_size_ = 2;
    send(static_cast<char>(credentials_version) + counted(target_.username) + counted(target_.password));
}

void socks5_handshake::take_authentication_result() {
    if (static_cast<uint8_t>(reply_[0]) != credentials_version)
        return fail(EPROTO);
    if (reply_[1] != 0)
        return fail(EACCES);
    send_connect_request();
}

void socks5_handshake::send_connect_request() {
    stage_ = stage::connect_reply;
    reply_size_ = connect_reply_head;
    const std::string port{static_cast<char>(target_.port >> 8), static_cast<char>(target_.port & 0xFF)};
    send(std::string{static_cast<char>(socks_version), static_cast<char>(connect_command), 0} +
         encoded_address(target_.host) + port);
}

void socks5_handshake::take_connect_reply() {
    if (reply_.size() > connect_reply_head) {
        succeed();  // the bound address and port that follow are of no use to us
        return;
    }
    const auto version = static_cast<uint8_t>(reply_[0]);
    const auto code = static_cast<uint8_t>(reply_[1]);
    const auto address_type = static_cast<uint8_t>(reply_[3]);
    if (version != socks_version || reply_[2] != 0)
        return fail(EPROTO);
    if (code != 0)
        return fail(errno_of_reply(code));
    // The length of what follows the 4-byte head: address, then port.
    size_t rest = 0;
    if (address_type == ipv4_address)
        rest = 4 + 2;
    else if (address_type == ipv6_address)
        rest = 16 + 2;
    else if (address_type == domain_name)
        rest = 1 + static_cast<uint8_t>(reply_[4]) + 2;
    else
        return fail(EPROTO);
    reply_size_ = 4 + rest;
}

void socks5_handshake::send(std::string bytes) {
    output_ = std::move(bytes);
    output_sent_ = 0;
    reply_.clear();
}

void socks5_handshake::fail(int error) {
    stage_ = stage::finished;
    status_ = status::failed;
    error_ = error;
}

void socks5_handshake::succeed() {
    stage_ = stage::finished;
    status_ = status::done;
}

} // namespace zmx
