// SP_PUBSUB and SP_BUS fan-out: every subscriber gets every message once
// it is connected; a bus message reaches each directly connected member
// but its sender, once, and is never forwarded.
#include "sp_test.hpp"

namespace {

class XioFanout : public ::testing::TestWithParam<std::string> {
protected:
    std::string address() { return xt::address(GetParam()); }
};

INSTANTIATE_TEST_SUITE_P(Transports, XioFanout, ::testing::Values("tcp", "ipc", "inproc"),
                         [](const auto& info) { return info.param; });

std::string recv_text(int eid) {
    char* u = nullptr;
    if (sp_recv(eid, &u) != 0)
        return std::string("<") + strerror(errno) + ">";
    return xt::take_string(u);
}

TEST_P(XioFanout, EverySubscriberGetsEveryMessage) {
    const std::string a = address();
    const int pub = xt::endpoint(SP_PUBSUB, SP_PUB);
    ASSERT_GE(sp_listen(pub, a.c_str()), 0);
    std::vector<int> subs;
    for (int i = 0; i < 3; ++i) {
        subs.push_back(xt::endpoint(SP_PUBSUB, SP_SUB));
        ASSERT_GE(sp_connect(subs.back(), a.c_str()), 0);
    }
    // A subscriber is connected once a message reaches it: publish a probe
    // until each has one.
    const int probe_wait_ms = 10;
    for (int sub : subs) {
        sp_setopt(sub, SP_RCVTIMEO, const_cast<int*>(&probe_wait_ms), sizeof(int));
        char* u = nullptr;
        for (int tries = 0;; ++tries) {
            ASSERT_LT(tries, xt::safety_timeout_ms / probe_wait_ms) << "a subscriber never connected";
            ASSERT_EQ(sp_send(pub, xt::ubuf_of("probe")), 0);
            if (sp_recv(sub, &u) == 0)
                break;
        }
        ufree(u);
        sp_setopt(sub, SP_RCVTIMEO, const_cast<int*>(&xt::safety_timeout_ms), sizeof(int));
    }
    constexpr int count = 100;
    for (int i = 0; i < count; ++i)
        ASSERT_EQ(sp_send(pub, xt::ubuf_of("m" + std::to_string(i))), 0);
    for (int sub : subs) {
        std::string got = recv_text(sub);
        while (got == "probe")  // the probes sent after this one connected
            got = recv_text(sub);
        for (int i = 0; i < count; ++i) {
            EXPECT_EQ(got, "m" + std::to_string(i));
            if (i + 1 < count)
                got = recv_text(sub);
        }
    }
    char* none = nullptr;
    XT_EXPECT_ERRNO(sp_recv(pub, &none), ENOTSUP);
    XT_EXPECT_ERRNO(sp_send(subs[0], xt::ubuf_of("x")), ENOTSUP);
    for (int sub : subs)
        sp_close(sub);
    sp_close(pub);
}

TEST_P(XioFanout, BusReachesDirectNeighboursOnceAndNeverForwards) {
    // xio's bus(7) network: a and b listen, b connects to a, c to a, d to b.
    //   c -- a -- b -- d
    const std::string at_a = address(), at_b = address();
    const int a = xt::endpoint(SP_BUS, SP_BUS), b = xt::endpoint(SP_BUS, SP_BUS);
    const int c = xt::endpoint(SP_BUS, SP_BUS), d = xt::endpoint(SP_BUS, SP_BUS);
    ASSERT_GE(sp_listen(a, at_a.c_str()), 0);
    ASSERT_GE(sp_listen(b, at_b.c_str()), 0);
    // Each link is made by a member that has no other yet, whose first
    // message therefore waits for that link and proves it up.
    ASSERT_GE(sp_connect(b, at_a.c_str()), 0);
    ASSERT_EQ(sp_send(b, xt::ubuf_of("b joined")), 0);
    EXPECT_EQ(recv_text(a), "b joined");
    ASSERT_GE(sp_connect(c, at_a.c_str()), 0);
    ASSERT_EQ(sp_send(c, xt::ubuf_of("c joined")), 0);
    EXPECT_EQ(recv_text(a), "c joined");
    ASSERT_GE(sp_connect(d, at_b.c_str()), 0);
    ASSERT_EQ(sp_send(d, xt::ubuf_of("d joined")), 0);
    EXPECT_EQ(recv_text(b), "d joined");

    // What each member receives next shows what was, and was not, passed on.
    ASSERT_EQ(sp_send(c, xt::ubuf_of("from c")), 0);  // to a alone
    EXPECT_EQ(recv_text(a), "from c");
    ASSERT_EQ(sp_send(a, xt::ubuf_of("from a")), 0);  // to b and c
    EXPECT_EQ(recv_text(b), "from a");                // not "from c": a did not forward
    EXPECT_EQ(recv_text(c), "from a");
    ASSERT_EQ(sp_send(b, xt::ubuf_of("from b")), 0);  // to a and d
    EXPECT_EQ(recv_text(a), "from b");
    EXPECT_EQ(recv_text(d), "from b");                // not "from a": b did not forward
    ASSERT_EQ(sp_send(a, xt::ubuf_of("again from a")), 0);
    EXPECT_EQ(recv_text(c), "again from a");          // not "from b"
    EXPECT_EQ(recv_text(b), "again from a");
    ASSERT_EQ(sp_send(b, xt::ubuf_of("again from b")), 0);
    EXPECT_EQ(recv_text(d), "again from b");          // nothing of a's
    EXPECT_EQ(recv_text(a), "again from b");          // a never hears itself
    for (int member : {a, b, c, d})
        sp_close(member);
}

} // namespace
