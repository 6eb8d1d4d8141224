// The socket under attack: a ROUTER bound to tcp (or ws) on loopback with a monitor,
// and one well-behaved DEALER connected to it, which the ROUTER must keep
// serving whatever other peers do. With `curve`, the ROUTER is a CURVE
// server (no ZAP handler: any client with its key is let in) and the DEALER
// a CURVE client.
#pragma once

#include "curve_keys.hpp"
#include "monitor_events.hpp"
#include "zmq_test.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace ht {

struct router_settings {
    int handshake_ivl_ms = 300;  // short, so that a stalled attacker is closed quickly
    int64_t maxmsgsize = -1;
    int rcvhwm = -1;  // -1: the default
    const char* bind_address = "tcp://127.0.0.1:*";
    bool curve = false;
};

class attacked_router {
public:
    explicit attacked_router(router_settings settings = {})
        : router_(ctx_, ZMQ_ROUTER), events_(ctx_, router_), good_peer_(ctx_, ZMQ_DEALER) {
        zt::set_int(router_, ZMQ_HANDSHAKE_IVL, settings.handshake_ivl_ms);
        EXPECT_EQ(zmq_setsockopt(router_, ZMQ_MAXMSGSIZE, &settings.maxmsgsize, sizeof settings.maxmsgsize), 0);
        if (settings.rcvhwm >= 0)
            zt::set_int(router_, ZMQ_RCVHWM, settings.rcvhwm);
        if (settings.curve)
            secure_with_curve();
        zt::bind(router_, settings.bind_address);
        char endpoint[256] = {};
        size_t size = sizeof endpoint;
        EXPECT_EQ(zmq_getsockopt(router_, ZMQ_LAST_ENDPOINT, endpoint, &size), 0);
        endpoint_ = endpoint;
        zt::connect(good_peer_, endpoint_.c_str());
        EXPECT_TRUE(serves_good_peer("hello"));
    }

    const std::string& endpoint() const { return endpoint_; }
    void* router() const { return router_; }
    void* context() const { return ctx_; }
    tt::event_monitor& events() { return events_; }
    // The ROUTER's long-term public key (32 bytes), when a CURVE server.
    const std::string& server_key() const { return server_keys_.public_key; }

    // The good peer sends a request and gets it echoed back: true when both
    // arrive intact.
    bool serves_good_peer(std::string_view text) {
        zt::send_str(good_peer_, text);
        const auto request = zt::recv_multipart(router_);
        if (request.size() != 2 || request[1] != text)
            return false;
        zt::send_multipart(router_, request);
        return zt::recv_str(good_peer_) == text;
    }

    // Lets the library finish with the connections it has reported closed:
    // a session is freed by a task its I/O thread runs after the
    // DISCONNECTED event, and the router lets go of its pipe in its next
    // call. An unbind waits for the I/O thread to run a task posted after
    // those; the last call then takes the router's commands.
    void settle() {
        zt::bind(router_, "tcp://127.0.0.1:*");
        char spare[256] = {};
        size_t size = sizeof spare;
        EXPECT_EQ(zmq_getsockopt(router_, ZMQ_LAST_ENDPOINT, spare, &size), 0);
        EXPECT_EQ(zmq_unbind(router_, spare), 0);
        tt::process_commands(router_);
    }

    // Waits for the monitor to report a connection closed.
    bool saw_disconnect() {
        return events_.wait_for(ZMQ_EVENT_DISCONNECTED, zt::safety_timeout_ms,
                                [this] { tt::process_commands(router_); })
            .has_value();
    }

private:
    void secure_with_curve() {
        zt::set_int(router_, ZMQ_CURVE_SERVER, 1);
        zt::set_bytes(router_, ZMQ_CURVE_SECRETKEY, server_keys_.secret_key);
        zt::set_bytes(good_peer_, ZMQ_CURVE_SERVERKEY, server_keys_.public_key);
        zt::set_bytes(good_peer_, ZMQ_CURVE_PUBLICKEY, good_peer_keys_.public_key);
        zt::set_bytes(good_peer_, ZMQ_CURVE_SECRETKEY, good_peer_keys_.secret_key);
    }

    tt::curve_keys server_keys_, good_peer_keys_;
    zt::context ctx_;
    zt::socket router_;
    tt::event_monitor events_;
    zt::socket good_peer_;
    std::string endpoint_;
};

} // namespace ht
