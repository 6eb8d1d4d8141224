#include "socket_security.hpp"

namespace zmx_tools {

namespace {

void apply_plain(socket& s, const security_settings& settings) {
    if (settings.server) {
        s.set_int(ZMQ_PLAIN_SERVER, 1);
        return;
    }
    s.set_bytes(ZMQ_PLAIN_USERNAME, settings.username);
    s.set_bytes(ZMQ_PLAIN_PASSWORD, settings.password);
}

void apply_curve(socket& s, const security_settings& settings) {
    if (settings.server) {
        s.set_int(ZMQ_CURVE_SERVER, 1);
    } else {
        s.set_bytes(ZMQ_CURVE_SERVERKEY, settings.server_key);
        s.set_bytes(ZMQ_CURVE_PUBLICKEY, settings.keys.public_key);
    }
    s.set_bytes(ZMQ_CURVE_SECRETKEY, settings.keys.secret_key);
}

}  // namespace

void apply_security(socket& s, const security_settings& settings, const std::string& zap_domain) {
    switch (settings.mechanism) {
    case mechanism::null: return;
    case mechanism::plain: apply_plain(s, settings); break;
    case mechanism::curve: apply_curve(s, settings); break;
    }
    if (settings.server)
        s.set_bytes(ZMQ_ZAP_DOMAIN, zap_domain);
}

}  // namespace zmx_tools
