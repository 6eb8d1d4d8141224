// SP_REP: a ROUTER (ZMQ_ROUTER_MANDATORY: a reply to a peer that is gone
// fails) that fair-queues requests and sends each reply back along the
// route its request came: a request's route rides in its ubuf's control
// ubuf, so a REP may hold many and answer them in any order.
//
// Threading: as endpoint; the members below marked "lock held" are also
// what a proxy drives.
#pragma once

#include "xio/sp_endpoint.hpp"
#include "xio/route.hpp"

namespace zmx::xio {

class rep_endpoint final : public endpoint {
public:
    static std::shared_ptr<endpoint> make();

    // --- lock held ---
    // The next well-formed request: 0, or -1 with errno (EAGAIN: none yet).
    int take_request(envelope& out);
    // Sends a reply (its frames: route, delimiter, body) along its route:
    // 0, or -1 with EAGAIN (no room now: frames are kept) or EHOSTUNREACH
    // (no such peer).
    int put_reply(message& frames);

private:
    // A route longer than this is a routing loop or a hostile peer.
    static constexpr size_t max_route_frames = 512;

    explicit rep_endpoint(void* socket);
    int send_ubuf(std::unique_lock<std::mutex>& lock, ubuf* u) override;
    int recv_ubuf(std::unique_lock<std::mutex>& lock, char** out) override;
    int set_type_option(int opt, const void* value, int size) override;
};

} // namespace zmx::xio
