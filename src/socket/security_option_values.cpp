#include "socket/security_option_values.hpp"

#include "base/error.hpp"
#include "base/z85.hpp"
#include "socket/options.hpp"
#include "zmtp/security_options.hpp"

#include <zmq.h>

#include <cstring>
#include <string>

namespace zmx {

using namespace option_value;
using zmtp::mechanism_kind;

namespace {

constexpr size_t key_size = 32;
constexpr size_t z85_key_size = 40;

// PLAIN_SERVER and CURVE_SERVER: 1 makes a server of that mechanism, 0 a
// NULL socket again.
int set_server(zmtp::security_options& o, mechanism_kind kind, const void* value, size_t size) {
    bool on = false;
    if (get_bool(value, size, on) < 0)
        return -1;
    o.as_server = on;
    o.mechanism = on ? kind : mechanism_kind::null;
    return 0;
}

// A PLAIN user name or password (1-255 bytes) makes a PLAIN client; a
// null value of size 0 makes the socket NULL again.
int set_plain_credential(zmtp::security_options& o, std::string& field, const void* value, size_t size) {
    if (!value && size == 0) {
        o.mechanism = mechanism_kind::null;
        return 0;
    }
    if (!value || size == 0 || size > 255)
        return fail(EINVAL);
    field.assign(static_cast<const char*>(value), size);
    o.as_server = false;
    o.mechanism = mechanism_kind::plain;
    return 0;
}

// 32 bytes, or 40 Z85 characters (41 ending in a NUL).
int set_curve_key(zmtp::security_options& o, std::string& field, const void* value, size_t size) {
    if (!value)
        return fail(EINVAL);
    uint8_t key[key_size];
    if (size == key_size) {
        std::memcpy(key, value, key_size);
    } else if (size == z85_key_size || size == z85_key_size + 1) {
        const std::string text(static_cast<const char*>(value), z85_key_size);
        const bool terminated = size == z85_key_size || static_cast<const char*>(value)[z85_key_size] == '\0';
        if (!terminated || text.find('\0') != std::string::npos || !z85::decode(key, text.c_str()))
            return fail(EINVAL);
    } else {
        return fail(EINVAL);
    }
    field.assign(reinterpret_cast<const char*>(key), key_size);
    o.mechanism = mechanism_kind::curve;
    return 0;
}

// The form asked for by the buffer's size: 32 bytes, or Z85 with its NUL.
int get_curve_key(const std::string& field, void* value, size_t* size) {
    const std::string key = field.empty() ? std::string(key_size, '\0') : field;
    if (*size == key_size) {
        std::memcpy(value, key.data(), key_size);
        return 0;
    }
    if (*size == z85_key_size + 1) {
        char text[z85_key_size + 1];
        z85::encode(text, reinterpret_cast<const uint8_t*>(key.data()), key_size);
        return put_string(value, size, text);
    }
    return fail(EINVAL);
}

int mechanism_number(mechanism_kind kind) {
    switch (kind) {
    case mechanism_kind::plain: return ZMQ_PLAIN;
    case mechanism_kind::curve: return ZMQ_CURVE;
    case mechanism_kind::null: break;
    }
    return ZMQ_NULL;
}

}  // namespace

int set_security_option(zmtp::security_options& o, int option, const void* value, size_t size, bool& known) {
    known = true;
    switch (option) {
    case ZMQ_PLAIN_SERVER: return set_server(o, mechanism_kind::plain, value, size);
    case ZMQ_PLAIN_USERNAME: return set_plain_credential(o, o.plain_username, value, size);
    case ZMQ_PLAIN_PASSWORD: return set_plain_credential(o, o.plain_password, value, size);
    case ZMQ_ZAP_DOMAIN:  // 1-255 bytes: libzmq takes no empty domain, not even a null one
        if (!value || size == 0 || size > 255)
            return fail(EINVAL);
        o.zap_domain.assign(static_cast<const char*>(value), size);
        return 0;
    case ZMQ_ZAP_ENFORCE_DOMAIN: return get_bool_any(value, size, o.zap_enforce_domain);  // any int, as libzmq
    case ZMQ_CURVE_SERVER: return set_server(o, mechanism_kind::curve, value, size);
    case ZMQ_CURVE_PUBLICKEY: return set_curve_key(o, o.curve_public_key, value, size);
    case ZMQ_CURVE_SECRETKEY: return set_curve_key(o, o.curve_secret_key, value, size);
    case ZMQ_CURVE_SERVERKEY:
        if (set_curve_key(o, o.curve_server_key, value, size) < 0)
            return -1;
        o.as_server = false;
        return 0;
    default:
        known = false;
        return fail(EINVAL);
    }
}

int get_security_option(const zmtp::security_options& o, int option, void* value, size_t* size, bool& known) {
    known = true;
    switch (option) {
    case ZMQ_MECHANISM: return put_int(value, size, mechanism_number(o.mechanism));
    case ZMQ_PLAIN_SERVER: return put_int(value, size, o.as_server && o.mechanism == mechanism_kind::plain);
    case ZMQ_PLAIN_USERNAME: return put_string(value, size, o.plain_username);
    case ZMQ_PLAIN_PASSWORD: return put_string(value, size, o.plain_password);
    case ZMQ_ZAP_DOMAIN: return put_string(value, size, o.zap_domain);
    case ZMQ_ZAP_ENFORCE_DOMAIN: return put_int(value, size, o.zap_enforce_domain);
    case ZMQ_CURVE_SERVER: return put_int(value, size, o.as_server && o.mechanism == mechanism_kind::curve);
    case ZMQ_CURVE_PUBLICKEY: return get_curve_key(o.curve_public_key, value, size);
    case ZMQ_CURVE_SECRETKEY: return get_curve_key(o.curve_secret_key, value, size);
    case ZMQ_CURVE_SERVERKEY: return get_curve_key(o.curve_server_key, value, size);
    default:
        known = false;
        return fail(EINVAL);
    }
}

} // namespace zmx
