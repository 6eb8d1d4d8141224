// What each socket type asks of its connections, filled into socket_link so
// that the transports never look at a socket type themselves.
//
// Threading: a pure function.
#pragma once

#include "transport/socket_link.hpp"

namespace zmx {

struct connection_traits {
    engine_kind engine = engine_kind::zmtp;
    bool announces_routing_id = false;  // REQ, DEALER, ROUTER: READY carries Identity
    bool honours_conflate = false;      // libzmq honours ZMQ_CONFLATE on these only
    bool subscribes_zmtp1_peers = false;  // PUB, XPUB
    group_role groups = group_role::none;  // RADIO, DISH
    bool sends_hello = false;       // ZMQ_HELLO_MSG applies
    bool hears_disconnect = false;  // ZMQ_DISCONNECT_MSG applies
};

connection_traits connection_traits_of(int type);

} // namespace zmx
