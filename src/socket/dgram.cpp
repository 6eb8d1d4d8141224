// ZMQ_DGRAM (zmq_socket(3), zmq_udp(7)): raw udp datagrams over one bound
// udp:// endpoint. Every message is exactly two parts: the peer's
// "ip:port" (received with a terminating NUL, as from libzmq), then the body; a first part without ZMQ_SNDMORE, or a second
// with it, is EINVAL, as with libzmq. Received messages come the same way.
// Not thread-safe. Only one endpoint: later pipes are refused.
#include "socket/pair.hpp"
#include "socket/socket_types.hpp"

#include "base/error.hpp"
#include "io/pipe.hpp"

namespace zmx {

namespace {

// A PAIR whose one peer is its udp endpoint, and whose messages come in
// address-then-body pairs.
class dgram_socket final : public pair_socket {
public:
    explicit dgram_socket(context& ctx) : pair_socket(ctx, ZMQ_DGRAM) {}

private:
    void xpipe_terminated(pipe* p) override {
        if (p == peer_)
            body_next_ = false;
        pair_socket::xpipe_terminated(p);
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

    bool body_next_ = false;  // the address part went out: the body comes next
};

}  // namespace

socket_base* make_dgram(context& ctx) { return new dgram_socket(ctx); }

} // namespace zmx
