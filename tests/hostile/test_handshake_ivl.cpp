// ZMQ_HANDSHAKE_IVL: a connection whose ZMTP handshake has not finished
// within the interval is closed, as libzmq 4.3.4 closes it (the monitor
// reports HANDSHAKE_FAILED_NO_DETAIL, then DISCONNECTED); a connecting
// socket then reconnects. A finished handshake is no longer timed, and 0
// means no limit. Checked against libzmq 4.3.4 (check_against_libzmq.sh).
#include "monitor_events.hpp"
#include "raw_peer.hpp"
#include "raw_server.hpp"
#include "zmtp_bytes.hpp"

#include <chrono>
#include <string>

namespace {

using tt::raw_peer;

constexpr int short_ivl_ms = 200;
// How long a negative check waits: several intervals, so that a timer that
// was meant to stay off would have fired by then.
constexpr int several_intervals_ms = 3 * short_ivl_ms;

std::string bound_endpoint(void* s) {
    char endpoint[256] = {};
    size_t size = sizeof endpoint;
    EXPECT_EQ(zmq_getsockopt(s, ZMQ_LAST_ENDPOINT, endpoint, &size), 0);
    return endpoint;
}

// A PULL bound to tcp with the given interval and a monitor on it.
struct bound_pull {
    explicit bound_pull(int handshake_ivl_ms) {
        zt::set_int(pull, ZMQ_HANDSHAKE_IVL, handshake_ivl_ms);
        zt::bind(pull, "tcp://127.0.0.1:*");
        endpoint = bound_endpoint(pull);
    }
    zt::context ctx;
    zt::socket pull{ctx, ZMQ_PULL};
    tt::event_monitor events{ctx, pull};
    std::string endpoint;
};

long long ms_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
}

TEST(HandshakeIvl, DefaultsTo30sAndTakesZeroOrMoreMilliseconds) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_DEALER);
    EXPECT_EQ(zt::get_int(s, ZMQ_HANDSHAKE_IVL), 30000);
    zt::set_int(s, ZMQ_HANDSHAKE_IVL, 0);
    EXPECT_EQ(zt::get_int(s, ZMQ_HANDSHAKE_IVL), 0);
    zt::set_int(s, ZMQ_HANDSHAKE_IVL, 250);
    EXPECT_EQ(zt::get_int(s, ZMQ_HANDSHAKE_IVL), 250);
    const int negative = -1;
    ZT_EXPECT_ERRNO(zmq_setsockopt(s, ZMQ_HANDSHAKE_IVL, &negative, sizeof negative), EINVAL);
    const int64_t wrong_size = 100;
    ZT_EXPECT_ERRNO(zmq_setsockopt(s, ZMQ_HANDSHAKE_IVL, &wrong_size, sizeof wrong_size), EINVAL);
    EXPECT_EQ(zt::get_int(s, ZMQ_HANDSHAKE_IVL), 250);
}

// What the monitor reports once the interval is over.
void expect_closed_for_slowness(bound_pull& server, tt::raw_peer& client,
                                std::chrono::steady_clock::time_point connected) {
    const auto events = server.events.until(ZMQ_EVENT_DISCONNECTED);
    EXPECT_GE(ms_since(connected), short_ivl_ms / 2) << "closed long before the interval was over";
    ASSERT_GE(events.size(), 2u) << tt::describe(events);
    EXPECT_STREQ(tt::event_name(events[events.size() - 2].type), "HANDSHAKE_FAILED_NO_DETAIL");
    EXPECT_STREQ(tt::event_name(events.back().type), "DISCONNECTED");
    EXPECT_TRUE(client.closed_by_peer());
}

TEST(HandshakeIvl, APeerThatSendsNothingIsClosedAfterTheInterval) {
    bound_pull server(short_ivl_ms);
    raw_peer client(server.endpoint);
    expect_closed_for_slowness(server, client, std::chrono::steady_clock::now());
}

TEST(HandshakeIvl, APeerThatStopsInsideItsGreetingIsClosedAfterTheInterval) {
    bound_pull server(short_ivl_ms);
    raw_peer client(server.endpoint);
    const auto connected = std::chrono::steady_clock::now();
    client.send(raw_peer::greeting("NULL").substr(0, 30));
    expect_closed_for_slowness(server, client, connected);
}

TEST(HandshakeIvl, APeerThatNeverSendsReadyIsClosedAfterTheInterval) {
    bound_pull server(short_ivl_ms);
    raw_peer client(server.endpoint);
    const auto connected = std::chrono::steady_clock::now();
    client.send(raw_peer::greeting("NULL"));
    // The socket's greeting and READY come; ours never does.
    const std::string theirs = client.receive(64 + 2);
    ASSERT_EQ(theirs.size(), 66u);
    EXPECT_EQ(theirs[64], ht::command_flag);
    expect_closed_for_slowness(server, client, connected);
}

TEST(HandshakeIvl, AFinishedHandshakeIsNotTimed) {
    bound_pull server(short_ivl_ms);
    raw_peer client(server.endpoint);
    ASSERT_TRUE(ht::complete_handshake(client, "PUSH"));
    ASSERT_TRUE(server.events.wait_for(ZMQ_EVENT_HANDSHAKE_SUCCEEDED));
    const auto later = server.events.during(several_intervals_ms);
    EXPECT_TRUE(later.empty()) << tt::describe(later);
    client.send(raw_peer::message("still here"));
    EXPECT_EQ(zt::recv_str(server.pull), "still here");
}

TEST(HandshakeIvl, ZeroMeansNoLimit) {
    bound_pull server(0);
    raw_peer client(server.endpoint);
    ASSERT_TRUE(server.events.wait_for(ZMQ_EVENT_ACCEPTED));
    const auto later = server.events.during(several_intervals_ms);
    EXPECT_TRUE(later.empty()) << tt::describe(later);
    ASSERT_TRUE(ht::complete_handshake(client, "PUSH"));
    client.send(raw_peer::message("late but welcome"));
    EXPECT_EQ(zt::recv_str(server.pull), "late but welcome");
}

TEST(HandshakeIvl, AConnecterGivesUpOnASilentServerAndReconnects) {
    tt::raw_server server;  // listens and never accepts: nobody answers the greeting
    zt::context ctx;
    zt::socket push(ctx, ZMQ_PUSH);
    zt::set_int(push, ZMQ_HANDSHAKE_IVL, short_ivl_ms);
    zt::set_int(push, ZMQ_RECONNECT_IVL, 20);
    tt::event_monitor events(ctx, push);
    zt::connect(push, server.endpoint().c_str());
    ASSERT_TRUE(events.wait_for(ZMQ_EVENT_CONNECTED));
    const auto connected = std::chrono::steady_clock::now();
    const auto failed = events.until(ZMQ_EVENT_DISCONNECTED);
    EXPECT_GE(ms_since(connected), short_ivl_ms / 2);
    ASSERT_GE(failed.size(), 2u) << tt::describe(failed);
    EXPECT_STREQ(tt::event_name(failed[failed.size() - 2].type), "HANDSHAKE_FAILED_NO_DETAIL");
    EXPECT_TRUE(events.wait_for(ZMQ_EVENT_CONNECTED)) << "no reconnect after the handshake timed out";
}

}  // namespace
