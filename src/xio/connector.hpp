// A handle from xconnect. Used directly, its own DEALER connects (with
// ZMQ_PROBE_ROUTER, so a listener used directly learns of it at once).
//
// Threading: any thread.
#pragma once

#include "xio/handle.hpp"
#include "xio/socket_guard.hpp"

namespace zmx::xio {

class connector final : public handle {
public:
    explicit connector(address a);

    int send(ubuf* u) override;
    int recv(char** out) override;
    int ready() override;
    socket_guard* poll_guard() override { return own_socket(); }
    const address* endpoint_address() const override { return &address_; }

private:
    socket_guard* own_socket();

    const address address_;
};

} // namespace zmx::xio
