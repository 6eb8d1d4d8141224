// XPUB: subscriptions arrive as messages (\x01topic, \x00topic), duplicates
// are filtered unless VERBOSE/VERBOSER, and the options that change how the
// publisher treats its subscribers (MANUAL, NODROP, WELCOME_MSG).
#include "zmq_test.hpp"

#include <algorithm>

namespace {

using zt::recv_str;
using zt::send_str;
using zt::subscription;
using zt::unsubscription;
using zt::set_bytes;

class Xpub : public ::testing::Test {
protected:
    zt::context ctx;
    zt::socket xpub{ctx, ZMQ_XPUB};
    zt::socket sub1{ctx, ZMQ_SUB};
    zt::socket sub2{ctx, ZMQ_SUB};

    void bind_and_connect() {
        zt::bind(xpub, "inproc://xpub");
        zt::connect(sub1, "inproc://xpub");
        zt::connect(sub2, "inproc://xpub");
    }
};

TEST_F(Xpub, ReceivesSubscriptionsAndUnsubscriptions) {
    bind_and_connect();
    set_bytes(sub1, ZMQ_SUBSCRIBE, "topic");
    EXPECT_EQ(recv_str(xpub), subscription("topic"));
    set_bytes(sub1, ZMQ_SUBSCRIBE, "");
    EXPECT_EQ(recv_str(xpub), subscription(""));
    set_bytes(sub1, ZMQ_UNSUBSCRIBE, "topic");
    EXPECT_EQ(recv_str(xpub), unsubscription("topic"));
    EXPECT_EQ(zt::get_int(xpub, ZMQ_RCVMORE), 0);
}

TEST_F(Xpub, SubscriptionsMadeBeforeConnectAreSentOnConnect) {
    set_bytes(sub1, ZMQ_SUBSCRIBE, "early");
    zt::bind(xpub, "inproc://xpub");
    zt::connect(sub1, "inproc://xpub");
    EXPECT_EQ(recv_str(xpub), subscription("early"));
    send_str(xpub, "early bird");
    EXPECT_EQ(recv_str(sub1), "early bird");
}

TEST_F(Xpub, SubscriptionsMadeBeforeBindAreSentWhenTheBindHappens) {
    set_bytes(sub1, ZMQ_SUBSCRIBE, "early");
    zt::connect(sub1, "inproc://xpub");
    zt::bind(xpub, "inproc://xpub");
    EXPECT_EQ(recv_str(xpub), subscription("early"));
}

TEST_F(Xpub, SendsOnlyToMatchingSubscribers) {
    bind_and_connect();
    set_bytes(sub1, ZMQ_SUBSCRIBE, "a");
    EXPECT_EQ(recv_str(xpub), subscription("a"));
    set_bytes(sub2, ZMQ_SUBSCRIBE, "b");
    EXPECT_EQ(recv_str(xpub), subscription("b"));
    send_str(xpub, "a1");
    send_str(xpub, "b1");
    EXPECT_EQ(recv_str(sub1), "a1");
    EXPECT_EQ(recv_str(sub2), "b1");
    EXPECT_TRUE(zt::recv_all_now(sub1).empty());
    EXPECT_TRUE(zt::recv_all_now(sub2).empty());
}

// Non-verbose: the application hears of a topic when the first subscriber
// takes it and when the last one drops it. "marker" subscriptions from the
// same socket, which come after, prove that nothing was held back.
TEST_F(Xpub, DuplicateSubscriptionsAreFiltered) {
    bind_and_connect();
    set_bytes(sub1, ZMQ_SUBSCRIBE, "t");
    EXPECT_EQ(recv_str(xpub), subscription("t"));
    set_bytes(sub2, ZMQ_SUBSCRIBE, "t");
    set_bytes(sub2, ZMQ_SUBSCRIBE, "marker2");
    EXPECT_EQ(recv_str(xpub), subscription("marker2"));

    set_bytes(sub1, ZMQ_UNSUBSCRIBE, "t");
    set_bytes(sub1, ZMQ_SUBSCRIBE, "marker1");
    EXPECT_EQ(recv_str(xpub), subscription("marker1"));
    set_bytes(sub2, ZMQ_UNSUBSCRIBE, "t");
    EXPECT_EQ(recv_str(xpub), unsubscription("t"));
    EXPECT_TRUE(zt::recv_all_now(xpub).empty());
}

TEST_F(Xpub, VerbosePassesDuplicateSubscriptionsButNotUnsubscriptions) {
    zt::set_int(xpub, ZMQ_XPUB_VERBOSE, 1);
    bind_and_connect();
    set_bytes(sub1, ZMQ_SUBSCRIBE, "t");
    EXPECT_EQ(recv_str(xpub), subscription("t"));
    set_bytes(sub2, ZMQ_SUBSCRIBE, "t");
    EXPECT_EQ(recv_str(xpub), subscription("t"));

    set_bytes(sub1, ZMQ_UNSUBSCRIBE, "t");
    set_bytes(sub1, ZMQ_SUBSCRIBE, "marker1");
    EXPECT_EQ(recv_str(xpub), subscription("marker1"));
    set_bytes(sub2, ZMQ_UNSUBSCRIBE, "t");
    EXPECT_EQ(recv_str(xpub), unsubscription("t"));
}

TEST_F(Xpub, VerboserPassesEveryUnsubscriptionToo) {
    zt::set_int(xpub, ZMQ_XPUB_VERBOSER, 1);
    bind_and_connect();
    set_bytes(sub1, ZMQ_SUBSCRIBE, "t");
    EXPECT_EQ(recv_str(xpub), subscription("t"));
    set_bytes(sub2, ZMQ_SUBSCRIBE, "t");
    EXPECT_EQ(recv_str(xpub), subscription("t"));
    set_bytes(sub1, ZMQ_UNSUBSCRIBE, "t");
    EXPECT_EQ(recv_str(xpub), unsubscription("t"));
    set_bytes(sub2, ZMQ_UNSUBSCRIBE, "t");
    EXPECT_EQ(recv_str(xpub), unsubscription("t"));
}

// A SUB counts its own duplicate subscriptions: it sends each subscribe, but
// an unsubscribe only when its last count of the topic goes.
TEST_F(Xpub, SubscriberSendsUnsubscribeOnlyForItsLastCount) {
    zt::set_int(xpub, ZMQ_XPUB_VERBOSER, 1);
    bind_and_connect();
    set_bytes(sub1, ZMQ_SUBSCRIBE, "t");
    set_bytes(sub1, ZMQ_SUBSCRIBE, "t");
    EXPECT_EQ(recv_str(xpub), subscription("t"));
    EXPECT_EQ(recv_str(xpub), subscription("t"));
    set_bytes(sub1, ZMQ_UNSUBSCRIBE, "t");
    set_bytes(sub1, ZMQ_SUBSCRIBE, "marker");
    EXPECT_EQ(recv_str(xpub), subscription("marker"));
    set_bytes(sub1, ZMQ_UNSUBSCRIBE, "t");
    EXPECT_EQ(recv_str(xpub), unsubscription("t"));
}

TEST_F(Xpub, ManualModeLetsTheApplicationDecideSubscriptions) {
    zt::set_int(xpub, ZMQ_XPUB_MANUAL, 1);
    bind_and_connect();
    set_bytes(sub1, ZMQ_SUBSCRIBE, "t");
    EXPECT_EQ(recv_str(xpub), subscription("t"));
    send_str(xpub, "t0");  // not subscribed yet: dropped

    // ZMQ_SUBSCRIBE on a manual XPUB subscribes the peer whose request was
    // received last.
    set_bytes(xpub, ZMQ_SUBSCRIBE, "t");
    send_str(xpub, "t1");
    EXPECT_EQ(recv_str(sub1), "t1");
    EXPECT_TRUE(zt::recv_all_now(sub2).empty());

    set_bytes(xpub, ZMQ_UNSUBSCRIBE, "t");
    send_str(xpub, "t2");
    set_bytes(xpub, ZMQ_SUBSCRIBE, "t");
    send_str(xpub, "t3");
    EXPECT_EQ(recv_str(sub1), "t3");
}

TEST_F(Xpub, ManualModePassesDuplicatesAndEveryUnsubscription) {
    zt::set_int(xpub, ZMQ_XPUB_MANUAL, 1);
    bind_and_connect();
    set_bytes(sub1, ZMQ_SUBSCRIBE, "t");
    EXPECT_EQ(recv_str(xpub), subscription("t"));
    set_bytes(sub2, ZMQ_SUBSCRIBE, "t");
    EXPECT_EQ(recv_str(xpub), subscription("t"));
    set_bytes(sub1, ZMQ_UNSUBSCRIBE, "t");
    EXPECT_EQ(recv_str(xpub), unsubscription("t"));
}

TEST_F(Xpub, ManualModeMaySubscribeThePeerToAnotherTopic) {
    zt::set_int(xpub, ZMQ_XPUB_MANUAL, 1);
    bind_and_connect();
    set_bytes(sub1, ZMQ_SUBSCRIBE, "");
    EXPECT_EQ(recv_str(xpub), subscription(""));
    set_bytes(xpub, ZMQ_SUBSCRIBE, "only");
    send_str(xpub, "other");
    send_str(xpub, "only this");
    EXPECT_EQ(recv_str(sub1), "only this");
}

// A SUB also filters what it receives, so a publisher sending it more than
// it asked for does not matter (an XSUB, in contrast, passes everything on).
TEST_F(Xpub, SubscriberDropsWhatItDidNotSubscribeTo) {
    zt::set_int(xpub, ZMQ_XPUB_MANUAL, 1);
    bind_and_connect();
    set_bytes(sub1, ZMQ_SUBSCRIBE, "t");
    EXPECT_EQ(recv_str(xpub), subscription("t"));
    set_bytes(xpub, ZMQ_SUBSCRIBE, "");
    send_str(xpub, "u1");
    send_str(xpub, "t1");
    EXPECT_EQ(recv_str(sub1), "t1");
}

TEST_F(Xpub, NoDropReturnsEagainWhenASubscriberIsFull) {
    constexpr int send_hwm = 3, recv_hwm = 2;
    zt::set_int(xpub, ZMQ_XPUB_NODROP, 1);
    zt::set_int(xpub, ZMQ_SNDHWM, send_hwm);
    zt::set_int(sub1, ZMQ_RCVHWM, recv_hwm);
    zt::set_int(xpub, ZMQ_SNDTIMEO, 100);
    bind_and_connect();
    set_bytes(sub1, ZMQ_SUBSCRIBE, "");
    ASSERT_EQ(recv_str(xpub), subscription(""));

    for (int i = 0; i < send_hwm + recv_hwm; ++i) send_str(xpub, std::to_string(i), ZMQ_DONTWAIT);
    ZT_EXPECT_ERRNO(zmq_send(xpub, "x", 1, ZMQ_DONTWAIT), EAGAIN);
    ZT_EXPECT_ERRNO(zmq_send(xpub, "x", 1, 0), EAGAIN);  // after SNDTIMEO
    for (int i = 0; i < send_hwm + recv_hwm; ++i) EXPECT_EQ(recv_str(sub1), std::to_string(i));
    EXPECT_TRUE(zt::recv_all_now(sub1).empty());
}

TEST_F(Xpub, NoDropSendsAgainOnceTheSubscriberHasRead) {
    zt::set_int(xpub, ZMQ_XPUB_NODROP, 1);
    zt::set_int(xpub, ZMQ_SNDHWM, 1);
    zt::set_int(sub1, ZMQ_RCVHWM, 1);
    bind_and_connect();
    set_bytes(sub1, ZMQ_SUBSCRIBE, "");
    ASSERT_EQ(recv_str(xpub), subscription(""));
    send_str(xpub, "a", ZMQ_DONTWAIT);
    send_str(xpub, "b", ZMQ_DONTWAIT);
    ZT_EXPECT_ERRNO(zmq_send(xpub, "c", 1, ZMQ_DONTWAIT), EAGAIN);
    EXPECT_EQ(recv_str(sub1), "a");
    EXPECT_EQ(recv_str(sub1), "b");
    // The XPUB learns of the free room asynchronously: a blocking send with
    // the safety timeout waits for it.
    send_str(xpub, "c");
    EXPECT_EQ(recv_str(sub1), "c");
}

TEST_F(Xpub, NoDropDoesNotWaitForSubscribersOfOtherTopics) {
    zt::set_int(xpub, ZMQ_XPUB_NODROP, 1);
    zt::set_int(xpub, ZMQ_SNDHWM, 1);
    zt::set_int(sub1, ZMQ_RCVHWM, 1);
    bind_and_connect();
    set_bytes(sub1, ZMQ_SUBSCRIBE, "full");
    ASSERT_EQ(recv_str(xpub), subscription("full"));
    set_bytes(sub2, ZMQ_SUBSCRIBE, "free");
    ASSERT_EQ(recv_str(xpub), subscription("free"));
    send_str(xpub, "full 1", ZMQ_DONTWAIT);
    send_str(xpub, "full 2", ZMQ_DONTWAIT);
    ZT_EXPECT_ERRNO(zmq_send(xpub, "full 3", 6, ZMQ_DONTWAIT), EAGAIN);
    send_str(xpub, "free 1", ZMQ_DONTWAIT);
    EXPECT_EQ(recv_str(sub2), "free 1");
}

TEST_F(Xpub, WelcomeMessageGoesToEachNewSubscriber) {
    set_bytes(xpub, ZMQ_XPUB_WELCOME_MSG, "WELCOME");
    zt::bind(xpub, "inproc://xpub");
    // The SUB filters the welcome like any message, so it subscribes first.
    set_bytes(sub1, ZMQ_SUBSCRIBE, "WELCOME");
    zt::connect(sub1, "inproc://xpub");
    // The XPUB sends the welcome when it takes the new peer in, which it does
    // while it receives.
    EXPECT_EQ(recv_str(xpub), subscription("WELCOME"));
    EXPECT_EQ(recv_str(sub1), "WELCOME");

    set_bytes(sub2, ZMQ_SUBSCRIBE, "W");
    zt::connect(sub2, "inproc://xpub");
    EXPECT_EQ(recv_str(xpub), subscription("W"));
    EXPECT_EQ(recv_str(sub2), "WELCOME");
    EXPECT_TRUE(zt::recv_all_now(sub1).empty());
}

TEST_F(Xpub, UnsubscriptionsAreSentWhenASubscriberCloses) {
    bind_and_connect();
    set_bytes(sub1, ZMQ_SUBSCRIBE, "a");
    set_bytes(sub1, ZMQ_SUBSCRIBE, "b");
    set_bytes(sub2, ZMQ_SUBSCRIBE, "b");
    EXPECT_EQ(recv_str(xpub), subscription("a"));
    EXPECT_EQ(recv_str(xpub), subscription("b"));
    set_bytes(sub2, ZMQ_SUBSCRIBE, "marker");
    EXPECT_EQ(recv_str(xpub), subscription("marker"));

    sub1.close();
    // "b" is still wanted by sub2.
    EXPECT_EQ(recv_str(xpub), unsubscription("a"));
    sub2.close();
    std::vector<std::string> rest{recv_str(xpub), recv_str(xpub)};
    std::sort(rest.begin(), rest.end());
    EXPECT_EQ(rest, (std::vector<std::string>{unsubscription("b"), unsubscription("marker")}));
    EXPECT_TRUE(zt::recv_all_now(xpub).empty());
}

TEST_F(Xpub, MessagesWithoutSubscriptionPrefixArePassedToTheApplication) {
    zt::socket xsub(ctx, ZMQ_XSUB);
    zt::bind(xpub, "inproc://xpub");
    zt::connect(xsub, "inproc://xpub");
    send_str(xsub, "hello upstream");
    EXPECT_EQ(recv_str(xpub), "hello upstream");
}

} // namespace
