// C entry points of zmx's extensions (include/zmx.h): per-peer weights and
// the key hash of the load-balancing policies (zmx_proxy is with the other
// proxies in zmq_proxy.cpp).
#include "api/handles.hpp"
#include "base/error.hpp"
#include "socket/load_balancer.hpp"

#include <zmx.h>

using namespace zmx;
using namespace zmx::api;

namespace {

// The balancer of a DEALER, PUSH or REQ socket, or nullptr with errno.
load_balancer* balancer_of(void* s) {
    socket_base* sock = as_socket(s);
    if (!sock)
        return nullptr;
    load_balancer* balancer = sock->balancer();
    if (!balancer)
        errno = EINVAL;
    return balancer;
}

} // namespace

int zmx_set_peer_weight(void* s, const char* endpoint, int weight) {
    load_balancer* lb = balancer_of(s);
    if (!lb)
        return -1;
    if (!endpoint)
        return fail(EINVAL);
    return lb->set_peer_weight(endpoint, weight);
}

int zmx_set_lb_hash(void* s, zmx_hash_fn* hash, void* hint) {
    load_balancer* lb = balancer_of(s);
    if (!lb)
        return -1;
    lb->set_hash(hash, hint);
    return 0;
}
