// Connections between zmx and libzmq 4.3.4 (in another process) that go
// through what real networks do: either side restarts and the other
// reconnects and carries on; heartbeats find a peer frozen by SIGSTOP and
// keep an idle connection up.
#include "interop_fixture.hpp"
#include "monitor_events.hpp"

#include <optional>

namespace {

using interop::meet;
using interop::transport;

class Reconnects : public ::testing::TestWithParam<transport> {
protected:
    void SetUp() override { interop::expect_zmx_library(); }
};

INSTANTIATE_TEST_SUITE_P(Transports, Reconnects, ::testing::Values(transport::tcp, transport::ipc, transport::ws),
                         [](const auto& info) { return interop::transport_name(info.param); });

// A message there and back through an echoing peer.
void expect_echo(void* dealer, const std::string& text) {
    zt::send_str(dealer, text);
    EXPECT_EQ(zt::recv_str(dealer), text);
}

TEST_P(Reconnects, ZmxCarriesOnWhenTheLibzmqSideRestarts) {
    interop::endpoint_place place(GetParam());
    zt::context ctx;
    zt::socket dealer(ctx, ZMQ_DEALER);
    zt::set_int(dealer, ZMQ_RECONNECT_IVL, 10);
    tt::event_monitor events(ctx, dealer);
    std::string endpoint;
    auto first = meet(dealer, place, false, "echo", "ROUTER", {}, &endpoint);
    ASSERT_TRUE(first);
    expect_echo(dealer, "before the restart");

    first.reset();  // the libzmq process ends
    ASSERT_TRUE(events.wait_for(ZMQ_EVENT_DISCONNECTED));
    interop::peer_process second({"echo", "ROUTER", "bind", endpoint});
    ASSERT_EQ(second.line(), "PEER " + endpoint);
    ASSERT_TRUE(events.wait_for(ZMQ_EVENT_HANDSHAKE_SUCCEEDED));
    expect_echo(dealer, "after the restart");
}

// A ROUTER learns of a new peer when it next handles its commands, a
// moment after the handshake: with ROUTER_MANDATORY a send says whether
// the peer is known yet (EHOSTUNREACH until then).
bool send_once_routable(void* router, const std::string& id, const std::string& body) {
    for (int waited = 0; waited < zt::safety_timeout_ms; waited += 10) {
        if (zmq_send(router, id.data(), id.size(), ZMQ_SNDMORE) >= 0)
            return zmq_send(router, body.data(), body.size(), 0) >= 0;
        if (zmq_errno() != EHOSTUNREACH)
            return false;
        zmq_poll(nullptr, 0, 10);
    }
    return false;
}

TEST_P(Reconnects, LibzmqCarriesOnWhenTheZmxSideRestarts) {
    interop::endpoint_place place(GetParam());
    zt::context ctx;
    std::optional<zt::socket> router;
    router.emplace(ctx, ZMQ_ROUTER);
    zt::set_int(*router, ZMQ_ROUTER_MANDATORY, 1);
    std::optional<tt::event_monitor> events;
    events.emplace(ctx, *router);
    std::string endpoint;
    auto peer = meet(*router, place, true, "echo", "DEALER", {"routing_id=peer", "reconnect_ivl=10"}, &endpoint);
    ASSERT_TRUE(peer);
    for (int life = 0; life < 2; ++life) {
        SCOPED_TRACE("zmx socket " + std::to_string(life));
        ASSERT_TRUE(events->wait_for(ZMQ_EVENT_HANDSHAKE_SUCCEEDED));
        ASSERT_TRUE(send_once_routable(*router, "peer", "hello"));
        EXPECT_EQ(zt::recv_multipart(*router), (std::vector<std::string>{"peer", "hello"}));
        if (life == 1)
            break;
        // The zmx socket goes away and a new one binds the same endpoint.
        events.reset();
        tt::event_monitor closing(ctx, *router, ZMQ_EVENT_MONITOR_STOPPED);
        router.reset();
        ASSERT_TRUE(closing.wait_for(ZMQ_EVENT_MONITOR_STOPPED));
        router.emplace(ctx, ZMQ_ROUTER);
        zt::set_int(*router, ZMQ_ROUTER_MANDATORY, 1);
        events.emplace(ctx, *router);
        zt::bind(*router, endpoint.c_str());
    }
}

TEST_P(Reconnects, HeartbeatsFindALibzmqPeerFrozenBySigstop) {
    interop::endpoint_place place(GetParam());
    zt::context ctx;
    zt::socket dealer(ctx, ZMQ_DEALER);
    zt::set_int(dealer, ZMQ_HEARTBEAT_IVL, 50);
    zt::set_int(dealer, ZMQ_HEARTBEAT_TIMEOUT, 200);
    zt::set_int(dealer, ZMQ_RECONNECT_IVL, 10);
    tt::event_monitor events(ctx, dealer);
    auto peer = meet(dealer, place, false, "echo", "ROUTER");
    ASSERT_TRUE(peer);
    expect_echo(dealer, "alive");

    peer->signal(SIGSTOP);  // its connection stays open, but nobody answers
    const auto lost = events.wait_for(ZMQ_EVENT_DISCONNECTED);
    peer->signal(SIGCONT);
    ASSERT_TRUE(lost) << "the frozen peer was not detected";
    ASSERT_TRUE(events.wait_for(ZMQ_EVENT_HANDSHAKE_SUCCEEDED)) << "reconnected once it woke";
    expect_echo(dealer, "awake again");
}

TEST_P(Reconnects, AnIdleHeartbeatedConnectionStaysUp) {
    interop::endpoint_place place(GetParam());
    zt::context ctx;
    zt::socket dealer(ctx, ZMQ_DEALER);
    zt::set_int(dealer, ZMQ_HEARTBEAT_IVL, 20);
    zt::set_int(dealer, ZMQ_HEARTBEAT_TIMEOUT, 300);
    zt::set_int(dealer, ZMQ_HEARTBEAT_TTL, 600);
    tt::event_monitor events(ctx, dealer);
    auto peer = meet(dealer, place, false, "echo", "ROUTER", {"heartbeat=20:300:600"});
    ASSERT_TRUE(peer);
    expect_echo(dealer, "before the idle time");
    // Both sides ping, both answer: many timeouts and TTLs pass quietly.
    const std::vector<tt::event> idle = tt::other_than_connecting(events.during(900));
    EXPECT_TRUE(idle.empty()) << tt::describe(idle);
    expect_echo(dealer, "after the idle time");
}

} // namespace
