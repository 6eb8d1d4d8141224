// A subscriber that makes matching expensive: hundreds of subscriptions
// that are prefixes of one another and share a long stem. Publishing a
// message that matches them all must cost about its length, not its length
// times the number of subscriptions (the table that compared the stem once
// per subscription spent 11 ms of CPU per message here; the tree 0.06 ms).
#include "heap_gauge.hpp"
#include "zmq_test.hpp"

#include <time.h>

#include <string>

namespace {

constexpr size_t stem_size = 100 * ht::kib;
constexpr int nested_subscriptions = 400;
constexpr int messages = 40;
// CPU time the publishing thread may spend on all the messages: forty
// times what it needs, a quarter of what per-subscription comparisons
// of the stem cost.
constexpr double cpu_allowance_ms = 100;

double thread_cpu_ms() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

TEST(SubscriptionCost, NestedSubscriptionsWithALongStemCostAMatchItsLength) {
    zt::context ctx;
    zt::socket xpub(ctx, ZMQ_XPUB);
    zt::bind(xpub, "inproc://costly");
    zt::socket xsub(ctx, ZMQ_XSUB);
    zt::connect(xsub, "inproc://costly");
    const std::string stem(stem_size, 's');
    for (int i = 0; i < nested_subscriptions; ++i) {
        const std::string topic = stem + std::string(static_cast<size_t>(i), 'n');
        zt::send_str(xsub, zt::subscription(topic));
        ASSERT_EQ(zt::recv_str(xpub), zt::subscription(topic));  // XPUB has taken it
    }

    const std::string message = stem + std::string(nested_subscriptions, 'n');
    const double start = thread_cpu_ms();
    for (int i = 0; i < messages; ++i)
        zt::send_str(xpub, message);
    EXPECT_LT(thread_cpu_ms() - start, cpu_allowance_ms);
    // Each message reaches the subscriber once, however many topics matched.
    for (int i = 0; i < messages; ++i)
        ASSERT_EQ(zt::recv_str(xsub).size(), message.size());
    ZT_EXPECT_ERRNO(zmq_recv(xsub, nullptr, 0, ZMQ_DONTWAIT), EAGAIN);
}

}  // namespace
