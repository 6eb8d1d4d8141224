// Options every socket type shares, with libzmq 4.3's defaults, and the
// typed accessors that check a zmq_setsockopt/zmq_getsockopt argument.
// Options that belong to one socket type live in that type's class.
//
// Threading: owned by the socket's thread; copies are taken as snapshots
// (an inproc bind publishes one for connecting peers).
#pragma once

#include "transport/transport_options.hpp"
#include "zmtp/security_options.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

namespace zmx {

struct options {
    int type = -1;
    int sndhwm = 1000;
    int rcvhwm = 1000;
    int linger = -1;
    int sndtimeo = -1;
    int rcvtimeo = -1;
    int64_t maxmsgsize = -1;
    int reconnect_ivl = 100;      // -1: never reconnect
    int reconnect_ivl_max = 0;    // 0: no back-off
    int handshake_ivl = 30000;    // ms a connection has to finish its handshake; 0: no limit
    // Multicast (pgm) settings: kept and reported, as libzmq does for every
    // socket; zmx has no multicast transport they could apply to.
    int rate = 100;               // kbit/s, > 0
    int recovery_ivl = 10000;     // ms, >= 0
    int multicast_hops = 1;       // > 0
    int multicast_maxtpdu = 1500; // bytes, > 0
    bool multicast_loop = true;   // ZMQ_MULTICAST_LOOP: udp multicast (RADIO)
    // ZMQ_LOOPBACK_FASTPATH: a Windows loopback setting libzmq keeps and
    // reports everywhere; nothing to apply on Linux.
    bool loopback_fastpath = false;
    // ZMQ_AFFINITY: the I/O threads the socket's next binds and connects
    // may take (bit 0: the first; 0: any).
    uint64_t affinity = 0;
    // ZMQ_IN_BATCH_SIZE, ZMQ_OUT_BATCH_SIZE: the sizes libzmq gives its
    // read and write buffers; kept and reported (zmx sizes its own).
    int in_batch_size = 8192;
    int out_batch_size = 8192;
    // ZMQ_ROUTER_NOTIFY bits (ZMQ_NOTIFY_*): set by a ROUTER, read by any.
    int router_notify = 0;
    // ZMQ_HELLO_MSG: sent to each new peer first; ZMQ_DISCONNECT_MSG:
    // received as if from a peer that went. Set on any socket, used by the
    // types connection_traits names; empty: none.
    std::string hello_msg;
    std::string disconnect_msg;
    // ZMQ_METADATA: "X-" properties our handshake announces.
    std::map<std::string, std::string> metadata;
    transport_options transport;  // heartbeats, tcp tuning, backlog, ...
    zmtp::security_options security;  // mechanism, credentials, ZAP domain
    std::string routing_id;
    std::string connect_routing_id;  // consumed by the next connect
    std::string last_endpoint;
    bool immediate = false;
    bool conflate = false;
    bool ipv6 = false;
    bool invert_matching = false;  // PUB, XPUB and SUB honour it
    bool thread_safe = false;
    // Set by ZMQ_ROUTER_RAW (and kept when it is turned off again, as in
    // libzmq): the connections made from now on speak raw bytes, as a
    // STREAM socket's always do.
    bool raw_connections = false;

    // Handles the options common to all types: 0, or -1 with EINVAL when the
    // option is unknown here (the caller then tries the socket type) or the
    // value is invalid. `known` tells the two apart.
    int set(int option, const void* value, size_t size, bool& known);
    int get(int option, void* value, size_t* size, bool& known) const;
};

// Argument decoding shared by the generic and the per-type option handlers.
namespace option_value {
int get_int(const void* value, size_t size, int& out);                  // EINVAL on bad size
// On/off options: libzmq takes 0 or 1 for some, any value >= 0 for others
// (the socket types' own), any int for a few; a value other than 0 is on.
int get_bool(const void* value, size_t size, bool& out);                // int 0 or 1
int get_bool_non_negative(const void* value, size_t size, bool& out);   // int >= 0
int get_bool_any(const void* value, size_t size, bool& out);            // any int
int put_int(void* value, size_t* size, int in);               // exactly sizeof(int)
// At least sizeof(int), and what follows the value zero-filled; so are the
// buffers of put_bytes and put_string.
int put_int_into_larger(void* value, size_t* size, int in);
int put_int64(void* value, size_t* size, int64_t in);
int put_uint64(void* value, size_t* size, uint64_t in);
int put_bytes(void* value, size_t* size, const std::string& bytes);     // binary, no NUL
int put_string(void* value, size_t* size, const std::string& text);     // with its NUL
}  // namespace option_value

} // namespace zmx
