#include "socket/router.hpp"

#include "base/error.hpp"
#include "io/pipe.hpp"
#include "socket/socket_types.hpp"

#include <random>

namespace zmx {

router_socket::router_socket(context& ctx, int type)
    : socket_base(ctx, type), next_generated_id_(std::random_device{}()) {
    prefetched_.init();
}

router_socket::~router_socket() { prefetched_.close(); }

std::string router_socket::generate_routing_id() {
    // libzmq's form: a zero byte, then a 32-bit counter (big-endian).
    const uint32_t n = next_generated_id_++;
    const char id[5] = {0, char(n >> 24), char(n >> 16), char(n >> 8), char(n)};
    return std::string(id, sizeof id);
}

bool router_socket::identify(pipe* p) {
    if (!p->identified() && !p->check_read() && !p->identified())
        return false;
    std::string id = p->peer_routing_id();
    if (id.empty())
        id = generate_routing_id();
    auto existing = by_id_.find(id);
    if (existing != by_id_.end()) {
        if (!handover_) {
            reject_pipe(p);
            return true;
        }
        // The newcomer takes the id; the old connection is closed.
        pipe* old = existing->second;
        id_of_.erase(old);
        by_id_.erase(existing);
        in_.terminated(old);
        reject_pipe(old);
    }
    by_id_[id] = p;
    id_of_[p] = id;
    in_.attach(p);
    return true;
}

void router_socket::xattach_pipe(pipe* p, bool) {
    if (probe_router_)
        send_probe(*p);
    if (!identify(p))
        anonymous_.insert(p);
}

void router_socket::xread_activated(pipe* p) {
    if (anonymous_.count(p) == 0) {
        in_.activated(p);
    } else if (identify(p)) {
        anonymous_.erase(p);
    }
}

void router_socket::xpipe_terminated(pipe* p) {
    anonymous_.erase(p);
    auto it = id_of_.find(p);
    if (it != id_of_.end()) {
        by_id_.erase(it->second);
        id_of_.erase(it);
        in_.terminated(p);
    }
    if (sending_to_ == p)
        sending_to_ = nullptr;
}

int router_socket::xsend(msg& m) {
    const bool more = m.has(msg::more);
    if (!more_out_) {
        // The first frame names the peer. A lone frame is silently dropped.
        if (more) {
            more_out_ = true;
            auto it = by_id_.find(std::string(static_cast<const char*>(m.data()), m.size()));
            if (it != by_id_.end() && it->second->check_write()) {
                sending_to_ = it->second;
            } else if (mandatory_) {
                more_out_ = false;
                return fail(it == by_id_.end() || it->second->peer_closed() ? EHOSTUNREACH : EAGAIN);
            }
        }
        m.close();
        return 0;
    }
    more_out_ = more;
    if (!sending_to_ || !sending_to_->write(m))
        m.close();
    if (!more)
        sending_to_ = nullptr;
    return 0;
}

void router_socket::rollback_send() {
    if (sending_to_)
        sending_to_->rollback();
    sending_to_ = nullptr;
    more_out_ = false;
}

int router_socket::xrecv(msg& m) {
    if (has_prefetched_) {
        prefetched_.move_to(m);
        has_prefetched_ = false;
        more_in_ = m.has(msg::more);
        return 0;
    }
    pipe* from = nullptr;
    if (in_.recv(m, &from) < 0)
        return -1;
    if (more_in_) {
        more_in_ = m.has(msg::more);
        return 0;
    }
    // A new message: hand out the sender's routing id first.
    m.move_to(prefetched_);
    has_prefetched_ = true;
    const std::string& id = id_of_[from];
    m.init_copy_of(id.data(), id.size());
    m.set(msg::more);
    more_in_ = true;
    return 0;
}

bool router_socket::xhas_in() { return more_in_ || has_prefetched_ || in_.has_in(); }

bool router_socket::xhas_out() {
    if (!mandatory_)
        return true;
    for (auto& [p, id] : id_of_)
        if (p->check_write())
            return true;
    return false;
}

int router_socket::xsetsockopt(int option, const void* value, size_t size) {
    switch (option) {
    case ZMQ_ROUTER_MANDATORY:
        return option_value::get_bool(value, size, mandatory_);
    case ZMQ_ROUTER_HANDOVER:
        return option_value::get_bool(value, size, handover_);
    case ZMQ_PROBE_ROUTER:
        return option_value::get_bool(value, size, probe_router_);
    default:
        return socket_base::xsetsockopt(option, value, size);
    }
}

socket_base* make_router(context& ctx) { return new router_socket(ctx, ZMQ_ROUTER); }

} // namespace zmx
