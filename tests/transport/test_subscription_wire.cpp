// How a subscriber's subscriptions travel, byte for byte, as a raw tcp
// server playing a PUB sees them. As libzmq 4.3.4: to a ZMTP 3.1 peer the
// subscriptions a SUB or XSUB makes itself are SUBSCRIBE and CANCEL
// commands; to a 3.0 peer they are messages (\x01 or \x00, then the topic);
// and a message an XSUB application sends stays a message. Checked
// against libzmq 4.3.4.
#include "endpoints.hpp"
#include "raw_server.hpp"

#include <string>

namespace {

using tt::raw_peer;

// Plays a PUB up to the end of the handshake with the given minor version
// in its greeting (3.0 or 3.1).
std::unique_ptr<raw_peer> accept_as_pub(tt::raw_server& server, char minor) {
    auto peer = server.accept();
    if (!peer)
        return nullptr;
    std::string greeting = raw_peer::greeting("NULL");
    greeting[11] = minor;
    peer->send(greeting + raw_peer::ready("PUB"));
    EXPECT_EQ(peer->receive(64).size(), 64u);  // its greeting
    const std::string header = peer->receive(2);
    EXPECT_EQ(header.size(), 2u);
    if (header.size() == 2)
        peer->receive(static_cast<uint8_t>(header[1]));  // its READY
    return peer;
}

// As many bytes as expected has, for comparing with it.
std::string receive_as_many_as(raw_peer& peer, const std::string& expected) { return peer.receive(expected.size()); }

TEST(SubscriptionWire, ToZmtp31SubscriptionsAreCommands) {
    zt::context ctx;
    tt::raw_server server;
    zt::socket sub(ctx, ZMQ_SUB);
    zt::set_bytes(sub, ZMQ_SUBSCRIBE, "early");  // replayed when the pipe attaches
    zt::connect(sub, server.endpoint().c_str());
    auto peer = accept_as_pub(server, 1);
    ASSERT_TRUE(peer);
    const std::string early = raw_peer::command("SUBSCRIBE", "early");
    EXPECT_EQ(receive_as_many_as(*peer, early), early);

    zt::set_bytes(sub, ZMQ_SUBSCRIBE, "weather");
    const std::string weather = raw_peer::command("SUBSCRIBE", "weather");
    EXPECT_EQ(receive_as_many_as(*peer, weather), weather);
    zt::set_bytes(sub, ZMQ_UNSUBSCRIBE, "weather");
    const std::string cancel = raw_peer::command("CANCEL", "weather");
    EXPECT_EQ(receive_as_many_as(*peer, cancel), cancel);
}

TEST(SubscriptionWire, ToZmtp30SubscriptionsAreMessages) {
    zt::context ctx;
    tt::raw_server server;
    zt::socket sub(ctx, ZMQ_SUB);
    zt::connect(sub, server.endpoint().c_str());
    auto peer = accept_as_pub(server, 0);
    ASSERT_TRUE(peer);
    zt::set_bytes(sub, ZMQ_SUBSCRIBE, "weather");
    const std::string weather = raw_peer::message(std::string("\x01") + "weather");
    EXPECT_EQ(receive_as_many_as(*peer, weather), weather);
    zt::set_bytes(sub, ZMQ_UNSUBSCRIBE, "weather");
    const std::string cancel = raw_peer::message(std::string("\0", 1) + "weather");
    EXPECT_EQ(receive_as_many_as(*peer, cancel), cancel);
}

TEST(SubscriptionWire, WhatAnXsubApplicationSendsStaysAMessage) {
    zt::context ctx;
    tt::raw_server server;
    zt::socket xsub(ctx, ZMQ_XSUB);
    zt::connect(xsub, server.endpoint().c_str());
    auto peer = accept_as_pub(server, 1);
    ASSERT_TRUE(peer);
    zt::send_str(xsub, "\x01topic");
    const std::string sent = raw_peer::message("\x01topic");
    EXPECT_EQ(receive_as_many_as(*peer, sent), sent);
}

} // namespace
