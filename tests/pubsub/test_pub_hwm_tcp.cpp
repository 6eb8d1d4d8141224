// What a subscriber has read frees room in its queue: once it has caught
// up, a publisher's next messages all reach that queue over tcp without the
// subscriber reading again. libzmq's own check of this (SNDHWM = RCVHWM =
// 11024, 9999 messages read, then 1100 more) is the case here, without its
// sleeps: the messages have all arrived once the subscriber's connection
// reports the publisher's close, which follows its last message.
#include "monitor_events.hpp"

namespace {

constexpr int hwm = 11024;
constexpr int first_batch = 9999 - 1;  // after the probe that shows the subscription arrived
constexpr int second_batch = 1100;

// Sends up to n empty messages without blocking: how many went.
int publish(void* pub, int n) {
    int sent = 0;
    while (sent < n && zmq_send(pub, nullptr, 0, ZMQ_DONTWAIT) == 0)
        ++sent;
    return sent;
}

// Receives up to n messages: how many came.
int receive(void* sub, int n, int flags) {
    int received = 0;
    while (received < n && zmq_recv(sub, nullptr, 0, flags) == 0)
        ++received;
    return received;
}

TEST(PubHwmTcp, WhatTheSubscriberReadFreesRoomInItsQueue) {
    zt::context ctx;
    zt::socket pub(ctx, ZMQ_PUB), sub(ctx, ZMQ_SUB);
    zt::set_int(pub, ZMQ_SNDHWM, hwm);
    zt::set_int(pub, ZMQ_LINGER, zt::safety_timeout_ms);  // its close sends what it queued
    zt::set_int(sub, ZMQ_RCVHWM, hwm);
    zt::bind(pub, "tcp://127.0.0.1:*");
    char endpoint[256];
    size_t size = sizeof endpoint;
    ASSERT_EQ(zmq_getsockopt(pub, ZMQ_LAST_ENDPOINT, endpoint, &size), 0);
    zt::set_bytes(sub, ZMQ_SUBSCRIBE, "");
    zt::connect(sub, endpoint);
    ASSERT_TRUE(zt::publish_until_received(pub, sub, ""));
    tt::event_monitor sub_events(ctx, sub, ZMQ_EVENT_DISCONNECTED);

    ASSERT_EQ(publish(pub, first_batch), first_batch);
    ASSERT_EQ(receive(sub, first_batch, 0), first_batch);
    ASSERT_EQ(publish(pub, second_batch), second_batch);
    pub.close();
    EXPECT_TRUE(sub_events.wait_for(ZMQ_EVENT_DISCONNECTED));
    EXPECT_EQ(receive(sub, second_batch, ZMQ_DONTWAIT), second_batch);
}

} // namespace
