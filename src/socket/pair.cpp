#include "socket/pair.hpp"

#include "base/error.hpp"
#include "io/pipe.hpp"
#include "socket/socket_types.hpp"

namespace zmx {

void pair_socket::xattach_pipe(pipe* p, bool) {
    if (peer_)
        reject_pipe(p);
    else
        peer_ = p;
}

void pair_socket::xpipe_terminated(pipe* p) {
    if (p == peer_)
        peer_ = nullptr;
}

int pair_socket::xsend(msg& m) { return peer_ && peer_->write(m) ? 0 : fail(EAGAIN); }
int pair_socket::xrecv(msg& m) { return peer_ && peer_->read(m) ? 0 : fail(EAGAIN); }
bool pair_socket::xhas_in() { return peer_ && peer_->check_read(); }
bool pair_socket::xhas_out() { return peer_ && peer_->check_write(); }

socket_base* make_pair(context& ctx) { return new pair_socket(ctx, ZMQ_PAIR); }
socket_base* make_channel(context& ctx) { return new pair_socket(ctx, ZMQ_CHANNEL); }

} // namespace zmx
