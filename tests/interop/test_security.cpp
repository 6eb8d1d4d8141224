// PLAIN and ZAP across processes with Debian's libzmq 4.3.4, over tcp and
// ipc: a zmx PLAIN client to a libzmq PLAIN server whose ZAP handler is
// pyzmq's ThreadAuthenticator, and a libzmq PLAIN client to a zmx PLAIN
// server with a zmx ZAP handler. The right password gets messages through
// both ways; a wrong one is refused with HANDSHAKE_FAILED_AUTH 400 on both
// sides' monitors, and nothing gets through. PUSH/PULL and PUB/SUB streams
// go over PLAIN too.
#include "authenticated_hello.hpp"
#include "interop_fixture.hpp"
#include "monitor_events.hpp"
#include "zap_handler.hpp"

#include <string>
#include <vector>

namespace {

using interop::transport;

class PlainInterop : public ::testing::TestWithParam<transport> {
protected:
    static void SetUpTestSuite() { interop::expect_zmx_library(); }

    static void set_credentials(void* s, const std::string& user, const std::string& password) {
        zt::set_bytes(s, ZMQ_PLAIN_USERNAME, user);
        zt::set_bytes(s, ZMQ_PLAIN_PASSWORD, password);
    }

    zt::context ctx;
};

INSTANTIATE_TEST_SUITE_P(Transports, PlainInterop, ::testing::Values(transport::tcp, transport::ipc),
                         [](const auto& info) { return std::string(interop::transport_name(info.param)); });

// The libzmq side's handler accepts admin/secret only.
const std::vector<std::string> libzmq_plain_server{"plain_server=1", "zap=admin:secret"};

TEST_P(PlainInterop, AZmxClientWithTheRightPasswordTalksToALibzmqServer) {
    interop::endpoint_place place(GetParam());
    zt::socket s(ctx, ZMQ_REQ);
    tt::event_monitor events(ctx, s);
    set_credentials(s, "admin", "secret");
    auto peer = interop::meet(s, place, false, "echo", "REP", libzmq_plain_server);
    ASSERT_TRUE(peer);
    zt::send_str(s, "hello");
    EXPECT_EQ(zt::recv_str(s), "hello");
    zt::send_str(s, "STOP");
    EXPECT_EQ(zt::recv_str(s), "STOP");
    EXPECT_TRUE(events.wait_for(ZMQ_EVENT_HANDSHAKE_SUCCEEDED));
    EXPECT_EQ(peer->wait(), 0);
}

TEST_P(PlainInterop, AZmxClientWithAWrongPasswordIsRefusedByALibzmqServer) {
    interop::endpoint_place place(GetParam());
    zt::socket s(ctx, ZMQ_REQ);
    tt::event_monitor events(ctx, s);
    set_credentials(s, "admin", "wrong");
    std::vector<std::string> options = libzmq_plain_server;
    options.push_back("watch=1");
    auto peer = interop::meet(s, place, false, "handshake-result", "REP", options);
    ASSERT_TRUE(peer);
    const auto refused = events.wait_for(ZMQ_EVENT_HANDSHAKE_FAILED_AUTH);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->value, 400u);
    EXPECT_EQ(peer->line(), "HANDSHAKE FAILED_AUTH 400");
    EXPECT_EQ(peer->wait(), 0);
}

TEST_P(PlainInterop, ALibzmqClientWithTheRightPasswordTalksToAZmxServer) {
    tt::zap_handler zap(ctx, tt::accept_plain("admin", "secret", "admin-id"));
    interop::endpoint_place place(GetParam());
    zt::socket s(ctx, ZMQ_ROUTER);
    zt::set_int(s, ZMQ_PLAIN_SERVER, 1);
    auto peer = interop::meet(s, place, true, "dealer-hello", "DEALER", {"plain=admin:secret"});
    ASSERT_TRUE(peer);
    interop::expect_hello_with_user_id(s, *peer, "admin-id");
    ASSERT_EQ(zap.requests().size(), 1u);
    EXPECT_EQ(zap.requests()[0][6], "admin");
}

TEST_P(PlainInterop, ALibzmqClientWithAWrongPasswordIsRefusedByAZmxServer) {
    tt::zap_handler zap(ctx, tt::accept_plain("admin", "secret"));
    interop::endpoint_place place(GetParam());
    zt::socket s(ctx, ZMQ_ROUTER);
    tt::event_monitor events(ctx, s);
    zt::set_int(s, ZMQ_PLAIN_SERVER, 1);
    auto peer = interop::meet(s, place, true, "handshake-result", "DEALER", {"plain=admin:wrong", "watch=1"});
    ASSERT_TRUE(peer);
    EXPECT_EQ(peer->line(), "HANDSHAKE FAILED_AUTH 400");
    const auto refusing = events.wait_for(ZMQ_EVENT_HANDSHAKE_FAILED_AUTH);
    ASSERT_TRUE(refusing);
    EXPECT_EQ(refusing->value, 400u);
    EXPECT_FALSE(zt::wait_readable(s, 0)) << "nothing gets through a refused handshake";
    EXPECT_EQ(peer->wait(), 0);
}

// The other patterns over PLAIN, a thousand messages each: a zmx PUSH
// client to a libzmq PULL server, and a libzmq SUB client to a zmx PUB
// server (which repeats b"probe" until the subscription is in, as
// test_streams.cpp does).
constexpr int pattern_stream_length = 1000;

void send_counted_stream(void* s) {
    for (int i = 0; i < pattern_stream_length; ++i)
        zt::send_str(s, std::to_string(i));
    zt::send_str(s, "end");
}

TEST_P(PlainInterop, AZmxPushClientStreamsToALibzmqPullServer) {
    interop::endpoint_place place(GetParam());
    zt::socket s(ctx, ZMQ_PUSH);
    set_credentials(s, "admin", "secret");
    std::vector<std::string> options = libzmq_plain_server;
    options.push_back("count=" + std::to_string(pattern_stream_length));
    auto peer = interop::meet(s, place, false, "stream-recv", "PULL", options);
    ASSERT_TRUE(peer);
    send_counted_stream(s);
    EXPECT_EQ(peer->line(), "STREAM " + std::to_string(pattern_stream_length) + " OK");
    EXPECT_EQ(peer->wait(), 0);
}

TEST_P(PlainInterop, AZmxPubServerStreamsToALibzmqSubClient) {
    tt::zap_handler zap(ctx, tt::accept_plain("admin", "secret"));
    interop::endpoint_place place(GetParam());
    zt::socket s(ctx, ZMQ_PUB);
    zt::set_int(s, ZMQ_PLAIN_SERVER, 1);
    zt::set_int(s, ZMQ_SNDHWM, 0);  // a PUB drops what does not fit: no limit
    auto peer = interop::meet(s, place, true, "stream-recv", "SUB",
                              {"plain=admin:secret", "hwm=0", "count=" + std::to_string(pattern_stream_length)});
    ASSERT_TRUE(peer);
    while (!peer->has_line(10))
        zt::send_str(s, "probe");
    ASSERT_EQ(peer->line(), "SUBSCRIBED");
    send_counted_stream(s);
    EXPECT_EQ(peer->line(), "STREAM " + std::to_string(pattern_stream_length) + " OK");
    EXPECT_EQ(peer->wait(), 0);
}

} // namespace
