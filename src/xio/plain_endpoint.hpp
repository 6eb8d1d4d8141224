// The endpoints whose messages carry no route: SP_PUB (a PUB), SP_SUB (a
// SUB subscribed to everything) and SP_BUS (a DEALER that gives every
// connected peer a copy, ZMX_LB_BROADCAST, and takes only live peers,
// ZMQ_IMMEDIATE). A bus member never forwards what it receives.
//
// Threading: as endpoint.
#pragma once

#include "xio/sp_endpoint.hpp"

namespace zmx::xio {

class plain_endpoint final : public endpoint {
public:
    // Null with EINVAL when the pair is not one of the three.
    static std::shared_ptr<endpoint> make(int family, int type);

private:
    plain_endpoint(int family, int type, void* socket);
    int send_ubuf(std::unique_lock<std::mutex>& lock, ubuf* u) override;
    int recv_ubuf(std::unique_lock<std::mutex>& lock, char** out) override;

    const bool sends_;
    const bool receives_;
};

} // namespace zmx::xio
