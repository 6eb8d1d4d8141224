// SP_PROXY: an SP_REP (facing clients) and an SP_REQ (facing servers)
// joined. Requests the REP receives go on through the REQ, each with the
// route it came by; replies the REQ receives go back through the REP along
// those routes. Proxies chain: each adds a hop, and a reply retraces them
// all. A thread of the proxy's own moves the messages; meanwhile the two
// endpoints refuse sp_send and sp_recv (EBUSY), and sp_close of either
// ends the proxy (the other endpoint is free again).
//
// Threading: join_option and stop from any thread (not the proxy's).
#pragma once

#include "xio/frame.hpp"
#include "xio/route.hpp"

#include <atomic>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace zmx::xio {

class endpoint;
class req_endpoint;
class rep_endpoint;

class proxy {
public:
    // How many messages the proxy holds each way before it stops taking
    // more: what it cannot pass on waits in the sockets, under their
    // high-water marks.
    static constexpr size_t hold_limit = 1000;

    // SP_PROXY set on self, naming the other endpoint (an int eid): 0, or
    // -1 with EBADF (no such endpoint) or EINVAL (not an SP_REQ and an
    // SP_REP, or one of them is in a proxy already).
    static int join_option(endpoint& self, const void* value, int size);
    ~proxy();
    // Ends the thread; the endpoints are free again. Idempotent.
    void stop();

private:
    proxy(std::shared_ptr<req_endpoint> req, std::shared_ptr<rep_endpoint> rep);
    void run();
    // One round each way: true when anything moved.
    bool move_replies();
    bool move_requests();
    void sleep();

    std::shared_ptr<req_endpoint> req_;
    std::shared_ptr<rep_endpoint> rep_;
    int wake_fd_;
    std::atomic<bool> stopping_{false};
    std::once_flag stopped_;
    std::thread thread_;
    // Owned by the proxy's thread:
    std::deque<message> replies_;    // waiting for room on the REP side
    std::deque<envelope> requests_;  // taken from the REP, for the REQ
};

} // namespace zmx::xio
