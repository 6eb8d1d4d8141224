// ZMQ_PUSH: load-balances messages to its PULL peers; blocks when none has room.
#include "socket/socket_types.hpp"

#include "socket/load_balancer.hpp"

namespace zmx {

namespace {

class push_socket final : public socket_base {
public:
    using socket_base::socket_base;

private:
    void xattach_pipe(pipe* p, bool) override { out_.attach(p); }
    void xpipe_terminated(pipe* p) override { out_.terminated(p); }
    void xwrite_activated(pipe* p) override { out_.activated(p); }
    int xsend(msg& m) override { return out_.send(m); }
    bool xhas_out() override { return out_.has_out(); }

    load_balancer out_;
};

}  // namespace

socket_base* make_push(context& ctx) { return new push_socket(ctx, ZMQ_PUSH); }

} // namespace zmx
