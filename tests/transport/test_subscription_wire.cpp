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

// A subscriber of the given type connected to a raw PUB that speaks ZMTP
// 3.minor; subscribe_first is set before the connection exists.
struct subscriber_and_raw_pub {
    subscriber_and_raw_pub(int type, char minor, const char* subscribe_first = nullptr) : socket(ctx, type) {
        if (subscribe_first)
            zt::set_bytes(socket, ZMQ_SUBSCRIBE, subscribe_first);
        zt::connect(socket, server.endpoint().c_str());
        pub = server.accept_handshake("PUB", minor);
    }
    // Whether the PUB receives exactly these bytes next.
    bool pub_receives(const std::string& expected) { return pub && pub->receive(expected.size()) == expected; }

    zt::context ctx;
    tt::raw_server server;
    zt::socket socket;
    std::unique_ptr<raw_peer> pub;
};

TEST(SubscriptionWire, ToZmtp31SubscriptionsAreCommands) {
    subscriber_and_raw_pub s(ZMQ_SUB, 1, "early");  // replayed when the pipe attaches
    EXPECT_TRUE(s.pub_receives(raw_peer::command("SUBSCRIBE", "early")));
    zt::set_bytes(s.socket, ZMQ_SUBSCRIBE, "weather");
    EXPECT_TRUE(s.pub_receives(raw_peer::command("SUBSCRIBE", "weather")));
    zt::set_bytes(s.socket, ZMQ_UNSUBSCRIBE, "weather");
    EXPECT_TRUE(s.pub_receives(raw_peer::command("CANCEL", "weather")));
}

TEST(SubscriptionWire, ToZmtp30SubscriptionsAreMessages) {
    subscriber_and_raw_pub s(ZMQ_SUB, 0);
    zt::set_bytes(s.socket, ZMQ_SUBSCRIBE, "weather");
    EXPECT_TRUE(s.pub_receives(raw_peer::message(std::string("\x01") + "weather")));
    zt::set_bytes(s.socket, ZMQ_UNSUBSCRIBE, "weather");
    EXPECT_TRUE(s.pub_receives(raw_peer::message(std::string("\0", 1) + "weather")));
}

TEST(SubscriptionWire, WhatAnXsubApplicationSendsStaysAMessage) {
    subscriber_and_raw_pub s(ZMQ_XSUB, 1);
    zt::send_str(s.socket, "\x01topic");
    EXPECT_TRUE(s.pub_receives(raw_peer::message("\x01topic")));
}

} // namespace
