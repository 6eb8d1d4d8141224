// Subscriptions and unsubscriptions across the wire between zmx and
// libzmq, over tcp and ipc, each side binding in turn.
//
// A publisher handles one subscriber's (un)subscriptions in the order they
// were sent, so "unsubscribe A, then subscribe M" means: once a message on
// M arrives, the publisher has dropped A, and nothing on A may follow. That
// marker, not a pause, is how a test knows the unsubscription took effect.
#include "interop_fixture.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace {

using interop::transport;

struct scenario {
    const char* name;
    int zmx_type;
    const char* peer_type;
    const char* peer_role;
};

struct subscription_case {
    scenario sc;
    transport via;
    bool zmx_binds;
};

void PrintTo(const subscription_case& c, std::ostream* out) {
    *out << "zmx " << (c.zmx_binds ? "binds" : "connects") << ", libzmq " << c.sc.peer_type << " "
         << c.sc.peer_role;
}

std::string case_name(const ::testing::TestParamInfo<subscription_case>& info) {
    return std::string(interop::transport_name(info.param.via)) + "_" + info.param.sc.name +
           (info.param.zmx_binds ? "_ZmxBinds" : "_LibzmqBinds");
}

class Subscriptions : public ::testing::TestWithParam<subscription_case> {
protected:
    static void SetUpTestSuite() { interop::expect_zmx_library(); }
    zt::context ctx;
};

TEST_P(Subscriptions, FollowTheSubscriber) {
    const auto& c = GetParam();
    interop::endpoint_place place(c.via);
    zt::socket s(ctx, c.sc.zmx_type);
    auto peer = interop::meet(s, place, c.zmx_binds, c.sc.peer_role, c.sc.peer_type);
    if (!peer)
        return;

    switch (c.sc.zmx_type) {
    case ZMQ_SUB: {
        // The peer publishes "B-no", "A-yes", "M-mark" over and over.
        zt::set_bytes(s, ZMQ_SUBSCRIBE, "A");
        for (int i = 0; i < 3; ++i)
            ASSERT_EQ(zt::recv_str(s), "A-yes");
        zt::set_bytes(s, ZMQ_UNSUBSCRIBE, "A");
        zt::set_bytes(s, ZMQ_SUBSCRIBE, "M");
        std::string got = zt::recv_str(s);
        while (got == "A-yes")  // sent before the publisher saw the change
            got = zt::recv_str(s);
        EXPECT_EQ(got, "M-mark");
        for (int i = 0; i < 3; ++i)
            EXPECT_EQ(zt::recv_str(s), "M-mark");
        peer->close_stdin();
        break;
    }
    case ZMQ_PUB:
        // The peer subscribes to A, then swaps A for M, and checks what it
        // gets; publish all three topics until it reports.
        while (!peer->has_line(10)) {
            zt::send_str(s, "B-no");
            zt::send_str(s, "A-yes");
            zt::send_str(s, "M-mark");
        }
        EXPECT_EQ(peer->line(), "OK");
        break;
    case ZMQ_XPUB: {
        // The peer's XSUB subscribes to A; publish until its
        // unsubscription arrives, then its subscription to Z.
        EXPECT_EQ(zt::recv_str(s), zt::subscription("A"));
        while (!zt::wait_readable(s, 10)) {
            zt::send_str(s, "B-no");
            zt::send_str(s, "A-yes");
        }
        EXPECT_EQ(zt::recv_str(s), zt::unsubscription("A"));
        EXPECT_EQ(zt::recv_str(s), zt::subscription("Z"));
        zt::send_str(s, "Z-done");
        EXPECT_EQ(peer->line(), "OK");
        break;
    }
    case ZMQ_XSUB:
        // The peer's XPUB reports what arrives and publishes A and B in
        // between.
        zt::send_str(s, zt::subscription("A"));
        EXPECT_EQ(zt::recv_str(s), "A-yes");
        zt::send_str(s, zt::unsubscription("A"));
        EXPECT_EQ(peer->line(), "SUB 0141");
        EXPECT_EQ(peer->line(), "UNSUB 0041");
        break;
    }
    EXPECT_EQ(peer->wait(), 0);
}

const scenario scenarios[] = {
    {"SubUnsubscribesFromPub", ZMQ_SUB, "PUB", "pub-topics"},
    {"PubFollowsSub", ZMQ_PUB, "SUB", "sub-topics"},
    {"XpubSeesXsub", ZMQ_XPUB, "XSUB", "xsub-topics"},
    {"XsubSeenByXpub", ZMQ_XSUB, "XPUB", "xpub-topics"},
};

std::vector<subscription_case> all_cases() {
    std::vector<subscription_case> cases;
    for (transport via : {transport::tcp, transport::ipc, transport::ws})
        for (const auto& sc : scenarios)
            for (bool zmx_binds : {true, false})
                cases.push_back({sc, via, zmx_binds});
    return cases;
}

INSTANTIATE_TEST_SUITE_P(interop, Subscriptions, ::testing::ValuesIn(all_cases()), case_name);

}  // namespace
