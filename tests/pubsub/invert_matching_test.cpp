// ZMQ_INVERT_MATCHING: a publisher sends each message to the subscribers
// with no matching subscription, and a SUB keeps the messages that match
// none of its subscriptions. Both ends must set it.
#include "zmq_test.hpp"

namespace {

using zt::recv_str;
using zt::send_str;
using zt::set_bytes;

TEST(InvertMatching, DefaultsToOff) {
    zt::context ctx;
    for (int type : {ZMQ_PUB, ZMQ_XPUB, ZMQ_SUB}) {
        zt::socket s(ctx, type);
        EXPECT_EQ(zt::get_int(s, ZMQ_INVERT_MATCHING), 0);
        zt::set_int(s, ZMQ_INVERT_MATCHING, 1);
        EXPECT_EQ(zt::get_int(s, ZMQ_INVERT_MATCHING), 1);
    }
}

TEST(InvertMatching, PublisherAndSubscriberExchangeTheNonMatchingMessages) {
    zt::context ctx;
    zt::socket xpub(ctx, ZMQ_XPUB);
    zt::socket sub(ctx, ZMQ_SUB);
    zt::set_int(xpub, ZMQ_INVERT_MATCHING, 1);
    zt::set_int(sub, ZMQ_INVERT_MATCHING, 1);
    zt::bind(xpub, "inproc://invert");
    zt::connect(sub, "inproc://invert");
    set_bytes(sub, ZMQ_SUBSCRIBE, "noise");
    ASSERT_EQ(recv_str(xpub), "\x01noise");

    send_str(xpub, "noise 1");
    send_str(xpub, "signal 1");
    send_str(xpub, "noise 2");
    send_str(xpub, "");
    EXPECT_EQ(recv_str(sub), "signal 1");
    EXPECT_EQ(recv_str(sub), "");
    EXPECT_TRUE(zt::recv_all_now(sub).empty());
}

// An XSUB does not filter what it receives, so this shows the publisher's
// own inverted filtering.
TEST(InvertMatching, PublisherSkipsSubscribersWithAMatchingTopic) {
    zt::context ctx;
    zt::socket xpub(ctx, ZMQ_XPUB);
    zt::socket xsub(ctx, ZMQ_XSUB);
    zt::set_int(xpub, ZMQ_INVERT_MATCHING, 1);
    zt::bind(xpub, "inproc://invert");
    zt::connect(xsub, "inproc://invert");
    send_str(xsub, "\x01noise");
    ASSERT_EQ(recv_str(xpub), "\x01noise");
    send_str(xpub, "noise 1");
    send_str(xpub, "signal 1");
    EXPECT_EQ(recv_str(xsub), "signal 1");
}

TEST(InvertMatching, PubSendsToSubscribersWhoseTopicsDoNotMatch) {
    zt::context ctx;
    zt::socket pub(ctx, ZMQ_PUB);
    zt::socket sub_a(ctx, ZMQ_SUB);
    zt::socket sub_b(ctx, ZMQ_SUB);
    zt::set_int(pub, ZMQ_INVERT_MATCHING, 1);
    zt::bind(pub, "inproc://invert");
    for (void* sub : {static_cast<void*>(sub_a), static_cast<void*>(sub_b)}) {
        zt::set_int(sub, ZMQ_INVERT_MATCHING, 1);
        zt::connect(sub, "inproc://invert");
    }
    set_bytes(sub_a, ZMQ_SUBSCRIBE, "a");
    set_bytes(sub_b, ZMQ_SUBSCRIBE, "b");
    // Each probe is one the other subscriber excludes, so whether or not the
    // PUB already knows that filter, the other SUB drops the probe itself.
    ASSERT_TRUE(zt::publish_until_received(pub, sub_a, "b-probe"));
    ASSERT_TRUE(zt::publish_until_received(pub, sub_b, "a-probe"));

    send_str(pub, "a1");
    send_str(pub, "b1");
    send_str(pub, "c1");
    EXPECT_EQ(recv_str(sub_a), "b1");
    EXPECT_EQ(recv_str(sub_a), "c1");
    EXPECT_EQ(recv_str(sub_b), "a1");
    EXPECT_EQ(recv_str(sub_b), "c1");
}

TEST(InvertMatching, InvertedSubscriberWithoutSubscriptionsReceivesEverything) {
    zt::context ctx;
    zt::socket xpub(ctx, ZMQ_XPUB);
    zt::socket sub(ctx, ZMQ_SUB);
    zt::set_int(xpub, ZMQ_INVERT_MATCHING, 1);
    zt::set_int(sub, ZMQ_INVERT_MATCHING, 1);
    zt::set_int(xpub, ZMQ_XPUB_VERBOSE, 1);
    zt::bind(xpub, "inproc://invert");
    zt::connect(sub, "inproc://invert");
    // Subscribing and unsubscribing is the event that says the XPUB has
    // taken the SUB in.
    set_bytes(sub, ZMQ_SUBSCRIBE, "x");
    ASSERT_EQ(recv_str(xpub), "\x01x");
    set_bytes(sub, ZMQ_UNSUBSCRIBE, "x");
    ASSERT_EQ(recv_str(xpub), std::string("\0x", 2));
    send_str(xpub, "x1");
    send_str(xpub, "y1");
    EXPECT_EQ(recv_str(sub), "x1");
    EXPECT_EQ(recv_str(sub), "y1");
}

} // namespace
