// The matrix's messaging interface on nng 1.5, for comparison only: nng
// speaks SP (the scalability protocols), a different wire from ZMTP, with
// its own patterns; it has PUSH/PULL, REQ/REP and PUB/SUB, not
// DEALER/ROUTER.
#include "measure.hpp"
#include "messaging.hpp"

#include <nng/nng.h>
#include <nng/protocol/pipeline0/pull.h>
#include <nng/protocol/pipeline0/push.h>
#include <nng/protocol/pubsub0/pub.h>
#include <nng/protocol/pubsub0/sub.h>
#include <nng/protocol/reqrep0/rep.h>
#include <nng/protocol/reqrep0/req.h>

#include <poll.h>

namespace matrix {

namespace {

void check(int rc, const char* what)
{
    if (rc != 0) fail(std::string(what) + ": " + nng_strerror(rc));
}

int (*opener(role r))(nng_socket*)
{
    switch (r) {
    case role::push: return nng_push0_open;
    case role::pull: return nng_pull0_open;
    case role::req: return nng_req0_open;
    case role::rep: return nng_rep0_open;
    case role::pub: return nng_pub0_open;
    case role::sub: return nng_sub0_open;
    case role::dealer:
    case role::router: break;
    }
    fail("nng has no such socket type");
}

class nng_socket_adapter final : public socket {
public:
    explicit nng_socket_adapter(role r)
    {
        check(opener(r)(&handle_), "nng_socket open");
        if (r == role::sub) check(nng_socket_set(handle_, NNG_OPT_SUB_SUBSCRIBE, "", 0), "nng_socket_set(SUBSCRIBE)");
    }
    ~nng_socket_adapter() override { nng_close(handle_); }

    // The receive descriptor nng offers for poll(2): readable while a
    // message waits.
    int readable_fd()
    {
        if (recv_fd_ < 0) check(nng_socket_get_int(handle_, NNG_OPT_RECVFD, &recv_fd_), "nng_socket_get_int(RECVFD)");
        return recv_fd_;
    }

    // "tcp://host:*" asks for the system's choice of port, which nng
    // spells 0 and reports through the listener.
    std::string bind(const std::string& address) override
    {
        const bool any_port = address.starts_with("tcp://") && address.ends_with(":*");
        const std::string url = any_port ? address.substr(0, address.size() - 1) + "0" : address;
        nng_listener listener;
        check(nng_listen(handle_, url.c_str(), &listener, 0), "nng_listen");
        if (!any_port) return url;
        int port = 0;
        check(nng_listener_get_int(listener, NNG_OPT_TCP_BOUND_PORT, &port), "nng_listener_get_int(BOUND_PORT)");
        return url.substr(0, url.size() - 1) + std::to_string(port);
    }
    void connect(const std::string& address) override { check(nng_dial(handle_, address.c_str(), nullptr, 0), "nng_dial"); }

    void send(size_t size) override
    {
        nng_msg* msg;
        check(nng_msg_alloc(&msg, size), "nng_msg_alloc");
        send_message(msg);
    }
    size_t receive() override
    {
        nng_msg* msg;
        check(nng_recvmsg(handle_, &msg, 0), "nng_recvmsg");
        return close_message(msg);
    }
    bool try_receive(size_t& size) override
    {
        nng_msg* msg;
        const int rc = nng_recvmsg(handle_, &msg, NNG_FLAG_NONBLOCK);
        if (rc == NNG_EAGAIN) return false;
        check(rc, "nng_recvmsg");
        size = close_message(msg);
        return true;
    }
    // A REP socket keeps the request's route itself: the same message goes
    // back as it came.
    void echo() override
    {
        nng_msg* msg;
        check(nng_recvmsg(handle_, &msg, 0), "nng_recvmsg");
        send_message(msg);
    }

private:
    void send_message(nng_msg* msg)
    {
        const int rc = nng_sendmsg(handle_, msg, 0);
        if (rc != 0) nng_msg_free(msg);  // the socket takes it only on success
        check(rc, "nng_sendmsg");
    }
    static size_t close_message(nng_msg* msg)
    {
        const size_t size = nng_msg_len(msg);
        nng_msg_free(msg);
        return size;
    }

    nng_socket handle_{};
    int recv_fd_ = -1;
};

class nng_library final : public library {
public:
    explicit nng_library(std::string file) : file_(std::move(file)) {}
    ~nng_library() override { nng_fini(); }

    std::string description() const override
    {
        return file_ + " (nng " + nng_version() + ", SP wire: not ZMTP)";
    }
    bool has(role r) const override { return r != role::dealer && r != role::router; }
    std::unique_ptr<socket> open(role r) override { return std::make_unique<nng_socket_adapter>(r); }
    void wait_any(const std::vector<socket*>& sockets, int timeout_ms) override
    {
        std::vector<pollfd> fds;
        fds.reserve(sockets.size());
        for (socket* s : sockets) fds.push_back({static_cast<nng_socket_adapter*>(s)->readable_fd(), POLLIN, 0});
        if (poll(fds.data(), fds.size(), timeout_ms) == -1) fail("poll");
    }

private:
    std::string file_;
};

}  // namespace

std::unique_ptr<library> open_library(const char* program)
{
    const auto file = bench::require_library(program, reinterpret_cast<const void*>(&nng_version));
    return std::make_unique<nng_library>(file.string());
}

}  // namespace matrix
