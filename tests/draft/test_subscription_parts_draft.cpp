// Which parts of a message an XSUB sends and an XPUB reads are
// subscriptions: any part by default, as libzmq 4.3.4 reads them, and with
// ZMQ_ONLY_FIRST_SUBSCRIBE (draft) none after a first part that is not.
// Every expectation also holds for the reference libzmq 4.3.4 with drafts
// (reference.draft_subscription_parts).
#include "zmq_test.hpp"

#include <string>
#include <vector>

namespace {

using parts = std::vector<std::string>;

std::string subscribe(const char* topic) { return "\x01" + std::string(topic); }
std::string cancel(const char* topic) { return std::string(1, '\0') + topic; }

struct xpub_and_xsub {
    zt::context ctx;
    zt::socket xpub{ctx, ZMQ_XPUB};
    zt::socket xsub{ctx, ZMQ_XSUB};

    explicit xpub_and_xsub(bool only_first) {
        const int on = only_first ? 1 : 0;
        zmq_setsockopt(xpub, ZMQ_ONLY_FIRST_SUBSCRIBE, &on, sizeof on);
        zmq_setsockopt(xsub, ZMQ_ONLY_FIRST_SUBSCRIBE, &on, sizeof on);
        const std::string endpoint = zt::bind_tcp(xpub);
        zt::connect(xsub, endpoint.c_str());
    }
    // Publishes each topic and returns what the XSUB got, after a marker
    // subscribed last has come back (what XPUB read before it applies).
    parts delivered(const parts& topics) {
        zt::send_str(xsub, "\x01marker");
        EXPECT_EQ(zt::recv_multipart(xpub), (parts{"\x01marker"}));
        for (const auto& topic : topics)
            zt::send_str(xpub, topic);
        zt::send_str(xpub, "marker");
        parts got;
        for (std::string m = zt::recv_str(xsub); m != "marker" && !m.empty(); m = zt::recv_str(xsub))
            got.push_back(m);
        return got;
    }
};

TEST(SubscriptionParts, AnyPartMayBeASubscription) {
    xpub_and_xsub pair(false);
    zt::send_multipart(pair.xsub, {subscribe("A"), subscribe("B"), "data", subscribe("C")});
    EXPECT_EQ(zt::recv_multipart(pair.xpub), (parts{subscribe("A")}));
    EXPECT_EQ(zt::recv_multipart(pair.xpub), (parts{subscribe("B")}));
    EXPECT_EQ(zt::recv_multipart(pair.xpub), (parts{"data", subscribe("C")}));
    EXPECT_EQ(pair.delivered({"A1", "B1", "C1", "D1"}), (parts{"A1", "B1", "C1"}));
}

TEST(SubscriptionParts, AnUnneededUnsubscriptionInsideAMessageStaysBehind) {
    xpub_and_xsub pair(false);
    zt::send_multipart(pair.xsub, {"data", cancel("A"), "end"});
    EXPECT_EQ(zt::recv_multipart(pair.xpub), (parts{"data", "end"}));
}

TEST(SubscriptionParts, OnlyFirstSubscribeMakesTheRestData) {
    xpub_and_xsub pair(true);
    zt::send_multipart(pair.xsub, {"data", subscribe("A"), cancel("B"), "end"});
    EXPECT_EQ(zt::recv_multipart(pair.xpub), (parts{"data", subscribe("A"), cancel("B"), "end"}));
    EXPECT_EQ(pair.delivered({"A1"}), parts{});
}

// As libzmq: a first part that subscribes leaves the next ones free to.
TEST(SubscriptionParts, OnlyFirstSubscribeAfterAFirstSubscription) {
    xpub_and_xsub pair(true);
    zt::send_multipart(pair.xsub, {subscribe("A"), subscribe("B")});
    EXPECT_EQ(zt::recv_multipart(pair.xpub), (parts{subscribe("A")}));
    EXPECT_EQ(zt::recv_multipart(pair.xpub), (parts{subscribe("B")}));
    EXPECT_EQ(pair.delivered({"A1", "B1"}), (parts{"A1", "B1"}));
}

TEST(SubscriptionParts, OnlyFirstSubscribeIsForXpubAndXsub) {
    zt::context ctx;
    const int on = 1, negative = -1;
    for (int type : {ZMQ_XPUB, ZMQ_PUB, ZMQ_XSUB}) {
        zt::socket s(ctx, type);
        EXPECT_EQ(zmq_setsockopt(s, ZMQ_ONLY_FIRST_SUBSCRIBE, &on, sizeof on), 0) << type;
        ZT_EXPECT_ERRNO(zmq_setsockopt(s, ZMQ_ONLY_FIRST_SUBSCRIBE, &negative, sizeof negative), EINVAL);
    }
    for (int type : {ZMQ_SUB, ZMQ_DEALER}) {
        zt::socket s(ctx, type);
        ZT_EXPECT_ERRNO(zmq_setsockopt(s, ZMQ_ONLY_FIRST_SUBSCRIBE, &on, sizeof on), EINVAL);
    }
}

} // namespace
