#include "socket/router.hpp"

#include "base/error.hpp"
#include "io/pipe.hpp"
#include "socket/socket_types.hpp"

#include <utility>

namespace zmx {

router_socket::router_socket(context& ctx, int type) : socket_base(ctx, type) { prefetched_.init(); }

router_socket::~router_socket() { prefetched_.close(); }

bool router_socket::identify(pipe* p) {
    if (!p->identified() && !p->check_read() && !p->identified())
        return false;
    std::string id = p->peer_routing_id();
    if (id.empty())
        id = ids_.generate_id();
    if (pipe* old = ids_.find(id)) {
        if (!handover_) {
            reject_pipe(p);
            return true;
        }
        // The newcomer takes the id; the old connection is closed.
        ids_.remove(old);
        in_.terminated(old);
        reject_pipe(old);
    }
    ids_.add(id, p);
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

void router_socket::xpipe_terminated(pipe* p) { forget(p); }

void router_socket::forget(pipe* p) {
    anonymous_.erase(p);
    if (ids_.remove(p))
        in_.terminated(p);
    if (sending_to_ == p)
        sending_to_ = nullptr;
}

int router_socket::xsend(msg& m) {
    if (!more_out_) {
        // The first frame names the peer. A lone frame is silently dropped.
        if (m.has(msg::more)) {
            more_out_ = true;
            pipe* to = ids_.find(std::string_view(static_cast<const char*>(m.data()), m.size()));
            if (to && to->check_write()) {
                sending_to_ = to;
                hwm_drops().delivered();
            } else if (mandatory_) {
                more_out_ = false;
                const bool unroutable = !to || to->peer_closed();
                if (unroutable)
                    count_unroutable();
                return fail(unroutable ? EHOSTUNREACH : EAGAIN);
            } else if (to) {
                hwm_drops().dropped(1);
            } else {
                count_unroutable();
            }
        }
        m.close();
        return 0;
    }
    if (options_.raw_connections) {
        // Raw bytes have no frames: each data frame ends its message.
        m.clear(msg::more);
        if (raw_ && sending_to_ && m.size() == 0)
            return close_connection(m);
    }
    more_out_ = m.has(msg::more);
    if (!sending_to_ || !sending_to_->write(m))
        m.close();
    if (!more_out_)
        sending_to_ = nullptr;
    return 0;
}

int router_socket::close_connection(msg& empty) {
    pipe* p = std::exchange(sending_to_, nullptr);
    forget(p);
    close_raw_connection(p);
    more_out_ = false;
    empty.close();
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
    const std::string& id = *ids_.id_of(from);
    m.init_copy_of(id.data(), id.size());
    m.set(msg::more);
    more_in_ = true;
    return 0;
}

bool router_socket::xhas_in() { return more_in_ || has_prefetched_ || in_.has_in(); }

bool router_socket::xhas_out() {
    if (!mandatory_)
        return true;
    return ids_.any_pipe([](pipe* p) { return p->check_write(); });
}

int router_socket::xsetsockopt(int option, const void* value, size_t size) {
    switch (option) {
    case ZMQ_ROUTER_MANDATORY:
        return option_value::get_bool_non_negative(value, size, mandatory_);
    case ZMQ_ROUTER_HANDOVER:
        return option_value::get_bool_non_negative(value, size, handover_);
    case ZMQ_ROUTER_RAW:
        if (option_value::get_bool_non_negative(value, size, raw_) < 0)
            return -1;
        options_.raw_connections |= raw_;
        return 0;
    case ZMQ_PROBE_ROUTER:
        return option_value::get_bool_non_negative(value, size, probe_router_);
    case ZMQ_ROUTER_NOTIFY: {
        int bits;
        if (option_value::get_int(value, size, bits) < 0 || bits < 0 || bits > (ZMQ_NOTIFY_CONNECT | ZMQ_NOTIFY_DISCONNECT))
            return fail(EINVAL);
        options_.router_notify = bits;
        return 0;
    }
    default:
        return socket_base::xsetsockopt(option, value, size);
    }
}

socket_base* make_router(context& ctx) { return new router_socket(ctx, ZMQ_ROUTER); }

int router_socket::peer_state(std::string_view routing_id) {
    const pipe* p = ids_.find(routing_id);
    if (!p)
        return fail(EHOSTUNREACH);
    return p->below_hwm() ? ZMQ_POLLOUT : 0;
}

} // namespace zmx
