// ZMQ_SERVER and ZMQ_PEER. Each peer gets a 32-bit routing id (never 0,
// counting on from a random start, as libzmq's) that every message from it
// carries (zmq_msg_routing_id); a message sent goes to the peer its routing
// id names: EHOSTUNREACH when there is none, EAGAIN (a wait, for a blocking
// send) while that peer's queue is full. Input is fair-queued. A PEER also
// connects out with zmq_connect_peer, which gives the new peer's id.
// Thread-safe and single-part, as socket_base makes every such type.
#include "socket/socket_types.hpp"

#include "base/error.hpp"
#include "io/pipe.hpp"
#include "socket/fair_queue.hpp"

#include <random>
#include <unordered_map>

namespace zmx {

namespace {

class server_socket final : public socket_base {
public:
    server_socket(context& ctx, int type) : socket_base(ctx, type), next_id_(std::random_device{}()) {}

    uint32_t connect_peer(const char* endpoint) override {
        if (options_.type != ZMQ_PEER)
            return socket_base::connect_peer(endpoint);
        const auto lock = enter();
        if (options_.immediate) {
            errno = EFAULT;  // as libzmq: the id of a pipe made later cannot be told now
            return 0;
        }
        last_connected_ = 0;
        return connect_endpoint(endpoint) < 0 ? 0 : last_connected_;
    }

private:
    void xattach_pipe(pipe* p, bool locally_initiated) override {
        uint32_t id = next_id_++;
        if (id == 0)
            id = next_id_++;
        peers_[id] = p;
        ids_[p] = id;
        in_.attach(p);
        if (locally_initiated)
            last_connected_ = id;
    }
    void xpipe_terminated(pipe* p) override {
        peers_.erase(ids_[p]);
        ids_.erase(p);
        in_.terminated(p);
    }
    void xread_activated(pipe* p) override { in_.activated(p); }
    int xsend(msg& m) override {
        const auto it = peers_.find(m.routing_id_value());
        if (it == peers_.end()) {
            count_unroutable();
            return fail(EHOSTUNREACH);
        }
        // The id is ours to read: an inproc peer must not see it.
        m.set_routing_id_value(0);
        if (it->second->write(m))
            return 0;
        m.set_routing_id_value(it->first);
        return fail(EAGAIN);
    }
    int xrecv(msg& m) override {
        pipe* from = nullptr;
        if (in_.recv(m, &from) < 0)
            return -1;
        m.set_routing_id_value(ids_[from]);
        return 0;
    }
    bool xhas_in() override { return in_.has_in(); }
    bool xhas_out() override { return true; }  // as libzmq: where to depends on each message

    fair_queue in_;
    std::unordered_map<uint32_t, pipe*> peers_;
    std::unordered_map<pipe*, uint32_t> ids_;
    uint32_t next_id_;
    uint32_t last_connected_ = 0;  // the id the last connect gave its pipe
};

}  // namespace

socket_base* make_server(context& ctx) { return new server_socket(ctx, ZMQ_SERVER); }
socket_base* make_peer(context& ctx) { return new server_socket(ctx, ZMQ_PEER); }

} // namespace zmx
