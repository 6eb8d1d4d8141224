#include "socket/xsub.hpp"

#include "base/error.hpp"
#include "io/pipe.hpp"
#include "socket/socket_types.hpp"
#include "zmtp/commands.hpp"

#include <string>

namespace zmx {

xsub_socket::xsub_socket(context& ctx, int type) : socket_base(ctx, type) {
    prefetched_.init();
    // libzmq 4.3.4 starts SUB and XSUB at LINGER 0: subscriptions still
    // queued at close are not worth holding zmq_ctx_term for.
    options_.linger = 0;
}

xsub_socket::~xsub_socket() { prefetched_.close(); }

void xsub_socket::xattach_pipe(pipe* p, bool) {
    in_.attach(p);
    out_.attach(p);
    // A new publisher learns every subscription made so far.
    subscriptions_.for_each([p](const std::string& topic, int) {
        msg m;
        if (zmtp::subscription_message(m, true, {reinterpret_cast<const uint8_t*>(topic.data()), topic.size()}) < 0)
            return;
        m.set(msg::subscription);
        if (!p->write(m))
            m.close();
    });
}

void xsub_socket::xpipe_terminated(pipe* p) {
    in_.terminated(p);
    out_.terminated(p);
}

// As libzmq, any part of a message may be a (un)subscription; with
// ZMQ_ONLY_FIRST_SUBSCRIBE, the parts after a first one that is not are data.
int xsub_socket::xsend(msg& m) {
    const auto* data = static_cast<const unsigned char*>(m.data());
    const size_t size = m.size();
    const bool first = !more_out_;
    more_out_ = m.has(msg::more);
    if (first)
        later_parts_may_subscribe_ = !only_first_subscribe_;
    const bool may_subscribe = first || later_parts_may_subscribe_;
    if (may_subscribe && size > 0 && data[0] == 1) {
        later_parts_may_subscribe_ = true;
        ++subscriptions_.at({reinterpret_cast<const char*>(data) + 1, size - 1});
    } else if (may_subscribe && size > 0 && data[0] == 0) {
        later_parts_may_subscribe_ = true;
        // An unsubscription travels only when the last of its kind goes. One
        // that ends a longer message travels anyway: without it the message
        // would never end.
        if (!forget({reinterpret_cast<const char*>(data) + 1, size - 1}) && (first || more_out_)) {
            m.close();
            return 0;
        }
    }
    out_.send(m);
    return 0;
}

bool xsub_socket::forget(std::string_view topic) {
    int* count = subscriptions_.find(topic);
    if (!count || --*count > 0)
        return false;
    subscriptions_.erase(topic);
    return true;
}

int xsub_socket::xsetsockopt(int option, const void* value, size_t size) {
    if (option == ZMQ_ONLY_FIRST_SUBSCRIBE)
        return option_value::get_bool_non_negative(value, size, only_first_subscribe_);
    return socket_base::xsetsockopt(option, value, size);
}

bool xsub_socket::matches(const msg& m) {
    // Only SUB filters; an XSUB passes on whatever its publishers send.
    if (options_.type != ZMQ_SUB)
        return true;
    bool found = false;
    subscriptions_.for_each_prefix_of({static_cast<const char*>(m.data()), m.size()},
                                      [&found](int) { found = true; });
    return found != options_.invert_matching;
}

bool xsub_socket::prefetch() {
    while (in_.recv(prefetched_) == 0) {
        if (matches(prefetched_)) {
            has_prefetched_ = true;
            return true;
        }
        // Not for us: drop the whole message.
        while (prefetched_.has(msg::more) && in_.recv(prefetched_) == 0) {
        }
        prefetched_.close();
    }
    return false;
}

int xsub_socket::xrecv(msg& m) {
    if (more_in_) {
        if (in_.recv(m) < 0)
            return -1;
        more_in_ = m.has(msg::more);
        return 0;
    }
    if (!has_prefetched_ && !prefetch())
        return fail(EAGAIN);
    prefetched_.move_to(m);
    has_prefetched_ = false;
    more_in_ = m.has(msg::more);
    return 0;
}

bool xsub_socket::xhas_in() { return more_in_ || has_prefetched_ || prefetch(); }

socket_base* make_xsub(context& ctx) { return new xsub_socket(ctx, ZMQ_XSUB); }

} // namespace zmx
