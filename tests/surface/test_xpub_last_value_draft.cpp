// Draft options Debian's libzmq 4.3.4 takes: ZMQ_XPUB_MANUAL_LAST_VALUE (a
// manual XPUB whose first message after a granted subscription goes to
// that subscriber alone, so a last value cache answers a newcomer without
// repeating itself to the others), ZMQ_MULTICAST_LOOP and
// ZMQ_LOOPBACK_FASTPATH (kept and reported).
#include "zmq_test.hpp"

#include <string>

namespace {

// Reads the subscription a subscriber's SUBSCRIBE sent and grants it.
void grant_next_subscription(void* xpub, const std::string& topic) {
    ASSERT_EQ(zt::recv_str(xpub), zt::subscription(topic));
    zt::set_bytes(xpub, ZMQ_SUBSCRIBE, topic);
}

TEST(XpubManualLastValue, FirstMessageAfterAGrantGoesToTheNewcomerOnly) {
    zt::context ctx;
    zt::socket xpub(ctx, ZMQ_XPUB);
    zt::set_int(xpub, ZMQ_XPUB_MANUAL_LAST_VALUE, 1);
    const std::string endpoint = zt::bind_tcp(xpub);
    zt::socket first(ctx, ZMQ_SUB);
    zt::connect(first, endpoint.c_str());
    zt::set_bytes(first, ZMQ_SUBSCRIBE, "t");
    grant_next_subscription(xpub, "t");
    zt::send_str(xpub, "t cached for first");
    EXPECT_EQ(zt::recv_str(first), "t cached for first");

    zt::socket second(ctx, ZMQ_SUB);
    zt::connect(second, endpoint.c_str());
    zt::set_bytes(second, ZMQ_SUBSCRIBE, "t");
    grant_next_subscription(xpub, "t");
    zt::send_str(xpub, "t cached for second");
    zt::send_str(xpub, "t for everyone");
    EXPECT_EQ(zt::recv_str(second), "t cached for second");
    EXPECT_EQ(zt::recv_str(second), "t for everyone");
    EXPECT_EQ(zt::recv_str(first), "t for everyone");  // not the cached value again
}

TEST(XpubManualLastValue, TakenByPubAndXpubOnly) {
    zt::context ctx;
    for (const int type : {ZMQ_PUB, ZMQ_XPUB}) {
        zt::socket s(ctx, type);
        EXPECT_EQ(zmq_setsockopt(s, ZMQ_XPUB_MANUAL_LAST_VALUE, "\x02\0\0\0", 4), 0);
        ZT_EXPECT_ERRNO(zmq_setsockopt(s, ZMQ_XPUB_MANUAL_LAST_VALUE, "\xff\xff\xff\xff", 4), EINVAL);
        const int64_t wide = 1;
        ZT_EXPECT_ERRNO(zmq_setsockopt(s, ZMQ_XPUB_MANUAL_LAST_VALUE, &wide, sizeof wide), EINVAL);
        int value = 0;
        size_t size = sizeof value;
        ZT_EXPECT_ERRNO(zmq_getsockopt(s, ZMQ_XPUB_MANUAL_LAST_VALUE, &value, &size), EINVAL);
    }
    for (const int type : {ZMQ_SUB, ZMQ_XSUB, ZMQ_DEALER}) {
        zt::socket s(ctx, type);
        const int on = 1;
        ZT_EXPECT_ERRNO(zmq_setsockopt(s, ZMQ_XPUB_MANUAL_LAST_VALUE, &on, sizeof on), EINVAL);
    }
}

// Both take any int (not 0 is on) on every socket type and read back 0 or 1.
void expect_any_int_flag(int option, int default_value) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_DEALER);
    EXPECT_EQ(zt::get_int(s, option), default_value);
    zt::set_int(s, option, 0);
    EXPECT_EQ(zt::get_int(s, option), 0);
    zt::set_int(s, option, -1);
    EXPECT_EQ(zt::get_int(s, option), 1);
    zt::set_int(s, option, 0);
    const int64_t wide = 1;
    ZT_EXPECT_ERRNO(zmq_setsockopt(s, option, &wide, sizeof wide), EINVAL);
    EXPECT_EQ(zt::get_int(s, option), 0);
    int64_t read = 0;
    size_t size = sizeof read;
    ZT_EXPECT_ERRNO(zmq_getsockopt(s, option, &read, &size), EINVAL);
}

TEST(MulticastLoop, DefaultsOnAndReadsBack) { expect_any_int_flag(ZMQ_MULTICAST_LOOP, 1); }
TEST(LoopbackFastpath, DefaultsOffAndReadsBack) { expect_any_int_flag(ZMQ_LOOPBACK_FASTPATH, 0); }

} // namespace
