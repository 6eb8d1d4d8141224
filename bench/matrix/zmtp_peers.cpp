#include "zmtp_peers.hpp"

#include "messaging.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace matrix {

namespace {

// Connections in flight at once (connected, handshake not over): below libzmq's default listen backlog (ZMQ_BACKLOG, 100), so the
// kernel never drops a handshake and the time measured is the library's,
// not TCP's retransmission timer.
constexpr long window = 64;

// What a DEALER says on a NULL connection before it hears the server: the
// 64-byte ZMTP 3.0 greeting (signature, version 3.0, mechanism NULL,
// as-server 0) and the READY command with Socket-Type DEALER.
std::string greeting_and_ready()
{
    std::string bytes(64, '\0');
    bytes[0] = '\xff';
    bytes[9] = '\x7f';
    bytes[10] = 3;
    std::memcpy(&bytes[12], "NULL", 4);
    const std::string ready = std::string("\x05READY\x0bSocket-Type", 18) + std::string("\0\0\0\x06", 4) + "DEALER";
    return bytes + std::string{'\x04', char(ready.size())} + ready;
}

// A one-byte message, sent once the server's READY is in: the handshake is
// over only then (libzmq drops a connection whose data comes earlier), and
// the ROUTER's receiving it tells the benchmark the connection is whole.
const std::string message("\x00\x01x", 3);

// How many bytes the server's greeting and READY command take, once
// `got` holds enough of them to say; 0 until then.
size_t greeting_and_ready_size(const std::string& got)
{
    if (got.size() < 66) return 0;
    if (got[64] == '\x04') return 66 + uint8_t(got[65]);  // a short command
    if (got.size() < 73) return 0;
    uint64_t size = 0;
    for (int i = 65; i < 73; i++) size = size << 8 | uint8_t(got[size_t(i)]);
    return 73 + size;
}

sockaddr_in parse_tcp(const std::string& address)
{
    const auto colon = address.rfind(':');
    sockaddr_in where{};
    where.sin_family = AF_INET;
    where.sin_port = htons(uint16_t(std::atoi(address.c_str() + colon + 1)));
    const std::string host = address.substr(6, colon - 6);  // after "tcp://"
    if (!address.starts_with("tcp://") || inet_pton(AF_INET, host.c_str(), &where.sin_addr) != 1)
        fail("not a tcp address: " + address);
    return where;
}

class peers {
public:
    peers(long count, const sockaddr_in& server) : count_(count), server_(server), epoll_(epoll_create1(0))
    {
        if (epoll_ < 0) fail("epoll_create1");
        connections_.reserve(size_t(count));
    }

    // Until every connection's handshake is over and its message sent.
    void connect_all()
    {
        while (done_ < count_) {
            while (long(connections_.size()) < count_ && long(connections_.size()) - done_ < window) start_one();
            epoll_event events[256];
            const int n = epoll_wait(epoll_, events, 256, 30'000);
            if (n == 0) fail("zmtp peers: the server answers no more connections");
            for (int i = 0; i < n; i++) step(connections_[events[i].data.u64], events[i].events);
        }
    }

private:
    struct connection {
        int fd;
        std::string heard;  // the server's greeting and READY, as they come
    };

    void start_one()
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0) fail(std::string("socket: ") + std::strerror(errno));
        if (::connect(fd, reinterpret_cast<const sockaddr*>(&server_), sizeof server_) != 0 && errno != EINPROGRESS)
            fail(std::string("connect: ") + std::strerror(errno));
        epoll_event want{EPOLLOUT, {.u64 = connections_.size()}};
        if (epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &want) != 0) fail("epoll_ctl");
        connections_.push_back({fd, {}});
    }

    // Connected: greet. Then read the server's greeting and READY, send
    // the message, and leave the connection open and idle.
    void step(connection& c, uint32_t events)
    {
        int error = 0;
        socklen_t length = sizeof error;
        getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &error, &length);
        if (error != 0) fail(std::string("zmtp peer: ") + std::strerror(error));
        if (events & EPOLLOUT) {
            send_all(c.fd, greeting_);
            epoll_event want{EPOLLIN, {.u64 = size_t(&c - connections_.data())}};
            if (epoll_ctl(epoll_, EPOLL_CTL_MOD, c.fd, &want) != 0) fail("epoll_ctl");
            return;
        }
        char buffer[512];
        const ssize_t n = read(c.fd, buffer, sizeof buffer);
        if (n <= 0) fail("zmtp peer: the server closed a connection during its handshake");
        c.heard.append(buffer, size_t(n));
        const size_t needed = greeting_and_ready_size(c.heard);
        if (needed == 0 || c.heard.size() < needed) return;
        send_all(c.fd, message);
        if (epoll_ctl(epoll_, EPOLL_CTL_DEL, c.fd, nullptr) != 0) fail("epoll_ctl");
        c.heard = {};
        done_++;
    }

    // A fresh connection's send buffer takes these few bytes whole.
    static void send_all(int fd, const std::string& bytes)
    {
        if (write(fd, bytes.data(), bytes.size()) != ssize_t(bytes.size())) fail("zmtp peer: short write");
    }

    const std::string greeting_ = greeting_and_ready();
    long count_;
    sockaddr_in server_;
    int epoll_;
    std::vector<connection> connections_;
    long done_ = 0;
};

}  // namespace

void raise_descriptor_limit(long needed)
{
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur < rlim_t(needed))
        fail("RLIMIT_NOFILE's hard limit is " + std::to_string(limit.rlim_max) + ", " + std::to_string(needed) +
             " descriptors needed");
}

int run_zmtp_peers(const char* count_text, const char* address)
{
    const long count = std::atol(count_text);
    raise_descriptor_limit(count + 16);
    peers all(count, parse_tcp(address));
    all.connect_all();
    // Idle until the benchmark has read its figures and closes the pipe;
    // the connections close with the process.
    char byte;
    while (read(STDIN_FILENO, &byte, 1) > 0) {
    }
    return 0;
}

}  // namespace matrix
