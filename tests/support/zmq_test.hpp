// Small helpers shared by the tests that drive the public C API.
// They work the same against zmx and against Debian's libzmq, so a test's
// expectations can be checked against the reference library.
#pragma once

#include <zmq.h>

#include <gtest/gtest.h>

#include <cerrno>
#include <string>
#include <string_view>
#include <vector>

namespace zt {

// Every blocking call in a test gets this safety net, so a failing test
// ends instead of hanging. Tests never wait on time for correctness.
inline constexpr int safety_timeout_ms = 5000;

class context {
public:
    context() : handle_(zmq_ctx_new()) {}
    ~context() { if (handle_) zmq_ctx_term(handle_); }
    context(const context&) = delete;
    context& operator=(const context&) = delete;
    operator void*() const { return handle_; }
    int term() { void* h = handle_; handle_ = nullptr; return zmq_ctx_term(h); }
private:
    void* handle_;
};

// A socket with LINGER 0 and the safety timeouts set; closed on scope exit.
class socket {
public:
    socket(void* ctx, int type) : handle_(zmq_socket(ctx, type)) {
        EXPECT_NE(handle_, nullptr) << zmq_strerror(zmq_errno());
        int linger = 0;
        zmq_setsockopt(handle_, ZMQ_LINGER, &linger, sizeof linger);
        zmq_setsockopt(handle_, ZMQ_SNDTIMEO, &safety_timeout_ms, sizeof(int));
        zmq_setsockopt(handle_, ZMQ_RCVTIMEO, &safety_timeout_ms, sizeof(int));
    }
    ~socket() { close(); }
    socket(const socket&) = delete;
    socket& operator=(const socket&) = delete;
    operator void*() const { return handle_; }
    void close() { if (handle_) zmq_close(handle_); handle_ = nullptr; }
private:
    void* handle_;
};

// A socket straight from zmq_socket, its defaults untouched (socket above
// sets LINGER and the timeouts); closed without lingering on scope exit.
class raw_socket {
public:
    raw_socket(void* ctx, int type) : handle_(zmq_socket(ctx, type)) {
        EXPECT_NE(handle_, nullptr) << zmq_strerror(zmq_errno());
    }
    ~raw_socket() {
        int linger = 0;
        zmq_setsockopt(handle_, ZMQ_LINGER, &linger, sizeof linger);
        zmq_close(handle_);
    }
    raw_socket(const raw_socket&) = delete;
    raw_socket& operator=(const raw_socket&) = delete;
    operator void*() const { return handle_; }
private:
    void* handle_;
};

inline void set_int(void* s, int option, int value) {
    ASSERT_EQ(zmq_setsockopt(s, option, &value, sizeof value), 0) << zmq_strerror(zmq_errno());
}

inline int get_int(void* s, int option) {
    int value = -1;
    size_t size = sizeof value;
    EXPECT_EQ(zmq_getsockopt(s, option, &value, &size), 0) << zmq_strerror(zmq_errno());
    return value;
}

// For binary options such as ZMQ_SUBSCRIBE, ZMQ_UNSUBSCRIBE, ZMQ_XPUB_WELCOME_MSG.
inline void set_bytes(void* s, int option, std::string_view value) {
    ASSERT_EQ(zmq_setsockopt(s, option, value.data(), value.size()), 0) << zmq_strerror(zmq_errno());
}

inline void bind(void* s, const char* endpoint) {
    ASSERT_EQ(zmq_bind(s, endpoint), 0) << endpoint << ": " << zmq_strerror(zmq_errno());
}

// ZMQ_LAST_ENDPOINT: what the socket's last bind or connect reached.
inline std::string last_endpoint(void* s) {
    char endpoint[256] = {};
    size_t size = sizeof endpoint;
    EXPECT_EQ(zmq_getsockopt(s, ZMQ_LAST_ENDPOINT, endpoint, &size), 0) << zmq_strerror(zmq_errno());
    return endpoint;
}

// Binds s to a free tcp port on loopback; the endpoint it got.
inline std::string bind_tcp(void* s) {
    bind(s, "tcp://127.0.0.1:*");
    return last_endpoint(s);
}

inline void connect(void* s, const char* endpoint) {
    ASSERT_EQ(zmq_connect(s, endpoint), 0) << endpoint << ": " << zmq_strerror(zmq_errno());
}

inline void send_str(void* s, std::string_view text, int flags = 0) {
    ASSERT_EQ(zmq_send(s, text.data(), text.size(), flags), static_cast<int>(text.size()))
        << zmq_strerror(zmq_errno());
}

// Receives one frame as a string; on failure returns "<errno text>".
inline std::string recv_str(void* s, int flags = 0) {
    zmq_msg_t msg;
    zmq_msg_init(&msg);
    if (zmq_msg_recv(&msg, s, flags) < 0) {
        zmq_msg_close(&msg);
        return std::string("<") + zmq_strerror(zmq_errno()) + ">";
    }
    std::string text(static_cast<const char*>(zmq_msg_data(&msg)), zmq_msg_size(&msg));
    zmq_msg_close(&msg);
    return text;
}

inline void send_multipart(void* s, const std::vector<std::string>& parts) {
    for (size_t i = 0; i < parts.size(); ++i)
        send_str(s, parts[i], i + 1 < parts.size() ? ZMQ_SNDMORE : 0);
}

inline std::vector<std::string> recv_multipart(void* s, int flags = 0) {
    std::vector<std::string> parts;
    do {
        parts.push_back(recv_str(s, flags));
    } while (get_int(s, ZMQ_RCVMORE) == 1);
    return parts;
}

// Waits until a socket has a message to read; false after timeout_ms.
inline bool wait_readable(void* s, int timeout_ms = safety_timeout_ms) {
    zmq_pollitem_t item{s, 0, ZMQ_POLLIN, 0};
    return zmq_poll(&item, 1, timeout_ms) == 1;
}

// Waits until a socket accepts a message; false after timeout_ms.
inline bool wait_writable(void* s, int timeout_ms = safety_timeout_ms) {
    zmq_pollitem_t item{s, 0, ZMQ_POLLOUT, 0};
    return zmq_poll(&item, 1, timeout_ms) == 1;
}

// Sends 1-byte messages with ZMQ_DONTWAIT until one fails (or `limit` went
// through) and returns how many were accepted: a pipe's capacity.
inline int send_until_full(void* s, int limit = 1000000) {
    int sent = 0;
    while (sent < limit && zmq_send(s, "x", 1, ZMQ_DONTWAIT) == 1)
        ++sent;
    return sent;
}

// Receives, without waiting, every frame already queued for a socket.
inline std::vector<std::string> recv_all_now(void* s) {
    std::vector<std::string> frames;
    zmq_msg_t msg;
    zmq_msg_init(&msg);
    while (zmq_msg_recv(&msg, s, ZMQ_DONTWAIT) >= 0)
        frames.emplace_back(static_cast<const char*>(zmq_msg_data(&msg)), zmq_msg_size(&msg));
    zmq_msg_close(&msg);
    return frames;
}

// The messages an XSUB sends and an XPUB receives to (un)subscribe a topic.
inline std::string subscription(std::string_view topic) {
    return '\x01' + std::string(topic);
}
inline std::string unsubscription(std::string_view topic) {
    return '\0' + std::string(topic);
}

// Subscriptions reach a publisher asynchronously. Publishes `probe` until
// `sub` (which must be subscribed to it) receives it: from then on the
// publisher knows every subscription `sub` made before. The first probe
// received stops the loop, so no later probe is left in flight.
inline bool publish_until_received(void* pub, void* sub, std::string_view probe) {
    constexpr int retry_ms = 10;
    for (int waited = 0; waited < safety_timeout_ms; waited += retry_ms) {
        if (zmq_send(pub, probe.data(), probe.size(), ZMQ_DONTWAIT) < 0)
            return false;
        if (wait_readable(sub, retry_ms))
            return recv_str(sub) == probe;
    }
    return false;
}

// Expects a call to have failed with the given errno.
#define ZT_EXPECT_ERRNO(call, err)                                   \
    do {                                                             \
        errno = 0;                                                   \
        EXPECT_EQ((call), -1);                                       \
        EXPECT_EQ(zmq_errno(), (err)) << zmq_strerror(zmq_errno()); \
    } while (0)

} // namespace zt
