// The zmq_setsockopt(3) options that shape each connection rather than the
// socket's routing: how its descriptor is tuned, how its liveness is
// checked, how long a connect may take and when reconnecting stops. The
// socket keeps one set; its listeners and sessions take a copy (socket_link).
#pragma once

#include "transport/accept_filter.hpp"

#include <string>

namespace zmx {

// ZMQ_HEARTBEAT_IVL/_TIMEOUT/_TTL (ZMTP 3.1 PING and PONG).
struct heartbeat_options {
    int interval = 0;  // ms between our PINGs; 0: none
    int timeout = -1;  // ms without traffic after a PING; -1: the interval
    int ttl = 0;       // deciseconds the peer may wait for our traffic; 0: no limit

    int effective_timeout() const { return timeout < 0 ? interval : timeout; }
};

// Descriptor settings; -1 (and 0 for tos, maxrt and priority) leaves the system's.
struct tcp_tuning {
    int keepalive = -1;  // SO_KEEPALIVE: -1, 0 or 1
    int keepalive_cnt = -1;
    int keepalive_idle = -1;   // seconds
    int keepalive_intvl = -1;  // seconds
    int sndbuf = -1;           // bytes; tcp, ws and wss only, as libzmq
    int rcvbuf = -1;
    int tos = 0;    // IP_TOS / IPV6_TCLASS
    int maxrt = 0;  // TCP_USER_TIMEOUT, ms
    int priority = 0;  // SO_PRIORITY (ZMQ_PRIORITY)
};

// ZMQ_SOCKS_PROXY, ZMQ_SOCKS_USERNAME, ZMQ_SOCKS_PASSWORD: tcp connects go
// through this SOCKS5 proxy ("host:port"); empty: straight to the peer.
struct socks_proxy_options {
    std::string address;
    std::string username;  // empty: no authentication offered
    std::string password;
};

// ZMQ_WSS_* (draft): the TLS of wss:// connections, as PEM text. A server
// presents cert_pem with key_pem; a client trusts trust_pem and, with
// trust_system, the system's authorities, and checks the server's name
// against hostname when one is set (libzmq checks none otherwise).
struct tls_options {
    std::string key_pem;
    std::string cert_pem;
    std::string trust_pem;
    std::string hostname;
    bool trust_system = false;
};

struct transport_options {
    heartbeat_options heartbeat;
    tcp_tuning tcp;
    int backlog = 100;         // listen(2)
    int connect_timeout = 0;   // ms a tcp connect may stay pending; 0: the system's
    int reconnect_stop = 0;    // ZMQ_RECONNECT_STOP_* bits
    accept_filters filters;    // ZMQ_TCP_ACCEPT_FILTER, ZMQ_IPC_FILTER_*: who a listener takes
    int use_fd = -1;           // ZMQ_USE_FD: a listening descriptor the next bind takes as is
    std::string bound_device;  // ZMQ_BINDTODEVICE: SO_BINDTODEVICE for tcp; empty: none
    socks_proxy_options socks;
    tls_options tls;           // wss://
};

} // namespace zmx
