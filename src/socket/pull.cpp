// ZMQ_PULL: fair-queues messages from its PUSH peers. ZMQ_GATHER is its
// thread-safe, single-part twin (from SCATTER peers).
#include "socket/socket_types.hpp"

#include "socket/fair_queue.hpp"

namespace zmx {

namespace {

class pull_socket final : public socket_base {
public:
    using socket_base::socket_base;

private:
    void xattach_pipe(pipe* p, bool) override { in_.attach(p); }
    void xpipe_terminated(pipe* p) override { in_.terminated(p); }
    void xread_activated(pipe* p) override { in_.activated(p); }
    int xrecv(msg& m) override { return in_.recv(m); }
    bool xhas_in() override { return in_.has_in(); }

    fair_queue in_;
};

}  // namespace

socket_base* make_pull(context& ctx) { return new pull_socket(ctx, ZMQ_PULL); }
socket_base* make_gather(context& ctx) { return new pull_socket(ctx, ZMQ_GATHER); }

} // namespace zmx
