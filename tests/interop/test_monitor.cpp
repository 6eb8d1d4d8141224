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
#include "monitor_events.hpp"

#include <cstdint>
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

class Monitor : public ::testing::TestWithParam<monitor_case> {
protected:
    static void SetUpTestSuite() { interop::expect_zmx_library(); }
    zt::context ctx;
};

TEST_P(Monitor, PeerComesAndGoes) {
    const auto& c = GetParam();
    interop::endpoint_place place(c.via);
    zt::socket s(ctx, ZMQ_REQ);
    tt::event_monitor events(ctx, s);

    std::string met_at;
    auto peer = interop::meet(s, place, c.zmx_binds, "echo", "REP", {}, &met_at);
    if (!peer)
        return;
    // One request and its reply, and the peer is gone.
    zt::send_str(s, "STOP");
    EXPECT_EQ(zt::recv_str(s), "STOP");
    EXPECT_EQ(peer->wait(), 0);

    std::vector<tt::event> seen = events.until(ZMQ_EVENT_DISCONNECTED);
    std::vector<std::string> expected{"LISTENING", "ACCEPTED", "HANDSHAKE_SUCCEEDED", "DISCONNECTED"};
    if (!c.zmx_binds) {
        expected = {"CONNECTED", "HANDSHAKE_SUCCEEDED", "DISCONNECTED"};
        if (!seen.empty() && seen.front().type == ZMQ_EVENT_CONNECT_DELAYED) {
            EXPECT_EQ(seen.front().value, static_cast<uint32_t>(EINPROGRESS));
            EXPECT_EQ(seen.front().endpoint, met_at);
            seen.erase(seen.begin());
        }
    }
    ASSERT_EQ(tt::names(seen), expected) << tt::describe(seen);

    for (const auto& e : seen)
        EXPECT_EQ(e.endpoint, met_at) << tt::event_name(e.type);
    // The connection's descriptor comes with its start and its end.
    const tt::event& opened = seen[seen.size() - 3];
    const tt::event& handshake = seen[seen.size() - 2];
    const tt::event& closed = seen.back();
    EXPECT_EQ(closed.value, opened.value);
    EXPECT_EQ(handshake.value, 0u);
}

INSTANTIATE_TEST_SUITE_P(interop, Monitor,
                         ::testing::Values(monitor_case{transport::tcp, true}, monitor_case{transport::tcp, false},
                                           monitor_case{transport::ipc, true}, monitor_case{transport::ipc, false},
                                           monitor_case{transport::ws, true}, monitor_case{transport::ws, false}),
                         case_name);

}  // namespace
