// PUB/SUB over inproc: fan-out, prefix filtering on the first frame,
// subscription counting, and the operations each side does not support.
#include "zmq_test.hpp"

#include <array>
#include <memory>

namespace {

using zt::recv_str;
using zt::send_str;
using zt::set_bytes;

// Connects a SUB subscribed to `topics` plus a private probe topic, and waits
// until the PUB filters for all of them.
void connect_subscriber(void* pub, void* sub, const char* endpoint,
                        std::initializer_list<std::string_view> topics, std::string_view probe) {
    for (auto topic : topics) set_bytes(sub, ZMQ_SUBSCRIBE, topic);
    set_bytes(sub, ZMQ_SUBSCRIBE, probe);
    zt::connect(sub, endpoint);
    ASSERT_TRUE(zt::publish_until_received(pub, sub, probe));
}

TEST(PubSub, PublisherFansOutToEveryMatchingSubscriber) {
    zt::context ctx;
    zt::socket pub(ctx, ZMQ_PUB);
    zt::bind(pub, "inproc://fan");
    std::array<std::unique_ptr<zt::socket>, 3> subs;
    for (size_t i = 0; i < subs.size(); ++i) {
        subs[i] = std::make_unique<zt::socket>(ctx, ZMQ_SUB);
        connect_subscriber(pub, *subs[i], "inproc://fan", {"news"}, "probe" + std::to_string(i));
    }
    zt::socket other(ctx, ZMQ_SUB);
    connect_subscriber(pub, other, "inproc://fan", {"sport"}, "probe-other");

    send_str(pub, "news 1");
    send_str(pub, "weather");
    send_str(pub, "news 2");
    for (auto& sub : subs) {
        EXPECT_EQ(recv_str(*sub), "news 1");
        EXPECT_EQ(recv_str(*sub), "news 2");
        EXPECT_TRUE(zt::recv_all_now(*sub).empty());
    }
    EXPECT_TRUE(zt::recv_all_now(other).empty());
}

TEST(PubSub, PublishingWithoutSubscribersSucceedsAtOnce) {
    zt::context ctx;
    zt::socket pub(ctx, ZMQ_PUB);
    zt::bind(pub, "inproc://alone");
    for (int i = 0; i < 10000; ++i) send_str(pub, "dropped", ZMQ_DONTWAIT);
}

TEST(PubSub, EmptyPrefixMatchesEveryMessageIncludingEmptyOnes) {
    zt::context ctx;
    zt::socket pub(ctx, ZMQ_PUB);
    zt::socket sub(ctx, ZMQ_SUB);
    zt::bind(pub, "inproc://all");
    connect_subscriber(pub, sub, "inproc://all", {""}, "probe");

    send_str(pub, "anything");
    send_str(pub, "");
    send_str(pub, std::string_view("\x00\x01\xff", 3));
    EXPECT_EQ(recv_str(sub), "anything");
    EXPECT_EQ(recv_str(sub), "");
    EXPECT_EQ(recv_str(sub), std::string("\x00\x01\xff", 3));
}

TEST(PubSub, UnsubscribedSocketReceivesNothing) {
    zt::context ctx;
    zt::socket pub(ctx, ZMQ_PUB);
    zt::socket sub(ctx, ZMQ_SUB);
    zt::socket witness(ctx, ZMQ_SUB);
    zt::bind(pub, "inproc://none");
    zt::connect(sub, "inproc://none");
    connect_subscriber(pub, witness, "inproc://none", {""}, "probe");

    send_str(pub, "hello");
    EXPECT_EQ(recv_str(witness), "hello");
    EXPECT_TRUE(zt::recv_all_now(sub).empty());
}

TEST(PubSub, PrefixFilterMatchesOnlyLeadingBytes) {
    zt::context ctx;
    zt::socket pub(ctx, ZMQ_PUB);
    zt::socket sub(ctx, ZMQ_SUB);
    zt::bind(pub, "inproc://prefix");
    connect_subscriber(pub, sub, "inproc://prefix", {"ab"}, "!");

    for (auto text : {"a", "ab", "abc", "xab", "b", "AB"}) send_str(pub, text);
    send_str(pub, "!end");
    EXPECT_EQ(recv_str(sub), "ab");
    EXPECT_EQ(recv_str(sub), "abc");
    EXPECT_EQ(recv_str(sub), "!end");
}

TEST(PubSub, BinarySubscriptionWithNulBytes) {
    zt::context ctx;
    zt::socket pub(ctx, ZMQ_PUB);
    zt::socket sub(ctx, ZMQ_SUB);
    zt::bind(pub, "inproc://binary");
    connect_subscriber(pub, sub, "inproc://binary", {std::string_view("\0a", 2)}, "!");

    send_str(pub, std::string_view("\0b", 2));
    send_str(pub, std::string_view("\0a\0", 3));
    send_str(pub, "!end");
    EXPECT_EQ(recv_str(sub), std::string("\0a\0", 3));
    EXPECT_EQ(recv_str(sub), "!end");
}

TEST(PubSub, OverlappingSubscriptionsDeliverEachMessageOnce) {
    zt::context ctx;
    zt::socket pub(ctx, ZMQ_PUB);
    zt::socket sub(ctx, ZMQ_SUB);
    zt::bind(pub, "inproc://overlap");
    connect_subscriber(pub, sub, "inproc://overlap", {"a", "ab", "abc", ""}, "!");

    send_str(pub, "abcd");
    send_str(pub, "z");
    EXPECT_EQ(recv_str(sub), "abcd");
    EXPECT_EQ(recv_str(sub), "z");
    EXPECT_TRUE(zt::recv_all_now(sub).empty());
}

TEST(PubSub, UnsubscribeRemovesOneCountOfADuplicatedSubscription) {
    zt::context ctx;
    zt::socket pub(ctx, ZMQ_PUB);
    zt::socket sub(ctx, ZMQ_SUB);
    zt::bind(pub, "inproc://dup");
    connect_subscriber(pub, sub, "inproc://dup", {"t", "t"}, "!");

    set_bytes(sub, ZMQ_UNSUBSCRIBE, "t");
    send_str(pub, "t1");
    EXPECT_EQ(recv_str(sub), "t1");

    // The SUB filters what it receives itself, so the second unsubscribe
    // takes effect at once even if the PUB has not heard of it yet.
    set_bytes(sub, ZMQ_UNSUBSCRIBE, "t");
    send_str(pub, "t2");
    send_str(pub, "!end");
    EXPECT_EQ(recv_str(sub), "!end");
}

TEST(PubSub, UnsubscribeFromUnknownTopicIsAccepted) {
    zt::context ctx;
    zt::socket sub(ctx, ZMQ_SUB);
    set_bytes(sub, ZMQ_UNSUBSCRIBE, "never");
    set_bytes(sub, ZMQ_SUBSCRIBE, "t");
    set_bytes(sub, ZMQ_UNSUBSCRIBE, "t");
    set_bytes(sub, ZMQ_UNSUBSCRIBE, "t");
}

TEST(PubSub, SubscribingAfterConnectTakesEffect) {
    zt::context ctx;
    zt::socket pub(ctx, ZMQ_PUB);
    zt::socket sub(ctx, ZMQ_SUB);
    zt::bind(pub, "inproc://late");
    connect_subscriber(pub, sub, "inproc://late", {}, "!");

    send_str(pub, "late 0");
    set_bytes(sub, ZMQ_SUBSCRIBE, "late");
    set_bytes(sub, ZMQ_SUBSCRIBE, "?");
    ASSERT_TRUE(zt::publish_until_received(pub, sub, "?"));
    send_str(pub, "late 1");
    EXPECT_EQ(recv_str(sub), "late 1");
}

TEST(PubSub, MultipartIsFilteredOnFirstFrameAndDeliveredWhole) {
    zt::context ctx;
    zt::socket pub(ctx, ZMQ_PUB);
    zt::socket sub(ctx, ZMQ_SUB);
    zt::bind(pub, "inproc://multi");
    connect_subscriber(pub, sub, "inproc://multi", {"key"}, "!");

    zt::send_multipart(pub, {"other", "key in body", "key"});
    zt::send_multipart(pub, {"key", "", "anything"});
    zt::send_multipart(pub, {"keyless?", "x"});
    send_str(pub, "!end");
    EXPECT_EQ(zt::recv_multipart(sub), (std::vector<std::string>{"key", "", "anything"}));
    EXPECT_EQ(zt::recv_multipart(sub), (std::vector<std::string>{"keyless?", "x"}));
    EXPECT_EQ(zt::recv_multipart(sub), (std::vector<std::string>{"!end"}));
}

TEST(PubSub, PublisherCannotReceive) {
    zt::context ctx;
    zt::socket pub(ctx, ZMQ_PUB);
    char buffer[8];
    ZT_EXPECT_ERRNO(zmq_recv(pub, buffer, sizeof buffer, 0), ENOTSUP);
    ZT_EXPECT_ERRNO(zmq_recv(pub, buffer, sizeof buffer, ZMQ_DONTWAIT), ENOTSUP);
}

TEST(PubSub, SubscriberCannotSend) {
    zt::context ctx;
    zt::socket sub(ctx, ZMQ_SUB);
    ZT_EXPECT_ERRNO(zmq_send(sub, "x", 1, 0), ENOTSUP);
    ZT_EXPECT_ERRNO(zmq_send(sub, "x", 1, ZMQ_DONTWAIT), ENOTSUP);
}

TEST(PubSub, PublisherNeverPollsReadableAndSubscriberNeverWritable) {
    zt::context ctx;
    zt::socket pub(ctx, ZMQ_PUB);
    zt::socket sub(ctx, ZMQ_SUB);
    zt::bind(pub, "inproc://events");
    connect_subscriber(pub, sub, "inproc://events", {""}, "!");
    send_str(pub, "x");
    EXPECT_EQ(zt::get_int(pub, ZMQ_EVENTS), ZMQ_POLLOUT);
    EXPECT_EQ(zt::get_int(sub, ZMQ_EVENTS), ZMQ_POLLIN);
}

} // namespace
