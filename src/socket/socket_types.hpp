// The socket types' constructors, and small helpers several types share.
#pragma once

#include "socket/socket_base.hpp"

#include <zmq.h>

namespace zmx {

socket_base* make_pair(context& ctx);
socket_base* make_pub(context& ctx);
socket_base* make_sub(context& ctx);
socket_base* make_xpub(context& ctx);
socket_base* make_xsub(context& ctx);
socket_base* make_req(context& ctx);
socket_base* make_rep(context& ctx);
socket_base* make_dealer(context& ctx);
socket_base* make_router(context& ctx);
socket_base* make_push(context& ctx);
socket_base* make_pull(context& ctx);

// ZMQ_PROBE_ROUTER: an empty message to a new peer, so a ROUTER learns of us.
void send_probe(pipe& p);

} // namespace zmx
