// ZMX_EVENT_DROPPING and ZMX_EVENT_DROPPING_STOPPED: once when a socket
// starts dropping at the high-water mark, once when a message gets through
// again, with the episode's count; two episodes give exactly four events.
#include "monitor_events_v2.hpp"
#include "stats_support.hpp"

#include <string>

namespace {

constexpr uint64_t drop_events = ZMX_EVENT_DROPPING | ZMX_EVENT_DROPPING_STOPPED;

class DropEvents : public ::testing::Test {
protected:
    zt::context ctx;
};

// Sends to a full peer until `extra` messages were dropped after the first.
void drop_some(void* s, const std::vector<std::string>& frames, int extra) {
    const uint64_t start = st::stats_of(s).dropped_hwm;
    while (st::stats_of(s).dropped_hwm < start + 1 + extra)
        zt::send_multipart(s, frames);
}

// One episode: the first drop raises DROPPING (1 missed), the first
// delivery after raises STOPPED with every drop since.
void expect_episode(tt::monitor_v2& watch, void* sender, void* receiver, const std::vector<std::string>& frames) {
    const uint64_t before = st::stats_of(sender).dropped_hwm;
    drop_some(sender, frames, 5);
    const uint64_t dropped = st::stats_of(sender).dropped_hwm - before;
    zt::recv_all_now(receiver);  // room again
    zt::send_multipart(sender, frames);
    const auto began = watch.next();
    ASSERT_TRUE(began.has_value());
    EXPECT_EQ(began->type, ZMX_EVENT_DROPPING);
    ASSERT_EQ(began->values.size(), 1u);
    EXPECT_EQ(began->values[0], 1u);
    const auto ended = watch.next();
    ASSERT_TRUE(ended.has_value());
    EXPECT_EQ(ended->type, ZMX_EVENT_DROPPING_STOPPED);
    ASSERT_EQ(ended->values.size(), 1u);
    EXPECT_EQ(ended->values[0], dropped);
}

TEST_F(DropEvents, PubRaisesOncePerEpisode) {
    zt::socket pub(ctx, ZMQ_PUB);
    zt::socket sub(ctx, ZMQ_SUB);
    zt::set_int(pub, ZMQ_SNDHWM, 5);
    zt::set_int(sub, ZMQ_RCVHWM, 5);
    zt::set_bytes(sub, ZMQ_SUBSCRIBE, "");
    zt::bind(pub, "inproc://drop-events-pub");
    zt::connect(sub, "inproc://drop-events-pub");
    ASSERT_TRUE(zt::publish_until_received(pub, sub, "probe"));
    tt::monitor_v2 watch(ctx, pub, drop_events);
    expect_episode(watch, pub, sub, {"news"});
    expect_episode(watch, pub, sub, {"news"});
}

TEST_F(DropEvents, RouterRaisesOncePerEpisode) {
    zt::socket router(ctx, ZMQ_ROUTER);
    zt::socket dealer(ctx, ZMQ_DEALER);
    zt::set_int(router, ZMQ_SNDHWM, 5);
    zt::set_int(dealer, ZMQ_RCVHWM, 5);
    zmq_setsockopt(dealer, ZMQ_ROUTING_ID, "d", 1);
    zt::bind(router, "inproc://drop-events-router");
    zt::connect(dealer, "inproc://drop-events-router");
    zt::send_str(dealer, "hello");
    ASSERT_EQ(zt::recv_multipart(router).size(), 2u);
    tt::monitor_v2 watch(ctx, router, drop_events);
    expect_episode(watch, router, dealer, {"d", "reply"});
    expect_episode(watch, router, dealer, {"d", "reply"});
}

// Version 1 carries 16-bit events: the two are for version 2 only.
TEST_F(DropEvents, VersionOneRefusesThem) {
    zt::socket pub(ctx, ZMQ_PUB);
    ZT_EXPECT_ERRNO(zmq_socket_monitor_versioned(pub, "inproc://drop-events-v1", drop_events, 1, ZMQ_PAIR), EINVAL);
}

}  // namespace
