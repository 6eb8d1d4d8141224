// A subscriber that makes matching expensive: hundreds of subscriptions
// that are prefixes of one another and share a long stem. Publishing a
// message that matches them all must cost about what it costs with the
// stem alone subscribed, not that times the number of subscriptions: the
// sorted map of whole topics zmx had compared the stem once per length
// (about 100 times the CPU here; the radix tree about 1). The stem is long
// so that it, not the walk down the 400 nested nodes, is what a message
// costs: under ASan that walk takes about 120 µs a message, and with a
// 10 KiB stem it made the tree's figure 5-7 times the stem alone's (the
// test failed 11 runs in 12 on a busy machine, and in a local .ci/run);
// with 64 KiB it is 0.8-1.6.
#include "heap_gauge.hpp"
#include "zmq_test.hpp"

#include <time.h>

#include <string>

namespace {

constexpr size_t stem_size = 64 * ht::kib;
constexpr int nested_subscriptions = 400;
constexpr int messages = 500;
// How much more CPU the nested subscriptions may cost than the stem alone.
constexpr double allowed_ratio = 4;

double thread_cpu_ms() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

// The CPU time of publishing `message` again and again (the work of
// matching is done by the publishing thread), checked to arrive once each.
double publishing_cpu_ms(void* xpub, void* xsub, const std::string& message) {
    const double start = thread_cpu_ms();
    for (int i = 0; i < messages; ++i)
        zt::send_str(xpub, message);
    const double spent = thread_cpu_ms() - start;
    for (int i = 0; i < messages; ++i)
        EXPECT_EQ(zt::recv_str(xsub).size(), message.size());
    ZT_EXPECT_ERRNO(zmq_recv(xsub, nullptr, 0, ZMQ_DONTWAIT), EAGAIN);
    return spent;
}

TEST(SubscriptionCost, NestedSubscriptionsWithALongStemCostAMatchItsLength) {
    zt::context ctx;
    zt::socket xpub(ctx, ZMQ_XPUB);
    zt::bind(xpub, "inproc://costly");
    zt::socket xsub(ctx, ZMQ_XSUB);
    zt::connect(xsub, "inproc://costly");
    const std::string stem(stem_size, 's');
    const std::string message = stem + std::string(nested_subscriptions, 'n');
    const auto subscribe = [&](const std::string& topic) {
        zt::send_str(xsub, zt::subscription(topic));
        EXPECT_EQ(zt::recv_str(xpub), zt::subscription(topic));  // XPUB has taken it
    };

    subscribe(stem);
    const double stem_alone = publishing_cpu_ms(xpub, xsub, message);
    for (int i = 1; i < nested_subscriptions; ++i)
        subscribe(stem + std::string(static_cast<size_t>(i), 'n'));
    const double nested = publishing_cpu_ms(xpub, xsub, message);
    EXPECT_LT(nested, allowed_ratio * stem_alone)
        << nested << " ms of CPU with the nested subscriptions, " << stem_alone << " ms with the stem alone";
}

}  // namespace
