// XPUB_MANUAL: the application decides what each subscriber gets; XPUB
// still remembers what each subscriber asked for, so that when one leaves
// the application hears an unsubscription for each of its topics, as
// libzmq 4.3.4 does.
#include "zmq_test.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace {

using zt::subscription;
using zt::unsubscription;

class XpubManual : public ::testing::Test {
protected:
    zt::context ctx;
    zt::socket xpub{ctx, ZMQ_XPUB};
    zt::socket sub{ctx, ZMQ_SUB};

    void SetUp() override {
        zt::set_int(xpub, ZMQ_XPUB_MANUAL, 1);
        zt::bind(xpub, "inproc://manual");
        zt::connect(sub, "inproc://manual");
    }

    // Reads n requests and grants each one, as a manual publisher does.
    std::vector<std::string> grant(int n) {
        std::vector<std::string> requests;
        for (int i = 0; i < n; ++i) {
            requests.push_back(zt::recv_str(xpub));
            const int option = requests.back()[0] == 1 ? ZMQ_SUBSCRIBE : ZMQ_UNSUBSCRIBE;
            zt::set_bytes(xpub, option, requests.back().substr(1));
        }
        return requests;
    }

    std::vector<std::string> recv_sorted(int n) {
        std::vector<std::string> messages;
        for (int i = 0; i < n; ++i)
            messages.push_back(zt::recv_str(xpub));
        std::sort(messages.begin(), messages.end());
        return messages;
    }
};

TEST_F(XpubManual, ALeavingSubscriberIsUnsubscribedFromEachOfItsTopics) {
    zt::set_bytes(sub, ZMQ_SUBSCRIBE, "b");
    zt::set_bytes(sub, ZMQ_SUBSCRIBE, "a");
    EXPECT_EQ(grant(2), (std::vector<std::string>{subscription("b"), subscription("a")}));
    sub.close();
    EXPECT_EQ(recv_sorted(2), (std::vector<std::string>{unsubscription("a"), unsubscription("b")}));
    EXPECT_TRUE(zt::recv_all_now(xpub).empty());
}

// What counts is what the subscriber asked for, a topic once however often
// it asked, less what it cancelled itself; not what the application granted.
TEST_F(XpubManual, TheTopicsAreThoseTheSubscriberAskedForAndKept) {
    zt::set_bytes(sub, ZMQ_SUBSCRIBE, "kept");
    zt::set_bytes(sub, ZMQ_SUBSCRIBE, "kept");
    zt::set_bytes(sub, ZMQ_SUBSCRIBE, "cancelled");
    zt::set_bytes(sub, ZMQ_UNSUBSCRIBE, "cancelled");
    for (int i = 0; i < 4; ++i)
        zt::recv_str(xpub);  // not granted
    sub.close();
    EXPECT_EQ(zt::recv_str(xpub), unsubscription("kept"));
    EXPECT_TRUE(zt::recv_all_now(xpub).empty());
}

// Each subscriber's topics are its own: a topic another subscriber keeps is
// still cancelled for the one that left.
TEST_F(XpubManual, EachLeavingSubscriberIsUnsubscribedEvenFromSharedTopics) {
    zt::socket other(ctx, ZMQ_SUB);
    zt::connect(other, "inproc://manual");
    zt::set_bytes(sub, ZMQ_SUBSCRIBE, "shared");
    zt::set_bytes(other, ZMQ_SUBSCRIBE, "shared");
    grant(2);
    sub.close();
    EXPECT_EQ(zt::recv_str(xpub), unsubscription("shared"));
    other.close();
    EXPECT_EQ(zt::recv_str(xpub), unsubscription("shared"));
}

// With no subscriber to apply them to, the requests are accepted and ignored.
TEST(XpubManualAlone, SubscribeWithoutASubscriberIsIgnored) {
    zt::context ctx;
    zt::socket xpub(ctx, ZMQ_XPUB);
    zt::set_int(xpub, ZMQ_XPUB_MANUAL, 1);
    EXPECT_EQ(zmq_setsockopt(xpub, ZMQ_SUBSCRIBE, "x", 1), 0);
    EXPECT_EQ(zmq_setsockopt(xpub, ZMQ_UNSUBSCRIBE, "x", 1), 0);
}

} // namespace
