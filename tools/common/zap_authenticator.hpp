// The tools' own ZAP handler (RFC 27): a REP bound at
// inproc://zeromq.zap.01 of the tool's context, which every PLAIN or CURVE
// server socket of that context asks about each client. Each server
// socket has a ZAP domain of its own, and each domain the passwords or
// client keys of its security settings. The owner polls socket() and calls
// answer_one() when it is readable.
//
// Threading: one thread at a time (a socket's rule).
#pragma once

#include "socket_security.hpp"
#include "zmq_handles.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace zmx_tools {

class zap_authenticator {
public:
    // Binds the handler: sockets that start a handshake later find it.
    explicit zap_authenticator(const context& ctx);

    // The clients of the server socket whose ZAP domain is `domain`.
    void add_domain(const std::string& domain, const security_settings& server);

    void* socket() const { return rep_.get(); }

    struct verdict {
        std::string domain;
        std::string client;  // the PLAIN user name or the CURVE key (Z85)
        bool accepted = false;
    };
    // Answers the request waiting, if one is: what was decided.
    std::optional<verdict> answer_one();

private:
    verdict judge(const std::vector<std::string>& request) const;

    zmx_tools::socket rep_;
    std::map<std::string, security_settings> domains_;
};

}  // namespace zmx_tools
