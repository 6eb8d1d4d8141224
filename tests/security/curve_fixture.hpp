// A CURVE server and client of the given socket types over tcp or ipc,
// with key pairs of their own, each watched by a monitor from before it binds or connects, for the
// security tests.
#pragma once

#include "curve_keys.hpp"
#include "endpoints.hpp"
#include "monitor_events.hpp"
#include "zap_handler.hpp"

#include <string>

namespace tt {

template <int ServerType, int ClientType>
class CurveSockets : public ::testing::TestWithParam<transport> {
protected:
    // The server takes its secret key in Z85 (40 characters), the client
    // its keys in binary (32 bytes): both forms are exercised by every test.
    void bind_server() {
        zt::set_int(server, ZMQ_CURVE_SERVER, 1);
        zt::set_bytes(server, ZMQ_CURVE_SECRETKEY, server_keys.secret_z85);
        endpoint = bind_any(server, GetParam());
    }

    void connect_client(const std::string& server_public_key) {
        zt::set_bytes(client, ZMQ_CURVE_SERVERKEY, server_public_key);
        zt::set_bytes(client, ZMQ_CURVE_PUBLICKEY, client_keys.public_key);
        zt::set_bytes(client, ZMQ_CURVE_SECRETKEY, client_keys.secret_key);
        zt::connect(client, endpoint.c_str());
    }
    void connect_client() { connect_client(server_keys.public_key); }

    curve_keys server_keys, client_keys;
    zt::context ctx;
    zt::socket server{ctx, ServerType};
    zt::socket client{ctx, ClientType};
    event_monitor server_events{ctx, server};
    event_monitor client_events{ctx, client};
    std::string endpoint;
};

} // namespace tt
