// Monitor events zmx reports for a libzmq peer that comes, talks and
// leaves, over tcp and ipc, each side binding in turn. libzmq 4.3.4 in
// zmx's place reports, on the same runs:
//   binding:    LISTENING, ACCEPTED fd, HANDSHAKE_SUCCEEDED 0, DISCONNECTED fd
//   connecting: [CONNECT_DELAYED EINPROGRESS,] CONNECTED fd,
//               HANDSHAKE_SUCCEEDED 0, DISCONNECTED fd
// every event carrying the endpoint bound or connected to (a tcp port
// resolved). CONNECT_DELAYED comes when the kernel does not finish a tcp
// connect at once, so it is allowed, not required. What follows
// DISCONNECTED on the connecting side (reconnect attempts) is not checked.
#include "interop_fixture.hpp"

#include <cstdint>
#include <cstring>
#include <ostream>
#include <string>
#include <vector>

namespace {

using interop::transport;

struct monitor_case {
    transport via;
    bool zmx_binds;
};

void PrintTo(const monitor_case& c, std::ostream* out) {
    *out << (c.zmx_binds ? "zmx binds" : "zmx connects");
}

std::string case_name(const ::testing::TestParamInfo<monitor_case>& info) {
    return std::string(interop::transport_name(info.param.via)) +
           (info.param.zmx_binds ? "_ZmxBinds" : "_LibzmqBinds");
}

struct event {
    int id = 0;  // ZMQ_EVENT_*, 0 when none came
    uint32_t value = 0;
    std::string endpoint;
};

// The next event from a monitor's PAIR: a 6-byte frame (16-bit event,
// 32-bit value, host order) then the endpoint.
event next_event(void* monitor) {
    event e;
    const auto frames = zt::recv_multipart(monitor);
    if (frames.size() != 2 || frames[0].size() != 6) {
        ADD_FAILURE() << "no monitor event: " << frames[0];
        return e;
    }
    uint16_t id = 0;
    std::memcpy(&id, frames[0].data(), 2);
    std::memcpy(&e.value, frames[0].data() + 2, 4);
    e.id = id;
    e.endpoint = frames[1];
    return e;
}

const char* event_name(int id) {
    switch (id) {
    case ZMQ_EVENT_CONNECTED: return "CONNECTED";
    case ZMQ_EVENT_CONNECT_DELAYED: return "CONNECT_DELAYED";
    case ZMQ_EVENT_CONNECT_RETRIED: return "CONNECT_RETRIED";
    case ZMQ_EVENT_LISTENING: return "LISTENING";
    case ZMQ_EVENT_BIND_FAILED: return "BIND_FAILED";
    case ZMQ_EVENT_ACCEPTED: return "ACCEPTED";
    case ZMQ_EVENT_ACCEPT_FAILED: return "ACCEPT_FAILED";
    case ZMQ_EVENT_CLOSED: return "CLOSED";
    case ZMQ_EVENT_CLOSE_FAILED: return "CLOSE_FAILED";
    case ZMQ_EVENT_DISCONNECTED: return "DISCONNECTED";
    case ZMQ_EVENT_MONITOR_STOPPED: return "MONITOR_STOPPED";
    case ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL: return "HANDSHAKE_FAILED_NO_DETAIL";
    case ZMQ_EVENT_HANDSHAKE_SUCCEEDED: return "HANDSHAKE_SUCCEEDED";
    case ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL: return "HANDSHAKE_FAILED_PROTOCOL";
    case ZMQ_EVENT_HANDSHAKE_FAILED_AUTH: return "HANDSHAKE_FAILED_AUTH";
    case 0: return "(none)";
    }
    return "(unknown)";
}

class Monitor : public ::testing::TestWithParam<monitor_case> {
protected:
    static void SetUpTestSuite() { interop::expect_zmx_library(); }
    zt::context ctx;
};

TEST_P(Monitor, PeerComesAndGoes) {
    const auto& c = GetParam();
    interop::endpoint_place place(c.via);
    zt::socket s(ctx, ZMQ_REQ);
    ASSERT_EQ(zmq_socket_monitor(s, "inproc://interop-monitor", ZMQ_EVENT_ALL), 0) << zmq_strerror(zmq_errno());
    zt::socket monitor(ctx, ZMQ_PAIR);
    zt::connect(monitor, "inproc://interop-monitor");

    std::string met_at;
    auto peer = interop::meet(s, place, c.zmx_binds, "echo", "REP", {}, &met_at);
    if (!peer)
        return;
    // One request and its reply, and the peer is gone.
    zt::send_str(s, "STOP");
    EXPECT_EQ(zt::recv_str(s), "STOP");
    EXPECT_EQ(peer->wait(), 0);

    std::vector<event> seen;
    do {
        seen.push_back(next_event(monitor));
    } while (seen.back().id != 0 && seen.back().id != ZMQ_EVENT_DISCONNECTED);

    std::vector<int> expected{ZMQ_EVENT_LISTENING, ZMQ_EVENT_ACCEPTED, ZMQ_EVENT_HANDSHAKE_SUCCEEDED,
                              ZMQ_EVENT_DISCONNECTED};
    if (!c.zmx_binds) {
        expected = {ZMQ_EVENT_CONNECTED, ZMQ_EVENT_HANDSHAKE_SUCCEEDED, ZMQ_EVENT_DISCONNECTED};
        if (!seen.empty() && seen.front().id == ZMQ_EVENT_CONNECT_DELAYED) {
            EXPECT_EQ(seen.front().value, static_cast<uint32_t>(EINPROGRESS));
            EXPECT_EQ(seen.front().endpoint, met_at);
            seen.erase(seen.begin());
        }
    }
    std::vector<std::string> names, expected_names;
    for (const auto& e : seen)
        names.push_back(event_name(e.id));
    for (int id : expected)
        expected_names.push_back(event_name(id));
    ASSERT_EQ(names, expected_names);

    for (const auto& e : seen)
        EXPECT_EQ(e.endpoint, met_at) << event_name(e.id);
    // The connection's descriptor comes with its start and its end.
    const event& opened = seen[seen.size() - 3];
    const event& handshake = seen[seen.size() - 2];
    const event& closed = seen.back();
    EXPECT_EQ(closed.value, opened.value);
    EXPECT_EQ(handshake.value, 0u);
}

INSTANTIATE_TEST_SUITE_P(interop, Monitor,
                         ::testing::Values(monitor_case{transport::tcp, true}, monitor_case{transport::tcp, false},
                                           monitor_case{transport::ipc, true}, monitor_case{transport::ipc, false}),
                         case_name);

}  // namespace
