#include "cat_socket.hpp"

#include "multipart.hpp"
#include "zap_thread.hpp"

#include <utility>

namespace zmx_cat {

namespace {

// What --subscribe asks for; everything when a receiver gave no prefix.
std::vector<std::string> subscriptions_of(const cat_options& options) {
    if (options.subscriptions.empty() && options.role == role::receive)
        return {""};
    return options.subscriptions;
}

void subscribe(zmx_tools::socket& s, const cat_options& options) {
    for (const auto& prefix : subscriptions_of(options)) {
        if (options.socket_type == ZMQ_SUB) {
            s.set_bytes(ZMQ_SUBSCRIBE, prefix);
        } else if (options.socket_type == ZMQ_XSUB) {
            // An XSUB subscribes by message; it replays them to every
            // publisher that connects later.
            if (!zmx_tools::send_frames(s.get(), {"\x01" + prefix}))
                throw zmx_tools::zmq_failure("subscribe");
        }
    }
}

// Only what was given: a library without wss (Debian's libzmq) then
// still runs every other endpoint.
void set_wss_tls(zmx_tools::socket& s, const wss_tls& tls) {
    const std::pair<int, const std::string&> texts[] = {{ZMQ_WSS_CERT_PEM, tls.cert_pem},
                                                        {ZMQ_WSS_KEY_PEM, tls.key_pem},
                                                        {ZMQ_WSS_TRUST_PEM, tls.trust_pem},
                                                        {ZMQ_WSS_HOSTNAME, tls.hostname}};
    for (const auto& [option, text] : texts)
        if (!text.empty())
            s.set_bytes(option, text);
    if (tls.trust_system)
        s.set_int(ZMQ_WSS_TRUST_SYSTEM, 1);
}

}  // namespace

zmx_tools::socket open_cat_socket(const zmx_tools::context& ctx, const cat_options& options) {
    zmx_tools::socket s(ctx, options.socket_type);
    // Queued messages may hold up the exit for --linger at most, and a
    // message is only queued for a peer that is connected: a send with no
    // peer waits (up to --timeout) instead of vanishing after a "done".
    s.set_int(ZMQ_LINGER, options.linger_ms);
    s.set_int(ZMQ_IMMEDIATE, 1);
    if (options.socket_type == ZMQ_ROUTER)
        s.set_int(ZMQ_ROUTER_MANDATORY, 1);  // an unknown routing id is an error, not a silent drop
    if (options.timeout_ms >= 0) {
        s.set_int(ZMQ_SNDTIMEO, options.timeout_ms);
        s.set_int(ZMQ_RCVTIMEO, options.timeout_ms);
    }
    zmx_tools::apply_security(s, options.security, zap_domain);
    subscribe(s, options);
    set_wss_tls(s, options.wss);
    for (const auto& endpoint : options.binds)
        s.bind(endpoint);
    for (const auto& endpoint : options.connects)
        s.connect(endpoint);
    return s;
}

}  // namespace zmx_cat
