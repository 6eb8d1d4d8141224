// ZMQ_STREAM: raw bytes to and from peers that speak no ZMTP (over tcp or
// ipc; over inproc it talks to the peer socket's pipe as is, as libzmq's
// does). Each connection is one pipe with a routing id the socket makes up
// (or ZMQ_CONNECT_ROUTING_ID for a connect); the peer never names itself.
//
// Receiving gives [routing id][bytes], fair-queued among the connections;
// with ZMQ_STREAM_NOTIFY (the default) a connection made, and one lost,
// each give [routing id][empty]. Sending takes [routing id][bytes]: the
// routing id frame needs ZMQ_SNDMORE (without it the frame is dropped and
// the next one is taken as data, which libzmq drops too); the data frame's
// ZMQ_SNDMORE is ignored; empty data closes the connection once what was
// sent before it is written. An unknown routing id fails with
// EHOSTUNREACH, a full pipe with EAGAIN.
//
// Two details follow libzmq: a routing id the socket generates becomes its
// ZMQ_ROUTING_ID (so a connecting application learns its peer's id with
// zmq_getsockopt), and ZMQ_STREAM_NOTIFY is refused on every other type.
// One differs slightly: libzmq fixes STREAM_NOTIFY for a connection when
// its bind or connect is made; zmx fixes it when the connection's pipe
// joins the socket (at zmq_connect for a connect, as libzmq; at the accept
// for a bind).
#pragma once

#include "socket/socket_base.hpp"

namespace zmx {

socket_base* make_stream(context& ctx);

} // namespace zmx
