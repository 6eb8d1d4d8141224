// Per-type option defaults and acceptance of libzmq 4.3.4 that its pages
// leave implicit: SUB and XSUB start with ZMQ_LINGER 0 (pending
// subscriptions are not worth waiting for at close), every other type with
// -1; ZMQ_CONNECT_ROUTING_ID is accepted by ROUTER, STREAM and REP (a REP is
// a ROUTER underneath) and refused with EINVAL by the others.
#include "zmq_test.hpp"

namespace {

using zt::raw_socket;


constexpr int classic_types[] = {ZMQ_PAIR, ZMQ_PUB,  ZMQ_SUB,  ZMQ_REQ,
                                 ZMQ_REP,  ZMQ_DEALER, ZMQ_ROUTER, ZMQ_PULL,
                                 ZMQ_PUSH, ZMQ_XPUB, ZMQ_XSUB, ZMQ_STREAM};

TEST(SocketTypeOptions, LingerDefaultsToZeroOnlyForSubAndXsub) {
    zt::context ctx;
    for (int type : classic_types) {
        raw_socket s(ctx, type);
        const int expected = (type == ZMQ_SUB || type == ZMQ_XSUB) ? 0 : -1;
        EXPECT_EQ(zt::get_int(s, ZMQ_LINGER), expected) << "type " << type;
    }
}

TEST(SocketTypeOptions, ConnectRoutingIdIsForRouterStreamAndRep) {
    zt::context ctx;
    for (int type : classic_types) {
        raw_socket s(ctx, type);
        const bool accepted = type == ZMQ_ROUTER || type == ZMQ_STREAM || type == ZMQ_REP;
        errno = 0;
        const int rc = zmq_setsockopt(s, ZMQ_CONNECT_ROUTING_ID, "ab", 2);
        EXPECT_EQ(rc, accepted ? 0 : -1) << "type " << type;
        if (!accepted) {
            EXPECT_EQ(zmq_errno(), EINVAL) << "type " << type;
        }
    }
}

// The REP still answers the peer it connected to under that name.
TEST(SocketTypeOptions, RepWithConnectRoutingIdStillReplies) {
    zt::context ctx;
    zt::socket req(ctx, ZMQ_REQ);
    zt::socket rep(ctx, ZMQ_REP);
    zt::bind(req, "inproc://rep-connect-rid");
    ASSERT_EQ(zmq_setsockopt(rep, ZMQ_CONNECT_ROUTING_ID, "peer", 4), 0);
    zt::connect(rep, "inproc://rep-connect-rid");
    zt::send_str(req, "question");
    EXPECT_EQ(zt::recv_str(rep), "question");
    zt::send_str(rep, "answer");
    EXPECT_EQ(zt::recv_str(req), "answer");
}

} // namespace
