// A publisher whose subscriber's queue is full drops messages for that
// subscriber only, and never blocks. Over inproc the queue between two
// sockets holds the sender's SNDHWM plus the receiver's RCVHWM messages.
#include "zmq_test.hpp"

namespace {

using zt::recv_str;
using zt::send_str;

constexpr int send_hwm = 7;
constexpr int recv_hwm = 5;
constexpr int queue_capacity = send_hwm + recv_hwm;

int drain(void* sub) { return static_cast<int>(zt::recv_all_now(sub).size()); }

// Sends `count` messages that must all be accepted at once, full queue or not.
void publish(void* pub, int count, int flags) {
    for (int i = 0; i < count; ++i) send_str(pub, "m" + std::to_string(i), flags);
}

// The subscription is made before an inproc connect to a bound PUB, so it is
// already queued for the PUB, which reads it before it sends its first message.
TEST(PubHwm, PublisherDropsWhatDoesNotFitAndNeverBlocks) {
    zt::context ctx;
    zt::socket pub(ctx, ZMQ_PUB);
    zt::socket sub(ctx, ZMQ_SUB);
    zt::set_int(pub, ZMQ_SNDHWM, send_hwm);
    zt::set_int(sub, ZMQ_RCVHWM, recv_hwm);
    zt::set_int(pub, ZMQ_SNDTIMEO, -1);  // proves zmq_send cannot block
    zt::bind(pub, "inproc://hwm");
    zt::set_bytes(sub, ZMQ_SUBSCRIBE, "");
    zt::connect(sub, "inproc://hwm");

    publish(pub, 10 * queue_capacity, 0);
    EXPECT_EQ(recv_str(sub), "m0");
    EXPECT_EQ(drain(sub), queue_capacity - 1);
}

TEST(PubHwm, XpubDropsWhatDoesNotFitOnceTheSubscriptionArrived) {
    zt::context ctx;
    zt::socket xpub(ctx, ZMQ_XPUB);
    zt::socket sub(ctx, ZMQ_SUB);
    zt::set_int(xpub, ZMQ_SNDHWM, send_hwm);
    zt::set_int(sub, ZMQ_RCVHWM, recv_hwm);
    zt::bind(xpub, "inproc://hwm");
    zt::connect(sub, "inproc://hwm");
    zt::set_bytes(sub, ZMQ_SUBSCRIBE, "m");
    ASSERT_EQ(recv_str(xpub), "\x01m");

    publish(xpub, 10 * queue_capacity, ZMQ_DONTWAIT);
    // The first messages are kept, the later ones dropped.
    for (int i = 0; i < queue_capacity; ++i) ASSERT_EQ(recv_str(sub), "m" + std::to_string(i));
    EXPECT_EQ(drain(sub), 0);
}

TEST(PubHwm, FullSubscriberDoesNotHoldBackTheOthers) {
    zt::context ctx;
    zt::socket pub(ctx, ZMQ_PUB);
    zt::socket slow(ctx, ZMQ_SUB);
    zt::socket fast(ctx, ZMQ_SUB);
    zt::set_int(pub, ZMQ_SNDHWM, send_hwm);
    zt::set_int(slow, ZMQ_RCVHWM, recv_hwm);
    zt::set_int(fast, ZMQ_RCVHWM, 0);  // no limit: the queue has none either
    zt::bind(pub, "inproc://hwm");
    for (void* sub : {static_cast<void*>(slow), static_cast<void*>(fast)}) {
        zt::set_bytes(sub, ZMQ_SUBSCRIBE, "");
        zt::connect(sub, "inproc://hwm");
    }

    constexpr int sent = 1000;
    publish(pub, sent, ZMQ_DONTWAIT);
    EXPECT_EQ(drain(fast), sent);
    EXPECT_EQ(drain(slow), queue_capacity);
}

TEST(PubHwm, SubscriberReceivesAgainAfterDraining) {
    zt::context ctx;
    zt::socket pub(ctx, ZMQ_PUB);
    zt::socket sub(ctx, ZMQ_SUB);
    zt::set_int(pub, ZMQ_SNDHWM, send_hwm);
    zt::set_int(sub, ZMQ_RCVHWM, recv_hwm);
    zt::bind(pub, "inproc://hwm");
    zt::set_bytes(sub, ZMQ_SUBSCRIBE, "");
    zt::connect(sub, "inproc://hwm");

    publish(pub, 10 * queue_capacity, ZMQ_DONTWAIT);
    EXPECT_EQ(drain(sub), queue_capacity);
    // The PUB learns asynchronously that the queue has room again.
    EXPECT_TRUE(zt::publish_until_received(pub, sub, "again"));
}

} // namespace
