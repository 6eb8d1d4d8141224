// Helpers of the observability tests (struct zmx_socket_stats, struct zmx_peer_stats,
// the DROPPING monitor events): endpoints per transport, and waiting for a
// socket's figures to reach a state.
#pragma once

#include "zmq_test.hpp"

#include <zmq.h>
#include <zmx.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <string>

namespace st {

inline struct zmx_socket_stats stats_of(void* s) {
    struct zmx_socket_stats st{};
    EXPECT_EQ(zmx_socket_stats(s, &st, sizeof st), 0) << zmq_strerror(zmq_errno());
    return st;
}

// Binds s on the transport ("inproc", "ipc", "tcp", "ws") to an endpoint of its
// own; returns what a peer connects to.
inline std::string bind_any(void* s, const std::string& transport) {
    static std::atomic<int> counter{0};
    std::string endpoint = transport == "inproc" ? "inproc://stats-" + std::to_string(counter++)
                           : transport == "ipc"  ? std::string("ipc://*")
                           : transport == "ws"   ? std::string("ws://127.0.0.1:*/stats")
                                                 : std::string("tcp://127.0.0.1:*");
    zt::bind(s, endpoint.c_str());
    return zt::last_endpoint(s);
}

// Waits until the socket's figures satisfy `done`: the socket is looked at
// again each time something happens on it or 10 ms pass (it has no event
// for each figure), with the safety timeout as the limit.
inline bool wait_stats(void* s, const std::function<bool(const struct zmx_socket_stats&)>& done) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(zt::safety_timeout_ms);
    while (!done(stats_of(s))) {
        if (std::chrono::steady_clock::now() > until)
            return false;
        zmq_pollitem_t item{s, 0, ZMQ_POLLIN, 0};
        zmq_poll(&item, 1, 10);
    }
    return true;
}

}  // namespace st
