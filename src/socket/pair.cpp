// ZMQ_PAIR: one exclusive peer, both directions; later peers are refused.
// ZMQ_CHANNEL is its thread-safe, single-part twin.
#include "socket/socket_types.hpp"

#include "base/error.hpp"
#include "io/pipe.hpp"

namespace zmx {

namespace {

class pair_socket final : public socket_base {
public:
    using socket_base::socket_base;

private:
    void xattach_pipe(pipe* p, bool) override {
        if (peer_)
            reject_pipe(p);
        else
            peer_ = p;
    }
    void xpipe_terminated(pipe* p) override {
        if (p == peer_)
            peer_ = nullptr;
    }
    int xsend(msg& m) override { return peer_ && peer_->write(m) ? 0 : fail(EAGAIN); }
    int xrecv(msg& m) override { return peer_ && peer_->read(m) ? 0 : fail(EAGAIN); }
    bool xhas_in() override { return peer_ && peer_->check_read(); }
    bool xhas_out() override { return peer_ && peer_->check_write(); }

    pipe* peer_ = nullptr;
};

}  // namespace

socket_base* make_pair(context& ctx) { return new pair_socket(ctx, ZMQ_PAIR); }
socket_base* make_channel(context& ctx) { return new pair_socket(ctx, ZMQ_CHANNEL); }

} // namespace zmx
