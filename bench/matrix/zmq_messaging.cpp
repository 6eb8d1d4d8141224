// The matrix's messaging interface on zmq.h: built against zmx and against
// Debian's libzmq from this one source.
#include "measure.hpp"
#include "messaging.hpp"

#include <zmq.h>

#include <cerrno>

namespace matrix {

namespace {

[[noreturn]] void fail_zmq(const char* what)
{
    fail(std::string(what) + ": " + zmq_strerror(zmq_errno()));
}

void check(int rc, const char* what)
{
    if (rc == -1) fail_zmq(what);
}

int socket_type(role r)
{
    switch (r) {
    case role::push: return ZMQ_PUSH;
    case role::pull: return ZMQ_PULL;
    case role::req: return ZMQ_REQ;
    case role::rep: return ZMQ_REP;
    case role::dealer: return ZMQ_DEALER;
    case role::router: return ZMQ_ROUTER;
    case role::pub: return ZMQ_PUB;
    case role::sub: return ZMQ_SUB;
    }
    fail("unknown role");
}

class zmq_socket_adapter final : public socket {
public:
    zmq_socket_adapter(void* context, role r) : handle_(zmq_socket(context, socket_type(r)))
    {
        if (!handle_) fail_zmq("zmq_socket");
        check(zmq_msg_init(&msg_), "zmq_msg_init");
        // A benchmark's sockets hold nothing worth waiting for at close.
        const int linger = 0;
        check(zmq_setsockopt(handle_, ZMQ_LINGER, &linger, sizeof linger), "zmq_setsockopt(LINGER)");
        if (r == role::sub) check(zmq_setsockopt(handle_, ZMQ_SUBSCRIBE, "", 0), "zmq_setsockopt(SUBSCRIBE)");
    }
    ~zmq_socket_adapter() override
    {
        zmq_msg_close(&msg_);
        zmq_close(handle_);
    }
    void* handle() const { return handle_; }

    std::string bind(const std::string& address) override
    {
        check(zmq_bind(handle_, address.c_str()), "zmq_bind");
        char endpoint[256];
        size_t size = sizeof endpoint;
        check(zmq_getsockopt(handle_, ZMQ_LAST_ENDPOINT, endpoint, &size), "zmq_getsockopt(LAST_ENDPOINT)");
        return endpoint;
    }
    void connect(const std::string& address) override { check(zmq_connect(handle_, address.c_str()), "zmq_connect"); }

    // zmq_msg_t, as an application that cares about speed would use.
    void send(size_t size) override
    {
        zmq_msg_t out;
        check(zmq_msg_init_size(&out, size), "zmq_msg_init_size");
        if (zmq_msg_send(&out, handle_, 0) == -1) fail_zmq("zmq_msg_send");
    }
    size_t receive() override
    {
        size_t size;
        if (!receive_parts(0, size)) fail_zmq("zmq_msg_recv");
        return size;
    }
    bool try_receive(size_t& size) override
    {
        if (receive_parts(ZMQ_DONTWAIT, size)) return true;
        if (zmq_errno() != EAGAIN) fail_zmq("zmq_msg_recv");
        return false;
    }
    // Each part goes back as it arrives: a REP's request is one part, a
    // ROUTER's is the routing id and then the body.
    void echo() override
    {
        int more = 1;
        while (more) {
            if (zmq_msg_recv(&msg_, handle_, 0) == -1) fail_zmq("zmq_msg_recv");
            more = zmq_msg_more(&msg_);
            if (zmq_msg_send(&msg_, handle_, more ? ZMQ_SNDMORE : 0) == -1) fail_zmq("zmq_msg_send");
        }
    }

private:
    // The parts of one message; only the first may find nothing waiting.
    bool receive_parts(int flags, size_t& size)
    {
        if (zmq_msg_recv(&msg_, handle_, flags) == -1) return false;
        while (zmq_msg_more(&msg_))
            if (zmq_msg_recv(&msg_, handle_, 0) == -1) fail_zmq("zmq_msg_recv");
        size = zmq_msg_size(&msg_);
        return true;
    }

    void* handle_;
    zmq_msg_t msg_;  // reused by every receive, as a receiving loop would
};

class zmq_library final : public library {
public:
    explicit zmq_library(std::string file) : file_(std::move(file)), context_(zmq_ctx_new())
    {
        if (!context_) fail_zmq("zmq_ctx_new");
    }
    ~zmq_library() override { zmq_ctx_term(context_); }

    std::string description() const override
    {
        int major, minor, patch;
        zmq_version(&major, &minor, &patch);
        return file_ + " (ZeroMQ API " + std::to_string(major) + "." + std::to_string(minor) + "." +
               std::to_string(patch) + ", ZMTP)";
    }
    bool has(role) const override { return true; }
    std::unique_ptr<socket> open(role r) override { return std::make_unique<zmq_socket_adapter>(context_, r); }
    void wait_any(const std::vector<socket*>& sockets, int timeout_ms) override
    {
        std::vector<zmq_pollitem_t> items;
        items.reserve(sockets.size());
        for (socket* s : sockets)
            items.push_back({static_cast<zmq_socket_adapter*>(s)->handle(), 0, ZMQ_POLLIN, 0});
        check(zmq_poll(items.data(), int(items.size()), timeout_ms), "zmq_poll");
    }

private:
    std::string file_;
    void* context_;
};

}  // namespace

std::unique_ptr<library> open_library(const char* program)
{
    const auto file = bench::require_library(program, reinterpret_cast<const void*>(&zmq_version));
    return std::make_unique<zmq_library>(file.string());
}

}  // namespace matrix
