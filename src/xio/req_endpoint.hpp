// SP_REQ: a DEALER (ZMQ_IMMEDIATE: only live peers take requests) that
// load-balances requests by the strategy of SP_REQ_LBS and receives the
// replies.
//
// Each request goes out as [tag][route...][empty][body...]: the tag names
// it and counts its hops. A request stays until its reply comes: when the
// socket loses a peer (ZMX_PEERS_LOST grows), every request still
// unanswered is sent again to the peers left, so none waits forever for a
// peer that is gone. A request answered twice that way gives one reply:
// the second finds no request and is dropped.
//
// Threading: as endpoint; the members below marked "lock held" are also
// what a proxy drives.
#pragma once

#include "xio/sp_endpoint.hpp"
#include "xio/route.hpp"

#include <xio/sp_reqrep.h>

#include <cstdint>
#include <deque>

namespace zmx::xio {

class req_endpoint final : public endpoint {
public:
    static std::shared_ptr<endpoint> make();

    // --- lock held ---
    // Takes a request (its route and body) to send: 0, or -1 with EINVAL
    // when its route has taken too many hops (a routing loop).
    int submit(envelope& request, ubuf* original);
    // Sends again what lost peers took, then what waits to be sent.
    void pump();
    // The next reply, its route without our tag: 0, or -1 with errno
    // (EAGAIN when there is none yet).
    int take_reply(envelope& out);
    // How many requests wait to be sent.
    size_t backlog() const { return waiting_.size(); }

private:    static constexpr int max_hops = 255;  // what a tag can count

    explicit req_endpoint(void* socket);
    int send_ubuf(std::unique_lock<std::mutex>& lock, ubuf* u) override;
    int recv_ubuf(std::unique_lock<std::mutex>& lock, char** out) override;
    int set_type_option(int opt, const void* value, int size) override;
    int get_type_option(int opt, void* value, int* size) override;
    int set_strategy(const void* value, int size);
    int set_weight(const void* value, int size);
    // What the load balancer keys the request on (empty: no key).
    std::string key_for(const message& body, ubuf* original);

    struct outstanding {
        message frames;
        std::string key;
        bool waiting;  // in waiting_, to be sent
    };
    std::map<uint32_t, outstanding> unanswered_;  // by id
    std::deque<uint32_t> waiting_;            // ids to send, in order
    uint32_t next_id_ = 0;
    int64_t peers_lost_ = 0;
    int strategy_ = SP_REQ_RRBIN;
    ulhash user_hash_ = nullptr;
    std::map<int, int> weights_;  // by fd
};

} // namespace zmx::xio
