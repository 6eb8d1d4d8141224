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
socket_base* make_client(context& ctx);
socket_base* make_server(context& ctx);
socket_base* make_scatter(context& ctx);
socket_base* make_gather(context& ctx);
socket_base* make_peer(context& ctx);
socket_base* make_channel(context& ctx);
socket_base* make_radio(context& ctx);
socket_base* make_dish(context& ctx);
socket_base* make_dgram(context& ctx);

// ZMQ_PROBE_ROUTER: an empty message to a new peer, so a ROUTER learns of us.
void send_probe(pipe& p);

// CLIENT, SERVER, SCATTER, GATHER, PEER, CHANNEL, RADIO, DISH: any
// number of threads may use one at once; messages are single-part.
bool is_thread_safe_type(int type);

// Thread-safe types that only receive (DISH, GATHER): zmq_send fails with
// ENOTSUP whatever its flags.
bool cannot_send(int type);

} // namespace zmx
