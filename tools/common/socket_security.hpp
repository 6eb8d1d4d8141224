// A tool socket's security (docs/security.md): NULL, or PLAIN or CURVE as
// client or server, as the broker's config and zmx-cat's options give it.
// A server's clients are checked by the tool's own ZAP handler
// (zap_authenticator.hpp) against the passwords or client keys here.
#pragma once

#include "key_file.hpp"
#include "zmq_handles.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>

namespace zmx_tools {

enum class mechanism { null, plain, curve };

struct security_settings {
    zmx_tools::mechanism mechanism = mechanism::null;
    bool server = false;
    // PLAIN client: the credentials it presents.
    std::string username;
    std::string password;
    // PLAIN server: user name to password, checked by ZAP.
    std::map<std::string, std::string> passwords;
    // CURVE, either role: our long-term pair.
    curve_key_pair keys;
    // CURVE client: the server's public key (Z85).
    std::string server_key;
    // CURVE server: the client public keys (Z85) let in; none = any client
    // that knows the server's key.
    std::optional<std::set<std::string>> allowed_keys;

    bool is_server() const { return server && mechanism != mechanism::null; }
};

// Sets the mechanism's options on `s`, before it binds or connects; a
// server's ZAP requests name `zap_domain`. Throws zmq_failure.
void apply_security(socket& s, const security_settings& settings, const std::string& zap_domain);

}  // namespace zmx_tools
