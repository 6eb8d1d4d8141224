#include "socket/dealer.hpp"

#include "socket/socket_types.hpp"

namespace zmx {

void dealer_socket::xattach_pipe(pipe* p, bool locally_initiated) {
    if (probe_router_)
        send_probe(*p);
    in_.attach(p);
    out_.attach(p, locally_initiated);
}

void dealer_socket::xpipe_terminated(pipe* p) {
    in_.terminated(p);
    out_.terminated(p);
}

int dealer_socket::xsetsockopt(int option, const void* value, size_t size) {
    if (option == ZMQ_PROBE_ROUTER && options_.type != ZMQ_CLIENT)
        return option_value::get_bool_non_negative(value, size, probe_router_);
    if (load_balancer::sets(option))
        return out_.setsockopt(option, value, size);
    return socket_base::xsetsockopt(option, value, size);
}

int dealer_socket::xgetsockopt(int option, void* value, size_t* size) {
    if (load_balancer::gets(option))
        return out_.getsockopt(option, value, size);
    return socket_base::xgetsockopt(option, value, size);
}

socket_base* make_dealer(context& ctx) { return new dealer_socket(ctx, ZMQ_DEALER); }

// CLIENT is a DEALER made thread-safe and single-part (socket_base does
// both for its type), with no ZMQ_PROBE_ROUTER.
socket_base* make_client(context& ctx) { return new dealer_socket(ctx, ZMQ_CLIENT); }

} // namespace zmx
