// ZMQ_ROUTER: every received message is prefixed with the routing id of the
// peer it came from; a sent message's first frame names the peer it goes to.
// Unroutable messages are dropped, or refused with EHOSTUNREACH under
// ZMQ_ROUTER_MANDATORY. REP builds on it.
//
// ZMQ_ROUTER_RAW (deprecated, still taken by libzmq 4.3.4, by REP too)
// makes the connections made from then on raw, as a STREAM socket's: no
// ZMTP, a routing id the socket makes up for each, [routing id][bytes] each
// way (a data frame's ZMQ_SNDMORE is ignored), an empty message when a
// connection is made and when it is lost, and empty data sent to a peer
// closes its connection. It stays a ROUTER otherwise: an unknown routing id
// is dropped (EHOSTUNREACH under ZMQ_ROUTER_MANDATORY), a lone routing id
// frame is dropped, and ZMQ_STREAM_NOTIFY is refused. As in libzmq the
// option cannot be read back, and turning it off again only stops empty
// data from closing connections: they stay raw.
#pragma once

#include "base/msg.hpp"
#include "socket/fair_queue.hpp"
#include "socket/routing_table.hpp"
#include "socket/socket_base.hpp"

#include <unordered_set>

namespace zmx {

class router_socket : public socket_base {
public:
    router_socket(context& ctx, int type);
    ~router_socket() override;

protected:
    void xattach_pipe(pipe* p, bool locally_initiated) override;
    void xpipe_terminated(pipe* p) override;
    void xread_activated(pipe* p) override;
    int xsend(msg& m) override;
    int xrecv(msg& m) override;
    bool xhas_in() override;
    bool xhas_out() override;
    int xsetsockopt(int option, const void* value, size_t size) override;

public:
    // EHOSTUNREACH for a routing id no peer has.
    int peer_state(std::string_view routing_id) override;

protected:
    // Drops the unfinished message being written (REP's malformed envelopes).
    void rollback_send();

private:
    // Maps the pipe's routing id; false when it is not known yet.
    bool identify(pipe* p);
    // Drops p from the routing and the fair queue.
    void forget(pipe* p);
    // ZMQ_ROUTER_RAW: empty data closes the connection it was sent to.
    int close_connection(msg& empty);

    fair_queue in_;
    routing_table ids_;
    std::unordered_set<pipe*> anonymous_;

    pipe* sending_to_ = nullptr;
    bool more_out_ = false;
    msg prefetched_;
    bool has_prefetched_ = false;
    bool more_in_ = false;

    bool mandatory_ = false;
    bool handover_ = false;
    bool probe_router_ = false;
    bool raw_ = false;  // ZMQ_ROUTER_RAW as last set
};

} // namespace zmx
