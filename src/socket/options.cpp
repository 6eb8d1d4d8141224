#include "socket/options.hpp"

#include "base/error.hpp"
#include "socket/listener_option_values.hpp"
#include "socket/security_option_values.hpp"
#include "socket/transport_option_values.hpp"

#include <zmq.h>

#include <cstring>

namespace zmx {

namespace option_value {

namespace {

// Where libzmq takes a buffer larger than the value, it zero-fills the rest:
// a program reading an int option into an int64_t gets the int's value.
int put_bytes_zero_filled(void* value, size_t* size, const void* bytes, size_t length) {
    if (*size < length)
        return fail(EINVAL);
    std::memcpy(value, bytes, length);
    std::memset(static_cast<char*>(value) + length, 0, *size - length);
    *size = length;
    return 0;
}

}  // namespace

int get_int(const void* value, size_t size, int& out) {
    if (size != sizeof(int) || !value)
        return fail(EINVAL);
    std::memcpy(&out, value, sizeof(int));
    return 0;
}

int get_bool(const void* value, size_t size, bool& out) {
    int v;
    if (get_int(value, size, v) < 0 || (v != 0 && v != 1))
        return fail(EINVAL);
    out = v == 1;
    return 0;
}

int get_bool_non_negative(const void* value, size_t size, bool& out) {
    int v;
    if (get_int(value, size, v) < 0 || v < 0)
        return fail(EINVAL);
    out = v != 0;
    return 0;
}

int get_bool_any(const void* value, size_t size, bool& out) {
    int v;
    if (get_int(value, size, v) < 0)
        return -1;
    out = v != 0;
    return 0;
}

int put_int(void* value, size_t* size, int in) {
    if (*size != sizeof(int))
        return fail(EINVAL);
    return put_int_into_larger(value, size, in);
}

int put_int_into_larger(void* value, size_t* size, int in) {
    return put_bytes_zero_filled(value, size, &in, sizeof in);
}

int put_int64(void* value, size_t* size, int64_t in) {
    if (*size != sizeof(int64_t))
        return fail(EINVAL);
    std::memcpy(value, &in, sizeof(int64_t));
    *size = sizeof(int64_t);
    return 0;
}

int put_uint64(void* value, size_t* size, uint64_t in) { return put_int64(value, size, static_cast<int64_t>(in)); }

int put_bytes(void* value, size_t* size, const std::string& bytes) {
    return put_bytes_zero_filled(value, size, bytes.data(), bytes.size());
}

int put_string(void* value, size_t* size, const std::string& text) {
    return put_bytes_zero_filled(value, size, text.c_str(), text.size() + 1);
}

}  // namespace option_value

using namespace option_value;

namespace {

int set_non_negative(const void* value, size_t size, int& out) {
    int v;
    if (get_int(value, size, v) < 0 || v < 0)
        return fail(EINVAL);
    out = v;
    return 0;
}

int set_positive(const void* value, size_t size, int& out) {
    int v;
    if (get_int(value, size, v) < 0 || v <= 0)
        return fail(EINVAL);
    out = v;
    return 0;
}

int set_timeout(const void* value, size_t size, int& out) {
    int v;
    if (get_int(value, size, v) < 0 || v < -1)
        return fail(EINVAL);
    out = v;
    return 0;
}

int set_routing_id(const void* value, size_t size, std::string& out) {
    if (size == 0 || size > 255 || !value)
        return fail(EINVAL);
    out.assign(static_cast<const char*>(value), size);
    return 0;
}

// Any bytes, none included (which clears the option).
int set_bytes(const void* value, size_t size, std::string& out) {
    if (size > 0 && !value)
        return fail(EINVAL);
    out.assign(static_cast<const char*>(value), size);
    return 0;
}

// "X-name:value", as libzmq takes it: the name starts with "X-", neither
// part is empty.
int add_metadata(const void* value, size_t size, std::map<std::string, std::string>& out) {
    if (!value || size == 0)
        return fail(EINVAL);
    const std::string text(static_cast<const char*>(value), size);
    const size_t colon = text.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size() || !text.starts_with("X-") ||
        colon > 255)
        return fail(EINVAL);
    out[text.substr(0, colon)] = text.substr(colon + 1);
    return 0;
}

}  // namespace

int options::set(int option, const void* value, size_t size, bool& known) {
    known = true;
    switch (option) {
    case ZMQ_SNDHWM:
        return set_non_negative(value, size, sndhwm);
    case ZMQ_RCVHWM:
        return set_non_negative(value, size, rcvhwm);
    case ZMQ_LINGER:
        return set_timeout(value, size, linger);
    case ZMQ_SNDTIMEO:
        return set_timeout(value, size, sndtimeo);
    case ZMQ_RCVTIMEO:
        return set_timeout(value, size, rcvtimeo);
    case ZMQ_MAXMSGSIZE:
        if (size != sizeof(int64_t) || !value)
            return fail(EINVAL);
        std::memcpy(&maxmsgsize, value, sizeof maxmsgsize);
        return 0;
    case ZMQ_ROUTING_ID:
        return set_routing_id(value, size, routing_id);
    case ZMQ_RECONNECT_IVL:
        return set_timeout(value, size, reconnect_ivl);
    case ZMQ_RECONNECT_IVL_MAX:
        return set_non_negative(value, size, reconnect_ivl_max);
    case ZMQ_HANDSHAKE_IVL:
        return set_non_negative(value, size, handshake_ivl);
    case ZMQ_RATE:
        return set_positive(value, size, rate);
    case ZMQ_RECOVERY_IVL:
        return set_non_negative(value, size, recovery_ivl);
    case ZMQ_MULTICAST_HOPS:
        return set_positive(value, size, multicast_hops);
    case ZMQ_MULTICAST_MAXTPDU:
        return set_positive(value, size, multicast_maxtpdu);
    case ZMQ_MULTICAST_LOOP:
        return get_bool_any(value, size, multicast_loop);
    case ZMQ_LOOPBACK_FASTPATH:
        return get_bool_any(value, size, loopback_fastpath);
    case ZMQ_AFFINITY:
        if (size != sizeof(uint64_t) || !value)
            return fail(EINVAL);
        std::memcpy(&affinity, value, sizeof affinity);
        return 0;
    case ZMQ_METADATA:
        return add_metadata(value, size, metadata);
    case ZMQ_HELLO_MSG:
        return set_bytes(value, size, hello_msg);
    case ZMQ_DISCONNECT_MSG:
        return set_bytes(value, size, disconnect_msg);
    case ZMQ_IN_BATCH_SIZE:
        return set_positive(value, size, in_batch_size);
    case ZMQ_OUT_BATCH_SIZE:
        return set_positive(value, size, out_batch_size);
    case ZMQ_CONNECT_ROUTING_ID:
        // Only a ROUTER (or STREAM, or REP, a ROUTER underneath in libzmq)
        // names the peers it connects to.
        if ((type != ZMQ_ROUTER && type != ZMQ_STREAM && type != ZMQ_REP) || size == 0 || !value)
            return fail(EINVAL);
        connect_routing_id.assign(static_cast<const char*>(value), size);
        return 0;
    case ZMQ_IMMEDIATE:
        return get_bool(value, size, immediate);
    case ZMQ_CONFLATE:
        return get_bool(value, size, conflate);
    case ZMQ_IPV6:
        return get_bool(value, size, ipv6);
    case ZMQ_IPV4ONLY: {  // IPV6's old name, inverted
        bool ipv4_only;
        if (get_bool(value, size, ipv4_only) < 0)
            return -1;
        ipv6 = !ipv4_only;
        return 0;
    }
    case ZMQ_INVERT_MATCHING:
        return get_bool_any(value, size, invert_matching);
    default:
        if (const int rc = set_security_option(security, option, value, size, known); known)
            return rc;
        if (const int rc = set_listener_option(transport, ipv6, option, value, size, known); known)
            return rc;
        return set_transport_option(transport, option, value, size, known);
    }
}

int options::get(int option, void* value, size_t* size, bool& known) const {
    known = true;
    switch (option) {
    case ZMQ_TYPE:
        return put_int(value, size, type);
    case ZMQ_SNDHWM:
        return put_int(value, size, sndhwm);
    case ZMQ_RCVHWM:
        return put_int(value, size, rcvhwm);
    case ZMQ_LINGER:
        return put_int(value, size, linger);
    case ZMQ_SNDTIMEO:
        return put_int(value, size, sndtimeo);
    case ZMQ_RCVTIMEO:
        return put_int(value, size, rcvtimeo);
    case ZMQ_MAXMSGSIZE:
        return put_int64(value, size, maxmsgsize);
    case ZMQ_ROUTING_ID:
        return put_bytes(value, size, routing_id);
    case ZMQ_RECONNECT_IVL:
        return put_int(value, size, reconnect_ivl);
    case ZMQ_RECONNECT_IVL_MAX:
        return put_int(value, size, reconnect_ivl_max);
    case ZMQ_HANDSHAKE_IVL:
        return put_int(value, size, handshake_ivl);
    case ZMQ_RATE:
        return put_int(value, size, rate);
    case ZMQ_RECOVERY_IVL:
        return put_int(value, size, recovery_ivl);
    case ZMQ_MULTICAST_HOPS:
        return put_int(value, size, multicast_hops);
    case ZMQ_MULTICAST_MAXTPDU:
        return put_int(value, size, multicast_maxtpdu);
    case ZMQ_MULTICAST_LOOP:
        return put_int(value, size, multicast_loop);
    case ZMQ_LOOPBACK_FASTPATH:
        return put_int(value, size, loopback_fastpath);
    case ZMQ_AFFINITY:
        return put_uint64(value, size, affinity);
    case ZMQ_IN_BATCH_SIZE:
        return put_int(value, size, in_batch_size);
    case ZMQ_OUT_BATCH_SIZE:
        return put_int(value, size, out_batch_size);
    case ZMQ_ROUTER_NOTIFY:
        return put_int(value, size, router_notify);
    case ZMQ_LAST_ENDPOINT:
        return put_string(value, size, last_endpoint);
    case ZMQ_IMMEDIATE:
        return put_int(value, size, immediate);
    case ZMQ_CONFLATE:
        return put_int(value, size, conflate);
    case ZMQ_IPV6:
        return put_int(value, size, ipv6);
    case ZMQ_IPV4ONLY:
        return put_int(value, size, !ipv6);
    case ZMQ_THREAD_SAFE:
        return put_int_into_larger(value, size, thread_safe);
    case ZMQ_INVERT_MATCHING:
        return put_int(value, size, invert_matching);
    default:
        if (const int rc = get_security_option(security, option, value, size, known); known)
            return rc;
        if (const int rc = get_listener_option(transport, option, value, size, known); known)
            return rc;
        return get_transport_option(transport, option, value, size, known);
    }
}

} // namespace zmx
