#include "socket/connection_traits.hpp"

#include <zmq.h>

namespace zmx {

connection_traits connection_traits_of(int type) {
    switch (type) {
    case ZMQ_STREAM: return {.engine = engine_kind::raw};
    case ZMQ_REQ: return {.announces_routing_id = true};
    case ZMQ_ROUTER: return {.announces_routing_id = true, .sends_hello = true, .hears_disconnect = true};
    case ZMQ_DEALER: return {.announces_routing_id = true, .honours_conflate = true, .sends_hello = true};
    case ZMQ_CLIENT: return {.sends_hello = true};
    case ZMQ_SERVER: return {.sends_hello = true, .hears_disconnect = true};
    case ZMQ_PEER: return {.sends_hello = true, .hears_disconnect = true};
    case ZMQ_PUB: return {.honours_conflate = true, .subscribes_zmtp1_peers = true};
    case ZMQ_XPUB: return {.subscribes_zmtp1_peers = true};
    case ZMQ_SUB: return {.honours_conflate = true};
    case ZMQ_PUSH: return {.honours_conflate = true};
    case ZMQ_PULL: return {.honours_conflate = true};
    case ZMQ_RADIO: return {.groups = group_role::radio};
    case ZMQ_DISH: return {.groups = group_role::dish};
    default: return {};
    }
}

} // namespace zmx
