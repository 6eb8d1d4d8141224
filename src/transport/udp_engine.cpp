#include "transport/udp_engine.hpp"

#include "base/msg.hpp"

#include <arpa/inet.h>
#include <sys/socket.h>
#include <unistd.h>

#include <charconv>
#include <cstring>

namespace zmx {

namespace {

// Datagrams read per wake-up before the socket is told: one wake-up for a
// burst, and other descriptors of the thread get their turn.
constexpr int datagrams_per_read = 64;
// Bytes sent before the engine yields to the reactor (the session's batch).
constexpr size_t bytes_per_batch = 64 * 1024;
// What a datagram costs a receiver beyond its bytes: the kernel charges a
// small one about 1 KiB of its receive buffer (some 200 fit by default).
// Counted so, a batch is at most 64 small datagrams, and a DISH on the
// same I/O thread reads before its buffer overflows.
constexpr size_t datagram_overhead = 1024;

// "ip:port" of an IPv4 peer, as libzmq names a DGRAM's peers: with its
// terminating NUL in the message.
std::string address_text(const sockaddr_storage& from) {
    if (from.ss_family != AF_INET)
        return {};
    const auto& in = reinterpret_cast<const sockaddr_in&>(from);
    char ip[INET_ADDRSTRLEN] = {};
    inet_ntop(AF_INET, &in.sin_addr, ip, sizeof ip);
    return std::string(ip) + ":" + std::to_string(ntohs(in.sin_port)) + '\0';
}

// A DGRAM's peer as the application names it: a numeric "ip:port" (IPv4
// only, as in libzmq), a terminating NUL allowed; -1 for anything else.
int resolve_numeric_ipv4(const std::string& text, tcp_address& out) {
    const size_t colon = text.rfind(':');
    if (colon == std::string::npos)
        return -1;
    const std::string ip = text.substr(0, colon);
    int port = -1;
    const char* digits = text.c_str() + colon + 1;
    const auto [end, error] = std::from_chars(digits, text.c_str() + text.size(), port);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    if (error != std::errc() || *end != '\0' || port < 0 || port > 65535 ||
        inet_pton(AF_INET, ip.c_str(), &address.sin_addr) != 1)
        return -1;
    address.sin_port = htons(static_cast<uint16_t>(port));
    std::memcpy(&out.storage, &address, sizeof address);
    out.length = sizeof address;
    return 0;
}

}  // namespace

udp_engine::udp_engine(reactor& loop, int fd, const socket_link& link, events& sink)
    : loop_(loop),
      fd_(fd),
      raw_(link.groups == group_role::none),
      receives_(link.groups != group_role::radio),
      sink_(sink),
      // A RADIO connects to its endpoint; a DISH or DGRAM is bound on it.
      where_(receives_ ? endpoint_pair::of_bind(link.endpoint) : endpoint_pair::of_connect(link.endpoint)),
      destination_(link.udp_destination) {}

udp_engine::~udp_engine() { stop(); }

void udp_engine::start() {
    loop_.add_fd(fd_, this);
    if (receives_)
        loop_.want_read(fd_, true);
    sink_.engine_ready({});
}

void udp_engine::stop() {
    if (fd_ < 0)
        return;
    loop_.remove_fd(fd_);
    ::close(fd_);
    fd_ = -1;
}

void udp_engine::resume_input() {
    if (fd_ >= 0 && receives_)
        loop_.want_read(fd_, true);
}

void udp_engine::flush() {
    if (batch_bytes_ < bytes_per_batch)
        batch_bytes_ = 0;  // the session's pipe ran dry: nothing to yield for
    else if (fd_ >= 0)
        loop_.want_write(fd_, true);  // on_writable once the others had their turn
}

void udp_engine::on_writable() {
    loop_.want_write(fd_, false);
    batch_bytes_ = 0;
    sink_.engine_drained();
}

void udp_engine::on_readable() {
    for (int i = 0; i < datagrams_per_read && fd_ >= 0; ++i) {
        sockaddr_storage from{};
        socklen_t from_size = sizeof from;
        const ssize_t n = ::recvfrom(fd_, buffer_.data(), buffer_.size(), MSG_DONTWAIT,
                                     reinterpret_cast<sockaddr*>(&from), &from_size);
        if (n < 0)
            break;  // EAGAIN, or an ICMP error of an earlier send: udp carries on
        const bool taken = raw_ ? receive_raw(static_cast<size_t>(n), from) : receive_grouped(static_cast<size_t>(n));
        if (!taken) {
            // The socket's queue is full: what arrives meanwhile waits in
            // the kernel (which drops beyond its buffer) until there is room.
            loop_.want_read(fd_, false);
            break;
        }
    }
    sink_.engine_input_done();
}

bool udp_engine::receive_grouped(size_t size) {
    const auto parsed = decoder_.decode(std::span<const uint8_t>(buffer_.data(), size));
    if (!parsed)
        return true;  // malformed: dropped, counted by the decoder
    msg m;
    const char* body = reinterpret_cast<const char*>(parsed->body.data());
    if (m.init_copy_of(body, parsed->body.size()) < 0)
        return true;
    const std::string group(parsed->group);
    if (m.set_group(group.c_str()) < 0 || !sink_.engine_received(m)) {
        m.close();
        return false;
    }
    return true;
}

bool udp_engine::receive_raw(size_t size, const sockaddr_storage& from) {
    const std::string address = address_text(from);
    msg peer;
    if (address.empty() || peer.init_copy_of(address.data(), address.size()) < 0)
        return true;
    peer.set(msg::more);
    if (!sink_.engine_received(peer)) {
        peer.close();
        return false;
    }
    msg body;
    if (body.init_copy_of(buffer_.data(), size) < 0)
        body.init();
    if (!sink_.engine_received(body))  // the rest of a message always fits
        body.close();
    return true;
}

void udp_engine::send(msg& m) {
    if (raw_)
        send_raw(m);
    else if (!m.has(msg::join) && !m.has(msg::leave))  // a udp RADIO sends every group
        send_grouped(m);
    m.close();
}

void udp_engine::send_grouped(const msg& m) {
    const size_t size = encode_datagram(m.group(), std::span(static_cast<const uint8_t*>(m.data()), m.size()),
                                        std::span(buffer_));
    if (size > 0 && ::sendto(fd_, buffer_.data(), size, MSG_DONTWAIT | MSG_NOSIGNAL, destination_.get(),
                             destination_.length) > 0)  // a datagram lost is lost
        batch_bytes_ += size + datagram_overhead;
}

void udp_engine::send_raw(const msg& m) {
    if (!expecting_raw_body_) {
        // The first part names the peer; a malformed name loses the body.
        std::string address(static_cast<const char*>(m.data()), m.size());
        if (!address.empty() && address.back() == '\0')
            address.pop_back();
        raw_destination_valid_ = resolve_numeric_ipv4(address, raw_destination_) == 0;
        expecting_raw_body_ = m.has(msg::more);
        return;
    }
    expecting_raw_body_ = false;
    if (raw_destination_valid_ && m.size() <= max_datagram &&
        ::sendto(fd_, m.data(), m.size(), MSG_DONTWAIT | MSG_NOSIGNAL, raw_destination_.get(),
                 raw_destination_.length) >= 0)
        batch_bytes_ += m.size() + datagram_overhead;
}

} // namespace zmx
