// ZMQ_STREAM: raw bytes between a STREAM socket and peers that speak no
// ZMTP (plain POSIX sockets here). Every expectation was first checked
// against libzmq 4.3.4.
//
// Closing a connection from the STREAM side completes, in libzmq, only
// while the application thread is inside a zmq call; the raw reads below
// therefore wait in zmq_poll with the STREAM socket as a second item.
#include "zmq_test.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace {

// A routing id a STREAM socket makes up: a zero byte and a 32-bit counter.
bool looks_generated(const std::string& id) { return id.size() == 5 && id[0] == '\0'; }

using zt::last_endpoint;

int port_of(const std::string& endpoint) { return std::atoi(endpoint.substr(endpoint.rfind(':') + 1).c_str()); }

sockaddr_in loopback(int port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<uint16_t>(port));
    return address;
}

// One end of a plain tcp or unix connection, closed on scope exit.
class raw_connection {
public:
    explicit raw_connection(int fd) : fd_(fd) {}
    // Connects to a "tcp://127.0.0.1:port" endpoint.
    static raw_connection dial(const std::string& endpoint) {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        const sockaddr_in address = loopback(port_of(endpoint));
        EXPECT_EQ(::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
        return raw_connection(fd);
    }
    raw_connection(raw_connection&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    raw_connection& operator=(raw_connection&& other) noexcept {
        close();
        fd_ = std::exchange(other.fd_, -1);
        eof_ = other.eof_;
        return *this;
    }
    ~raw_connection() { close(); }

    void close() {
        if (fd_ >= 0)
            ::close(fd_);
        fd_ = -1;
    }
    int fd() const { return fd_; }

    void send(const std::string& bytes) {
        ASSERT_EQ(::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL), static_cast<ssize_t>(bytes.size()));
    }

    // Reads until `count` bytes came, the peer closed, or the safety
    // timeout. `service` is a zmq socket kept busy meanwhile (see above).
    std::string read(size_t count, void* service = nullptr) {
        std::string got;
        while (got.size() < count) {
            const std::string chunk = read_chunk(count - got.size(), service);
            if (chunk.empty())
                break;
            got += chunk;
        }
        return got;
    }

    // Reads until the peer closes: what came, then "<eof>" (or "<timeout>").
    std::string read_to_end(void* service = nullptr) {
        std::string got;
        for (;;) {
            const std::string chunk = read_chunk(4096, service);
            if (chunk.empty())
                return got + (eof_ ? "<eof>" : "<timeout>");
            got += chunk;
        }
    }

private:
    std::string read_chunk(size_t most, void* service) {
        zmq_pollitem_t items[2] = {{nullptr, fd_, ZMQ_POLLIN, 0}, {service, 0, ZMQ_POLLIN, 0}};
        const int count = service ? 2 : 1;
        for (;;) {
            if (zmq_poll(items, count, zt::safety_timeout_ms) <= 0)
                return {};
            if (items[0].revents)
                break;
            // The STREAM socket has a message the test did not expect: a
            // failure, told by what the caller reads.
            ADD_FAILURE() << "unexpected message on the STREAM socket";
            return {};
        }
        std::string buffer(most, '\0');
        const ssize_t n = ::recv(fd_, buffer.data(), most, 0);
        if (n <= 0) {
            eof_ = true;
            return {};
        }
        buffer.resize(static_cast<size_t>(n));
        return buffer;
    }

    int fd_;
    bool eof_ = false;
};

// A plain tcp listener on a loopback port, for a STREAM socket to connect to.
class raw_listener {
public:
    raw_listener() : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in address = loopback(0);
        EXPECT_EQ(::bind(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
        EXPECT_EQ(::listen(fd_, 8), 0);
        socklen_t size = sizeof address;
        EXPECT_EQ(::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &size), 0);
        endpoint_ = "tcp://127.0.0.1:" + std::to_string(ntohs(address.sin_port));
    }
    ~raw_listener() { ::close(fd_); }
    const std::string& endpoint() const { return endpoint_; }

    // The next connection, after the safety timeout at the latest.
    raw_connection accept() {
        pollfd item{fd_, POLLIN, 0};
        EXPECT_EQ(::poll(&item, 1, zt::safety_timeout_ms), 1) << "no connection came";
        return raw_connection(::accept(fd_, nullptr, nullptr));
    }

private:
    int fd_;
    std::string endpoint_;
};

// Receives one [routing id][data] message.
struct stream_message {
    std::string id;
    std::string data;
};

stream_message recv_stream(void* s) {
    stream_message m;
    m.id = zt::recv_str(s);
    EXPECT_EQ(zt::get_int(s, ZMQ_RCVMORE), 1) << "the routing id frame has ZMQ_RCVMORE";
    m.data = zt::recv_str(s);
    EXPECT_EQ(zt::get_int(s, ZMQ_RCVMORE), 0) << "the data frame is the last";
    return m;
}

// Receives data from one peer until `count` bytes came (tcp may cut them
// into several messages).
std::string recv_bytes(void* s, const std::string& from, size_t count) {
    std::string got;
    while (got.size() < count) {
        const stream_message m = recv_stream(s);
        EXPECT_EQ(m.id, from);
        if (m.id != from || m.data.empty() || m.data.front() == '<')
            break;
        got += m.data;
    }
    return got;
}

// Waits for s to have a message while keeping `service` busy (see above).
void wait_serviced(void* s, void* service) {
    zmq_pollitem_t items[2] = {{s, 0, ZMQ_POLLIN, 0}, {service, 0, ZMQ_POLLIN, 0}};
    ASSERT_GT(zmq_poll(items, 2, zt::safety_timeout_ms), 0);
    ASSERT_NE(items[0].revents, 0) << "unexpected message on the serviced socket";
}

void send_to(void* s, const std::string& id, const std::string& data) {
    zt::send_str(s, id, ZMQ_SNDMORE);
    zt::send_str(s, data);
}

class Stream : public ::testing::Test {
protected:
    zt::context ctx;
    zt::socket server{ctx, ZMQ_STREAM};

    // Binds the server to a loopback port and connects a raw client to it:
    // the routing id the server announced it under.
    std::string accept_client(raw_connection& client_out) {
        if (endpoint_.empty()) {
            zt::bind(server, "tcp://127.0.0.1:*");
            endpoint_ = last_endpoint(server);
        }
        client_out = raw_connection::dial(endpoint_);
        const stream_message hello = recv_stream(server);
        EXPECT_TRUE(looks_generated(hello.id));
        EXPECT_EQ(hello.data, "");
        return hello.id;
    }

    std::string endpoint_;
};

TEST_F(Stream, AnAcceptedConnectionIsAnnouncedWithAnEmptyMessage) {
    zt::bind(server, "tcp://127.0.0.1:*");
    raw_connection client = raw_connection::dial(last_endpoint(server));
    const stream_message hello = recv_stream(server);
    EXPECT_TRUE(looks_generated(hello.id));
    EXPECT_EQ(hello.data, "");

    // Each connection gets its own id.
    raw_connection second = raw_connection::dial(last_endpoint(server));
    const stream_message other = recv_stream(server);
    EXPECT_TRUE(looks_generated(other.id));
    EXPECT_NE(other.id, hello.id);
}

TEST_F(Stream, EchoesRawBytes) {
    raw_connection client(-1);
    const std::string id = accept_client(client);
    client.send("hello, no greeting");
    EXPECT_EQ(recv_bytes(server, id, 18), "hello, no greeting");
    send_to(server, id, "echo: hello");
    EXPECT_EQ(client.read(11), "echo: hello");
}

TEST_F(Stream, ReceivedFramesCarryThePeerAddress) {
    raw_connection client(-1);
    accept_client(client);
    client.send("x");
    zmq_msg_t frame;
    zmq_msg_init(&frame);
    for (const char* part : {"routing id", "data"}) {
        ASSERT_GE(zmq_msg_recv(&frame, server, 0), 0);
        const char* address = zmq_msg_gets(&frame, "Peer-Address");
        ASSERT_NE(address, nullptr) << part;
        EXPECT_STREQ(address, "127.0.0.1") << part;
        EXPECT_EQ(zmq_msg_gets(&frame, "Socket-Type"), nullptr) << "a raw peer announces nothing";
    }
    zmq_msg_close(&frame);
}

TEST_F(Stream, EmptyDataClosesTheConnectionAfterWhatWasSentBefore) {
    raw_connection client(-1);
    const std::string id = accept_client(client);
    send_to(server, id, "last words");
    send_to(server, id, "");
    EXPECT_EQ(client.read_to_end(server), "last words<eof>");
    // The id is gone at once, and a connection the socket closed itself is
    // not announced.
    ZT_EXPECT_ERRNO(zmq_send(server, id.data(), id.size(), ZMQ_SNDMORE), EHOSTUNREACH);
    ZT_EXPECT_ERRNO(zmq_recv(server, nullptr, 0, ZMQ_DONTWAIT), EAGAIN);
}

TEST_F(Stream, EmptyDataDeliversWhatWasSentEvenWithoutLinger) {
    // LINGER is 0 here (zt::socket), and still nothing sent before the
    // closing message is lost: 1 MB makes sure it has to wait for the peer.
    raw_connection client(-1);
    const std::string id = accept_client(client);
    const std::string big(1 << 20, 'b');
    send_to(server, id, big);
    send_to(server, id, "");
    EXPECT_EQ(client.read_to_end(server), big + "<eof>");
}

TEST_F(Stream, APeerThatClosesIsAnnouncedWithAnEmptyMessage) {
    raw_connection client(-1);
    const std::string id = accept_client(client);
    client.send("bye");
    EXPECT_EQ(recv_bytes(server, id, 3), "bye");
    client.close();
    const stream_message gone = recv_stream(server);
    EXPECT_EQ(gone.id, id);
    EXPECT_EQ(gone.data, "");
}

TEST_F(Stream, WithoutNotifyConnectionsComeAndGoUnannounced) {
    zt::set_int(server, ZMQ_STREAM_NOTIFY, 0);
    ASSERT_EQ(zmq_socket_monitor(server, "inproc://stream-monitor", ZMQ_EVENT_DISCONNECTED), 0);
    zt::socket monitor(ctx, ZMQ_PAIR);
    zt::connect(monitor, "inproc://stream-monitor");
    zt::bind(server, "tcp://127.0.0.1:*");

    raw_connection client = raw_connection::dial(last_endpoint(server));
    client.send("first");
    const stream_message m = recv_stream(server);
    EXPECT_TRUE(looks_generated(m.id));
    EXPECT_EQ(m.data.substr(0, 1), "f") << "data, not a notification, comes first";

    // Once the monitor heard of the loss, a notification would be queued.
    client.close();
    ASSERT_TRUE(zt::wait_readable(monitor));
    EXPECT_EQ(zt::recv_multipart(monitor).size(), 2u);
    const std::vector<std::string> left = zt::recv_all_now(server);
    for (const std::string& frame : left)
        EXPECT_NE(frame, "") << "no empty notification";
}

TEST_F(Stream, StreamNotifyIsABooleanOfStreamSocketsOnly) {
    int value = 2;
    ZT_EXPECT_ERRNO(zmq_setsockopt(server, ZMQ_STREAM_NOTIFY, &value, sizeof value), EINVAL);
    value = 1;
    EXPECT_EQ(zmq_setsockopt(server, ZMQ_STREAM_NOTIFY, &value, sizeof value), 0);
    size_t size = sizeof value;
    ZT_EXPECT_ERRNO(zmq_getsockopt(server, ZMQ_STREAM_NOTIFY, &value, &size), EINVAL);
    zt::socket dealer(ctx, ZMQ_DEALER);
    ZT_EXPECT_ERRNO(zmq_setsockopt(dealer, ZMQ_STREAM_NOTIFY, &value, sizeof value), EINVAL);
    ZT_EXPECT_ERRNO(zmq_setsockopt(server, ZMQ_ROUTER_MANDATORY, &value, sizeof value), EINVAL);
}

TEST_F(Stream, AnUnknownRoutingIdIsHostUnreachable) {
    ZT_EXPECT_ERRNO(zmq_send(server, "nobody", 6, ZMQ_SNDMORE), EHOSTUNREACH);
    // The failed frame left no half message behind: a known id still works.
    raw_connection client(-1);
    const std::string id = accept_client(client);
    send_to(server, id, "ok");
    EXPECT_EQ(client.read(2), "ok");
}

TEST_F(Stream, TheRoutingIdFrameNeedsSndmore) {
    raw_connection client(-1);
    const std::string id = accept_client(client);
    // Without ZMQ_SNDMORE the id frame is dropped, and the frame after it
    // is taken as the data of that dropped message: dropped too.
    zt::send_str(server, id);
    zt::send_str(server, "lost");
    send_to(server, id, "kept");
    EXPECT_EQ(client.read(4), "kept");
}

TEST_F(Stream, SndmoreOnDataIsIgnored) {
    raw_connection client(-1);
    const std::string id = accept_client(client);
    zt::send_str(server, id, ZMQ_SNDMORE);
    zt::send_str(server, "AA", ZMQ_SNDMORE);
    // The message ended anyway: this frame names the peer again.
    send_to(server, id, "BB");
    EXPECT_EQ(client.read(4), "AABB");
}

TEST_F(Stream, IsAlwaysWritable) {
    EXPECT_EQ(zt::get_int(server, ZMQ_EVENTS), ZMQ_POLLOUT);
}

TEST_F(Stream, LargeInputArrivesWholeInChunksOfAtMost8KiB) {
    raw_connection client(-1);
    const std::string id = accept_client(client);
    std::string sent(100000, '\0');
    for (size_t i = 0; i < sent.size(); ++i)
        sent[i] = static_cast<char>('a' + i % 26);
    client.send(sent);
    std::string got;
    while (got.size() < sent.size()) {
        const stream_message m = recv_stream(server);
        ASSERT_EQ(m.id, id);
        ASSERT_FALSE(m.data.empty());
        EXPECT_LE(m.data.size(), 8192u);
        got += m.data;
    }
    EXPECT_EQ(got, sent);
}

TEST_F(Stream, TheMonitorSeesNoHandshakeAndALossAsAFailedOne) {
    ASSERT_EQ(zmq_socket_monitor(server, "inproc://stream-events", ZMQ_EVENT_ALL), 0);
    zt::socket monitor(ctx, ZMQ_PAIR);
    zt::connect(monitor, "inproc://stream-events");
    raw_connection client(-1);
    accept_client(client);
    client.close();
    const stream_message gone = recv_stream(server);
    EXPECT_EQ(gone.data, "");

    std::vector<std::pair<int, uint32_t>> events;
    while (events.empty() || events.back().first != ZMQ_EVENT_DISCONNECTED) {
        ASSERT_TRUE(zt::wait_readable(monitor));
        const std::vector<std::string> event = zt::recv_multipart(monitor);
        ASSERT_EQ(event.size(), 2u);
        uint16_t id;
        uint32_t value;
        std::memcpy(&id, event[0].data(), sizeof id);
        std::memcpy(&value, event[0].data() + 2, sizeof value);
        events.emplace_back(id, value);
    }
    ASSERT_EQ(events.size(), 4u);
    EXPECT_EQ(events[0].first, ZMQ_EVENT_LISTENING);
    EXPECT_EQ(events[1].first, ZMQ_EVENT_ACCEPTED);
    EXPECT_EQ(events[2].first, ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL);
    EXPECT_EQ(events[2].second, static_cast<uint32_t>(EPIPE));
    EXPECT_EQ(events[3].first, ZMQ_EVENT_DISCONNECTED);
}

// ---------------------------------------------------------------- connecting

TEST_F(Stream, ConnectsToARawListenerUnderItsConnectRoutingId) {
    raw_listener listener;
    zt::socket client(ctx, ZMQ_STREAM);
    zt::set_bytes(client, ZMQ_CONNECT_ROUTING_ID, "web-1");
    zt::connect(client, listener.endpoint().c_str());
    raw_connection peer = listener.accept();
    const stream_message hello = recv_stream(client);
    EXPECT_EQ(hello.id, "web-1");
    EXPECT_EQ(hello.data, "");

    send_to(client, "web-1", "ping");
    EXPECT_EQ(peer.read(4), "ping");
    peer.send("pong");
    EXPECT_EQ(recv_bytes(client, "web-1", 4), "pong");
}

TEST_F(Stream, AfterAConnectTheRoutingIdOptionNamesThePeer) {
    raw_listener listener;
    zt::socket client(ctx, ZMQ_STREAM);
    zt::connect(client, listener.endpoint().c_str());
    char id[256];
    size_t size = sizeof id;
    ASSERT_EQ(zmq_getsockopt(client, ZMQ_ROUTING_ID, id, &size), 0);
    const std::string known(id, size);
    EXPECT_TRUE(looks_generated(known));

    // Usable before the connection is even made.
    send_to(client, known, "early");
    raw_connection peer = listener.accept();
    EXPECT_EQ(peer.read(5), "early");
    EXPECT_EQ(recv_stream(client).id, known);
}

TEST_F(Stream, AConnectionMadeAgainKeepsItsRoutingId) {
    raw_listener listener;
    zt::socket client(ctx, ZMQ_STREAM);
    zt::set_int(client, ZMQ_RECONNECT_IVL, 10);
    zt::connect(client, listener.endpoint().c_str());
    {
        raw_connection first = listener.accept();
    }
    const stream_message hello = recv_stream(client);
    EXPECT_EQ(hello.data, "");
    const stream_message lost = recv_stream(client);
    EXPECT_EQ(lost.id, hello.id);
    EXPECT_EQ(lost.data, "");

    raw_connection second = listener.accept();
    const stream_message again = recv_stream(client);
    EXPECT_EQ(again.id, hello.id);
    EXPECT_EQ(again.data, "");
    send_to(client, hello.id, "still you");
    EXPECT_EQ(second.read(9), "still you");
}

TEST_F(Stream, TwoStreamSocketsServeAnHttpLikeRequest) {
    zt::bind(server, "tcp://127.0.0.1:*");
    zt::socket browser(ctx, ZMQ_STREAM);
    // Not again during the test. (With reconnection off, libzmq also drops
    // the notification of the loss; zmx delivers it.)
    zt::set_int(browser, ZMQ_RECONNECT_IVL, 60000);
    zt::connect(browser, last_endpoint(server).c_str());
    const std::string site = recv_stream(browser).id;
    const std::string visitor = recv_stream(server).id;

    const std::string request = "GET /index.html HTTP/1.0\r\nHost: localhost\r\n\r\n";
    send_to(browser, site, request);
    std::string received;
    while (received.find("\r\n\r\n") == std::string::npos) {
        const stream_message m = recv_stream(server);
        ASSERT_EQ(m.id, visitor);
        ASSERT_FALSE(m.data.empty()) << "the browser left early";
        received += m.data;
    }
    EXPECT_EQ(received, request);

    const std::string response = "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nHello, World!";
    send_to(server, visitor, response);
    send_to(server, visitor, "");  // the end of an HTTP/1.0 response is the end of its connection
    std::string page;
    for (;;) {
        wait_serviced(browser, server);
        const stream_message m = recv_stream(browser);
        ASSERT_EQ(m.id, site);
        if (m.data.empty() || m.data.front() == '<')
            break;  // the server closed
        page += m.data;
    }
    EXPECT_EQ(page, response);
}

// ---------------------------------------------------------------- other transports

TEST_F(Stream, WorksOverIpc) {
    const std::string path = "/tmp/zmx-stream-" + std::to_string(::getpid()) + ".ipc";
    zt::bind(server, ("ipc://" + path).c_str());
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, path.c_str(), sizeof address.sun_path - 1);
    ASSERT_EQ(::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
    raw_connection client(fd);
    const std::string id = recv_stream(server).id;
    client.send("over a unix socket");
    EXPECT_EQ(recv_bytes(server, id, 18), "over a unix socket");
    send_to(server, id, "back");
    EXPECT_EQ(client.read(4), "back");
}

TEST_F(Stream, OverInprocTalksToThePeerSocketAsIs) {
    // libzmq does not refuse inproc: a STREAM then wraps the peer's
    // messages in routing ids, with no notifications (no connection).
    zt::socket pair(ctx, ZMQ_PAIR);
    zt::bind(pair, "inproc://stream-peer");
    zt::connect(server, "inproc://stream-peer");
    zt::send_str(pair, "from pair");
    const stream_message m = recv_stream(server);
    EXPECT_TRUE(looks_generated(m.id));
    EXPECT_EQ(m.data, "from pair");
    send_to(server, m.id, "to pair");
    EXPECT_EQ(zt::recv_str(pair), "to pair");
}

} // namespace
