// ZMQ_PUSH: load-balances messages to its PULL peers; blocks when none has
// room. ZMQ_SCATTER is its thread-safe, single-part twin (to GATHER peers).
#include "socket/socket_types.hpp"

#include "socket/load_balancer.hpp"

namespace zmx {

namespace {

class push_socket final : public socket_base {
public:
    using socket_base::socket_base;
    load_balancer* balancer() override { return &out_; }

private:
    void xattach_pipe(pipe* p, bool locally_initiated) override { out_.attach(p, locally_initiated); }
    void xpipe_terminated(pipe* p) override { out_.terminated(p); }
    void xwrite_activated(pipe* p) override { out_.activated(p); }
    int xsend(msg& m) override { return out_.send(m); }
    bool xhas_out() override { return out_.has_out(); }
    int xsetsockopt(int option, const void* value, size_t size) override {
        if (load_balancer::sets(option))
            return out_.setsockopt(option, value, size);
        return socket_base::xsetsockopt(option, value, size);
    }
    int xgetsockopt(int option, void* value, size_t* size) override {
        if (load_balancer::gets(option))
            return out_.getsockopt(option, value, size);
        return socket_base::xgetsockopt(option, value, size);
    }

    load_balancer out_;
};

}  // namespace

socket_base* make_push(context& ctx) { return new push_socket(ctx, ZMQ_PUSH); }
socket_base* make_scatter(context& ctx) { return new push_socket(ctx, ZMQ_SCATTER); }

} // namespace zmx
