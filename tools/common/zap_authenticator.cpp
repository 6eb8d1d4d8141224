#include "zap_authenticator.hpp"

#include "multipart.hpp"

namespace zmx_tools {

namespace {

// A request's frames (RFC 27), after REP took off the envelope.
enum frame : size_t { version, request_id, domain, address, identity, mechanism_name, credentials };

std::string z85_of(const std::string& binary_key) {
    char text[41];
    return zmq_z85_encode(text, reinterpret_cast<const uint8_t*>(binary_key.data()), binary_key.size()) ? text : "";
}

bool known_password(const security_settings& server, const std::string& user, const std::string& password) {
    const auto found = server.passwords.find(user);
    return found != server.passwords.end() && found->second == password;
}

bool allowed_key(const security_settings& server, const std::string& key) {
    return !server.allowed_keys || server.allowed_keys->count(key) > 0;
}

}  // namespace

zap_authenticator::zap_authenticator(const context& ctx) : rep_(ctx, ZMQ_REP) {
    rep_.set_int(ZMQ_LINGER, 0);
    rep_.bind("inproc://zeromq.zap.01");
}

void zap_authenticator::add_domain(const std::string& domain, const security_settings& server) {
    domains_[domain] = server;
}

zap_authenticator::verdict zap_authenticator::judge(const std::vector<std::string>& request) const {
    verdict v{request[domain], "", false};
    const auto found = domains_.find(v.domain);
    if (found == domains_.end())
        return v;
    const security_settings& server = found->second;
    if (request[mechanism_name] == "PLAIN" && server.mechanism == mechanism::plain &&
        request.size() == credentials + 2) {
        v.client = request[credentials];
        v.accepted = known_password(server, v.client, request[credentials + 1]);
    } else if (request[mechanism_name] == "CURVE" && server.mechanism == mechanism::curve &&
               request.size() == credentials + 1) {
        v.client = z85_of(request[credentials]);
        v.accepted = allowed_key(server, v.client);
    }
    return v;
}

std::optional<zap_authenticator::verdict> zap_authenticator::answer_one() {
    frames request;
    if (!receive_frames(rep_.get(), request, ZMQ_DONTWAIT))
        return std::nullopt;
    if (request.size() <= mechanism_name) {
        // Not a ZAP request: REP still owes an answer before the next one.
        send_frames(rep_.get(), {"1.0", "", "500", "malformed request", "", ""});
        return verdict{};
    }
    const verdict v = judge(request);
    // The user id every message of the client then carries ("User-Id").
    send_frames(rep_.get(), {"1.0", request[request_id], v.accepted ? "200" : "400",
                             v.accepted ? "OK" : "not allowed", v.accepted ? v.client : "", ""});
    return v;
}

}  // namespace zmx_tools
