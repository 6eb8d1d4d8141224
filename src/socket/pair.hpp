// ZMQ_PAIR: one exclusive peer, both directions; later peers are refused.
// ZMQ_CHANNEL is its thread-safe, single-part twin, and DGRAM builds on it.
#pragma once

#include "socket/socket_base.hpp"

namespace zmx {

class pair_socket : public socket_base {
public:
    using socket_base::socket_base;

protected:
    void xattach_pipe(pipe* p, bool) override;
    void xpipe_terminated(pipe* p) override;
    int xsend(msg& m) override;
    int xrecv(msg& m) override;
    bool xhas_in() override;
    bool xhas_out() override;

    pipe* peer_ = nullptr;
};

} // namespace zmx
