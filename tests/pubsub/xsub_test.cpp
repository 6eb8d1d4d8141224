// XSUB: subscriptions are messages the application sends (\x01topic,
// \x00topic); they reach the upstream PUB/XPUB, and other messages are
// forwarded upstream unchanged.
#include "zmq_test.hpp"

#include <algorithm>

namespace {

using zt::recv_str;
using zt::send_str;
using zt::subscription;
using zt::unsubscription;

class Xsub : public ::testing::Test {
protected:
    zt::context ctx;
    zt::socket xsub{ctx, ZMQ_XSUB};
};

TEST_F(Xsub, SubscriptionMessagesReachTheUpstreamXpub) {
    zt::socket xpub(ctx, ZMQ_XPUB);
    zt::bind(xpub, "inproc://up");
    zt::connect(xsub, "inproc://up");
    send_str(xsub, subscription("topic"));
    EXPECT_EQ(recv_str(xpub), subscription("topic"));
    send_str(xsub, unsubscription("topic"));
    EXPECT_EQ(recv_str(xpub), unsubscription("topic"));
}

TEST_F(Xsub, SubscriptionMessagesFilterAnUpstreamPub) {
    zt::socket pub(ctx, ZMQ_PUB);
    zt::bind(pub, "inproc://up");
    zt::connect(xsub, "inproc://up");
    send_str(xsub, subscription("t"));
    send_str(xsub, subscription("!"));
    ASSERT_TRUE(zt::publish_until_received(pub, xsub, "!probe"));

    send_str(pub, "u1");
    send_str(pub, "t1");
    EXPECT_EQ(recv_str(xsub), "t1");

    // Unlike SUB, XSUB does not filter locally: wait until the PUB has the
    // unsubscription, which travels in order with a new probe subscription.
    send_str(xsub, unsubscription("t"));
    send_str(xsub, subscription("?"));
    ASSERT_TRUE(zt::publish_until_received(pub, xsub, "?probe"));
    send_str(pub, "t2");
    send_str(pub, "!end");
    EXPECT_EQ(recv_str(xsub), "!end");
}

TEST_F(Xsub, SubscriptionsSentBeforeConnectAreSentOnConnect) {
    zt::socket xpub(ctx, ZMQ_XPUB);
    send_str(xsub, subscription("early"));
    zt::bind(xpub, "inproc://up");
    zt::connect(xsub, "inproc://up");
    EXPECT_EQ(recv_str(xpub), subscription("early"));
    send_str(xpub, "early bird");
    EXPECT_EQ(recv_str(xsub), "early bird");
}

TEST_F(Xsub, SubscriptionsAreSentToEveryUpstreamPeer) {
    zt::socket xpub1(ctx, ZMQ_XPUB);
    zt::socket xpub2(ctx, ZMQ_XPUB);
    zt::bind(xpub1, "inproc://up1");
    zt::bind(xpub2, "inproc://up2");
    zt::connect(xsub, "inproc://up1");
    send_str(xsub, subscription("t"));
    zt::connect(xsub, "inproc://up2");  // learns the existing subscription
    EXPECT_EQ(recv_str(xpub1), subscription("t"));
    EXPECT_EQ(recv_str(xpub2), subscription("t"));
    send_str(xpub1, "t from 1");
    send_str(xpub2, "t from 2");
    std::vector<std::string> got{recv_str(xsub), recv_str(xsub)};
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, (std::vector<std::string>{"t from 1", "t from 2"}));
}

TEST_F(Xsub, OtherMessagesAreForwardedUpstreamUnchanged) {
    zt::socket xpub(ctx, ZMQ_XPUB);
    zt::bind(xpub, "inproc://up");
    zt::connect(xsub, "inproc://up");
    send_str(xsub, "hello");
    send_str(xsub, std::string_view("\x02x", 2));
    EXPECT_EQ(recv_str(xpub), "hello");
    EXPECT_EQ(recv_str(xpub), "\x02x");
    EXPECT_TRUE(zt::recv_all_now(xpub).empty());
}

// Filtering is the publisher's job: an XSUB passes on whatever it is sent
// (a SUB would drop "u1" itself).
TEST_F(Xsub, DoesNotFilterWhatItReceives) {
    zt::socket xpub(ctx, ZMQ_XPUB);
    zt::set_int(xpub, ZMQ_XPUB_MANUAL, 1);
    zt::bind(xpub, "inproc://up");
    zt::connect(xsub, "inproc://up");
    send_str(xsub, subscription("t"));
    ASSERT_EQ(recv_str(xpub), subscription("t"));
    zt::set_bytes(xpub, ZMQ_SUBSCRIBE, "");
    send_str(xpub, "u1");
    send_str(xpub, "t1");
    EXPECT_EQ(recv_str(xsub), "u1");
    EXPECT_EQ(recv_str(xsub), "t1");
}

TEST_F(Xsub, ReceivesWholeMultipartMessages) {
    zt::socket xpub(ctx, ZMQ_XPUB);
    zt::bind(xpub, "inproc://up");
    zt::connect(xsub, "inproc://up");
    send_str(xsub, subscription("k"));
    ASSERT_EQ(recv_str(xpub), subscription("k"));
    zt::send_multipart(xpub, {"key", "a", "b"});
    EXPECT_EQ(zt::recv_multipart(xsub), (std::vector<std::string>{"key", "a", "b"}));
}

} // namespace
