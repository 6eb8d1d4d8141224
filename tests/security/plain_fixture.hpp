// A PLAIN server (REP) and client (REQ) over tcp or ipc, each watched by a
// monitor from before it binds or connects, for the security tests.
#pragma once

#include "endpoints.hpp"
#include "monitor_events.hpp"
#include "zap_handler.hpp"

#include <string>

namespace tt {

class PlainPair : public ::testing::TestWithParam<transport> {
protected:
    // A PLAIN server bound to the transport's wildcard.
    void bind_server() {
        zt::set_int(server, ZMQ_PLAIN_SERVER, 1);
        endpoint = bind_any(server, GetParam());
    }

    void connect_client(const std::string& user, const std::string& password) {
        zt::set_bytes(client, ZMQ_PLAIN_USERNAME, user);
        zt::set_bytes(client, ZMQ_PLAIN_PASSWORD, password);
        zt::connect(client, endpoint.c_str());
    }

    zt::context ctx;
    zt::socket server{ctx, ZMQ_REP};
    zt::socket client{ctx, ZMQ_REQ};
    event_monitor server_events{ctx, server};
    event_monitor client_events{ctx, client};
    std::string endpoint;
};

} // namespace tt
