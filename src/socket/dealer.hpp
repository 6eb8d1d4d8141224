// ZMQ_DEALER: load-balances out, fair-queues in. REQ builds on it; CLIENT
// is one.
#pragma once

#include "socket/fair_queue.hpp"
#include "socket/load_balancer.hpp"
#include "socket/socket_base.hpp"

#include <zmq.h>

namespace zmx {

class dealer_socket : public socket_base {
public:
    // A REQ cannot broadcast: it takes one reply per request.
    dealer_socket(context& ctx, int type) : socket_base(ctx, type), out_(type != ZMQ_REQ) {}
    load_balancer* balancer() override { return &out_; }

protected:
    void xattach_pipe(pipe* p, bool locally_initiated) override;
    void xpipe_terminated(pipe* p) override;
    void xread_activated(pipe* p) override { in_.activated(p); }
    void xwrite_activated(pipe* p) override { out_.activated(p); }
    int xsend(msg& m) override { return out_.send(m); }
    int xrecv(msg& m) override { return in_.recv(m); }
    bool xhas_in() override { return in_.has_in(); }
    bool xhas_out() override { return out_.has_out(); }
    int xsetsockopt(int option, const void* value, size_t size) override;
    int xgetsockopt(int option, void* value, size_t* size) override;

    // Send and receive naming the pipe used, for REQ's reply matching.
    int send_via(msg& m, pipe** to) { return out_.send(m, to); }
    int recv_from(msg& m, pipe** from) { return in_.recv(m, from); }
    // REQ: the key of a request is its first frame, not the delimiter.
    void offer_key(const msg& m) { out_.offer_key(m); }

private:
    fair_queue in_;
    load_balancer out_;
    bool probe_router_ = false;
};

} // namespace zmx
