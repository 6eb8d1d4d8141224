#include "socket/transport_option_values.hpp"

#include "base/error.hpp"
#include "socket/options.hpp"

#include <zmq.h>

#include <cstdint>
#include <string>

namespace zmx {

using namespace option_value;

namespace {

constexpr int max_ttl_deciseconds = UINT16_MAX;  // the PING command's 16-bit field
constexpr size_t max_socks_credential = 255;

int set_at_least(const void* value, size_t size, int minimum, int& out) {
    int v;
    if (get_int(value, size, v) < 0 || v < minimum)
        return fail(EINVAL);
    out = v;
    return 0;
}

// Milliseconds, kept in the deciseconds a PING carries (rounded towards
// zero, as libzmq does: -99..99 ms mean no limit).
int set_ttl(const void* value, size_t size, int& deciseconds) {
    int ms;
    if (get_int(value, size, ms) < 0 || ms / 100 < 0 || ms / 100 > max_ttl_deciseconds)
        return fail(EINVAL);
    deciseconds = ms / 100;
    return 0;
}

int set_keepalive(const void* value, size_t size, int& out) {
    int v;
    if (get_int(value, size, v) < 0 || v < -1 || v > 1)
        return fail(EINVAL);
    out = v;
    return 0;
}

// The proxy's address: any bytes, at least one; (NULL, 0) clears it.
int set_socks_proxy(const void* value, size_t size, std::string& out) {
    if (!value && size == 0) {
        out.clear();
        return 0;
    }
    if (!value || size == 0)
        return fail(EINVAL);
    out.assign(static_cast<const char*>(value), size);
    return 0;
}

// A username or password: up to 255 bytes (RFC 1929's field); NULL or
// none clears it.
int set_socks_credential(const void* value, size_t size, std::string& out) {
    if (!value || size == 0) {
        out.clear();
        return 0;
    }
    if (size > max_socks_credential)
        return fail(EINVAL);
    out.assign(static_cast<const char*>(value), size);
    return 0;
}

// The ZMQ_WSS_* texts: any bytes, as libzmq takes them (a PEM that does
// not load fails the bind or connect that needs it).
int set_text(const void* value, size_t size, std::string& out) {
    if (!value && size > 0)
        return fail(EINVAL);
    out = size > 0 ? std::string(static_cast<const char*>(value), size) : std::string();  // NULL, 0: empty
    return 0;
}

}  // namespace

int set_transport_option(transport_options& options, int option, const void* value, size_t size, bool& known) {
    known = true;
    tcp_tuning& tcp = options.tcp;
    heartbeat_options& heartbeat = options.heartbeat;
    switch (option) {
    case ZMQ_HEARTBEAT_IVL: return set_at_least(value, size, 0, heartbeat.interval);
    case ZMQ_HEARTBEAT_TIMEOUT: return set_at_least(value, size, 0, heartbeat.timeout);
    case ZMQ_HEARTBEAT_TTL: return set_ttl(value, size, heartbeat.ttl);
    case ZMQ_TCP_KEEPALIVE: return set_keepalive(value, size, tcp.keepalive);
    case ZMQ_TCP_KEEPALIVE_CNT: return set_at_least(value, size, -1, tcp.keepalive_cnt);
    case ZMQ_TCP_KEEPALIVE_IDLE: return set_at_least(value, size, -1, tcp.keepalive_idle);
    case ZMQ_TCP_KEEPALIVE_INTVL: return set_at_least(value, size, -1, tcp.keepalive_intvl);
    case ZMQ_SNDBUF: return set_at_least(value, size, -1, tcp.sndbuf);
    case ZMQ_RCVBUF: return set_at_least(value, size, -1, tcp.rcvbuf);
    case ZMQ_TOS: return set_at_least(value, size, 0, tcp.tos);
    case ZMQ_TCP_MAXRT: return set_at_least(value, size, 0, tcp.maxrt);
    case ZMQ_PRIORITY: return set_at_least(value, size, 0, tcp.priority);
    case ZMQ_BACKLOG: return set_at_least(value, size, 0, options.backlog);
    case ZMQ_CONNECT_TIMEOUT: return set_at_least(value, size, 0, options.connect_timeout);
    case ZMQ_RECONNECT_STOP: return get_int(value, size, options.reconnect_stop);
    case ZMQ_SOCKS_PROXY: return set_socks_proxy(value, size, options.socks.address);
    case ZMQ_SOCKS_USERNAME: return set_socks_credential(value, size, options.socks.username);
    case ZMQ_SOCKS_PASSWORD: return set_socks_credential(value, size, options.socks.password);
    case ZMQ_WSS_KEY_PEM: return set_text(value, size, options.tls.key_pem);
    case ZMQ_WSS_CERT_PEM: return set_text(value, size, options.tls.cert_pem);
    case ZMQ_WSS_TRUST_PEM: return set_text(value, size, options.tls.trust_pem);
    case ZMQ_WSS_HOSTNAME: return set_text(value, size, options.tls.hostname);
    case ZMQ_WSS_TRUST_SYSTEM: return get_bool(value, size, options.tls.trust_system);
    default:
        known = false;
        return fail(EINVAL);
    }
}

// The ZMQ_WSS_* options are write-only, as in libzmq: EINVAL here.
int get_transport_option(const transport_options& options, int option, void* value, size_t* size, bool& known) {
    known = true;
    const tcp_tuning& tcp = options.tcp;
    const heartbeat_options& heartbeat = options.heartbeat;
    switch (option) {
    case ZMQ_HEARTBEAT_IVL: return put_int(value, size, heartbeat.interval);
    case ZMQ_HEARTBEAT_TIMEOUT: return put_int(value, size, heartbeat.timeout);
    case ZMQ_HEARTBEAT_TTL: return put_int(value, size, heartbeat.ttl * 100);
    case ZMQ_TCP_KEEPALIVE: return put_int(value, size, tcp.keepalive);
    case ZMQ_TCP_KEEPALIVE_CNT: return put_int(value, size, tcp.keepalive_cnt);
    case ZMQ_TCP_KEEPALIVE_IDLE: return put_int(value, size, tcp.keepalive_idle);
    case ZMQ_TCP_KEEPALIVE_INTVL: return put_int(value, size, tcp.keepalive_intvl);
    case ZMQ_SNDBUF: return put_int(value, size, tcp.sndbuf);
    case ZMQ_RCVBUF: return put_int(value, size, tcp.rcvbuf);
    case ZMQ_TOS: return put_int(value, size, tcp.tos);
    case ZMQ_TCP_MAXRT: return put_int(value, size, tcp.maxrt);
    case ZMQ_PRIORITY: return put_int(value, size, tcp.priority);
    case ZMQ_BACKLOG: return put_int(value, size, options.backlog);
    case ZMQ_CONNECT_TIMEOUT: return put_int(value, size, options.connect_timeout);
    case ZMQ_RECONNECT_STOP: return put_int(value, size, options.reconnect_stop);
    case ZMQ_SOCKS_PROXY: return put_string(value, size, options.socks.address);
    case ZMQ_SOCKS_USERNAME: return put_string(value, size, options.socks.username);
    case ZMQ_SOCKS_PASSWORD: return put_string(value, size, options.socks.password);
    default:
        known = false;
        return fail(EINVAL);
    }
}

} // namespace zmx
