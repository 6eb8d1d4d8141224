// A connection xaccept took from a listener used directly: its peer's
// routing id on the listener's ROUTER.
//
// Threading: any thread.
#pragma once

#include "xio/listener.hpp"

namespace zmx::xio {

class accepted_connection final : public handle {
public:
    accepted_connection(std::shared_ptr<listener> from, std::string peer, transport_id transport,
                        const handle_options& inherited);

    int send(ubuf* u) override { return from_->send_to(peer_, u, send_timeout()); }
    int recv(char** out) override { return from_->recv_from(peer_, out, recv_timeout()); }
    int ready() override { return from_->ready_for(peer_); }
    socket_guard* poll_guard() override { return from_->poll_guard(); }
    void close() override { from_->forget(peer_); }

private:
    std::shared_ptr<listener> from_;
    const std::string peer_;
};

} // namespace zmx::xio
