// A handle from xlisten, and the connections xaccept takes from it.
//
// Used directly, the listener's own ROUTER binds; each peer that connects
// is a connection waiting to be accepted (a direct connector announces
// itself with ZMQ_PROBE_ROUTER's empty message, any other peer with its
// first message). The ROUTER is shared by the accepted connections: what it
// receives is sorted into their inboxes. An inbox holds at most
// inbox_limit messages; while one is full the ROUTER is not read, so memory
// stays bounded and a connection nobody reads holds back the others.
//
// Threading: any thread; the shared state is under the guard's lock.
#pragma once

#include "xio/handle.hpp"
#include "xio/socket_guard.hpp"

#include <atomic>
#include <deque>
#include <map>

namespace zmx::xio {

class listener final : public handle, public std::enable_shared_from_this<listener> {
public:
    static constexpr size_t inbox_limit = 1000;

    explicit listener(address a);
    ~listener() override;

    int accept(std::shared_ptr<handle>& out) override;
    int ready() override;  // XPOLLIN: a connection waits to be accepted
    socket_guard* poll_guard() override { return own_socket(); }
    const address* endpoint_address() const override { return &address_; }

    // For the accepted connection named peer.
    int send_to(const std::string& peer, ubuf* u, int timeout_ms);
    int recv_from(const std::string& peer, char** out, int timeout_ms);
    int ready_for(const std::string& peer);
    // The connection was closed: what arrives for it from now on is dropped.
    void forget(const std::string& peer);

private:
    struct connection {
        std::deque<ubuf*> inbox;
        bool closed = false;
    };

    socket_guard* own_socket();
    // Lock held: sorts what the ROUTER has into the inboxes.
    void pump();
    // Lock held: the next message for peer, or nullptr.
    ubuf* take_for(const std::string& peer);

    const address address_;
    std::atomic<socket_guard*> guard_{nullptr};  // own_socket()'s, once made
    std::map<std::string, connection> connections_;  // by routing id
    std::deque<std::string> unaccepted_;
    size_t full_inboxes_ = 0;
};

} // namespace zmx::xio
