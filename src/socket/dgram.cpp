// ZMQ_DGRAM (zmq_socket(3), zmq_udp(7)): raw udp datagrams over one bound
// udp:// endpoint. Every message is exactly two parts: the peer's
// "ip:port" (received with a terminating NUL, as from libzmq), then the body; a first part without ZMQ_SNDMORE, or a second
// with it, is EINVAL, as with libzmq. Received messages come the same way.
// Not thread-safe. Only one endpoint: later pipes are refused.
#include "socket/socket_types.hpp"

#include "base/error.hpp"
#include "io/pipe.hpp"

namespace zmx {

namespace {

class dgram_socket final : public socket_base {
public:
    explicit dgram_socket(context& ctx) : socket_base(ctx, ZMQ_DGRAM) {}

private:
    void xattach_pipe(pipe* p, bool) override {
        if (peer_)
            reject_pipe(p);
        else
            peer_ = p;
    }
    void xpipe_terminated(pipe* p) override {
        if (p == peer_) {
            peer_ = nullptr;
            body_next_ = false;
        }
    }
    int xsend(msg& m) override {
        // The address part needs MORE and the body must not have it.
        if (m.has(msg::more) == body_next_)
            return fail(EINVAL);
        if (!peer_ || !peer_->write(m))
            return fail(EAGAIN);
        body_next_ = !body_next_;
        return 0;
    }
    int xrecv(msg& m) override { return peer_ && peer_->read(m) ? 0 : fail(EAGAIN); }
    bool xhas_in() override { return peer_ && peer_->check_read(); }
    bool xhas_out() override { return peer_ && peer_->check_write(); }

    pipe* peer_ = nullptr;
    bool body_next_ = false;  // the address part went out: the body comes next
};

}  // namespace

socket_base* make_dgram(context& ctx) { return new dgram_socket(ctx); }

} // namespace zmx
