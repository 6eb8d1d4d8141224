// ROUTER: routing ids (generated, chosen by the peer, or named by a
// connecting ROUTER), unroutable messages, ROUTER_MANDATORY,
// ROUTER_HANDOVER and PROBE_ROUTER (zmq_socket(3), zmq_setsockopt(3)).
#include "zmq_test.hpp"

namespace {

using frames = std::vector<std::string>;

static_assert(ZMQ_XREP == ZMQ_ROUTER);

TEST(Router, XrepIsRouter)
{
    zt::context ctx;
    zt::socket router(ctx, ZMQ_XREP);
    EXPECT_EQ(zt::get_int(router, ZMQ_TYPE), ZMQ_ROUTER);
}

TEST(Router, PrefixesTheRoutingIdChosenByThePeer)
{
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER);
    zt::bind(router, "inproc://router");
    zt::socket dealer(ctx, ZMQ_DEALER);
    zt::set_bytes(dealer, ZMQ_ROUTING_ID, "alice");
    zt::connect(dealer, "inproc://router");

    zt::send_multipart(dealer, {"hello", "world"});
    EXPECT_EQ(zt::recv_multipart(router), (frames{"alice", "hello", "world"}));
    zt::send_multipart(router, {"alice", "hi", "there"});
    EXPECT_EQ(zt::recv_multipart(dealer), (frames{"hi", "there"}));
}

// Without ZMQ_ROUTING_ID the ROUTER makes one up: 5 bytes, a zero byte first
// (so it cannot clash with an id a peer chose, which may not start with 0).
TEST(Router, GeneratesDistinctRoutingIdsForAnonymousPeers)
{
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER);
    zt::bind(router, "inproc://router");
    zt::socket dealer0(ctx, ZMQ_DEALER), dealer1(ctx, ZMQ_DEALER);
    zt::connect(dealer0, "inproc://router");
    zt::connect(dealer1, "inproc://router");

    zt::send_str(dealer0, "from 0");
    zt::send_str(dealer1, "from 1");
    const frames first = zt::recv_multipart(router);
    const frames second = zt::recv_multipart(router);
    ASSERT_EQ(first.size(), 2u);
    ASSERT_EQ(second.size(), 2u);
    EXPECT_EQ(first[1], "from 0");
    EXPECT_EQ(second[1], "from 1");
    for (const frames& message : {first, second}) {
        ASSERT_EQ(message[0].size(), 5u);
        EXPECT_EQ(message[0][0], '\0');
    }
    EXPECT_NE(first[0], second[0]);

    zt::send_multipart(router, {second[0], "to 1"});
    zt::send_multipart(router, {first[0], "to 0"});
    EXPECT_EQ(zt::recv_str(dealer0), "to 0");
    EXPECT_EQ(zt::recv_str(dealer1), "to 1");
}

TEST(Router, RoutesEachReplyToItsPeer)
{
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER);
    zt::bind(router, "inproc://router");
    zt::socket a(ctx, ZMQ_DEALER), b(ctx, ZMQ_DEALER);
    zt::set_bytes(a, ZMQ_ROUTING_ID, "A");
    zt::set_bytes(b, ZMQ_ROUTING_ID, "B");
    zt::connect(a, "inproc://router");
    zt::connect(b, "inproc://router");
    zt::send_str(a, "ping");
    zt::send_str(b, "ping");
    EXPECT_EQ(zt::recv_multipart(router), (frames{"A", "ping"}));
    EXPECT_EQ(zt::recv_multipart(router), (frames{"B", "ping"}));

    for (int i = 0; i < 3; ++i) {
        zt::send_multipart(router, {"B", "to B " + std::to_string(i)});
        zt::send_multipart(router, {"A", "to A " + std::to_string(i)});
    }
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(zt::recv_str(a), "to A " + std::to_string(i));
        EXPECT_EQ(zt::recv_str(b), "to B " + std::to_string(i));
    }
}

// A ROUTER that connects names the peer it connects to; the bound side still
// sees the connecting ROUTER under a generated id.
TEST(Router, ConnectRoutingIdNamesThePeer)
{
    zt::context ctx;
    zt::socket server(ctx, ZMQ_ROUTER);
    zt::bind(server, "inproc://server");
    zt::socket client(ctx, ZMQ_ROUTER);
    zt::set_bytes(client, ZMQ_CONNECT_ROUTING_ID, "server");
    zt::connect(client, "inproc://server");

    zt::send_multipart(client, {"server", "hello"});
    const frames request = zt::recv_multipart(server);
    ASSERT_EQ(request.size(), 2u);
    EXPECT_EQ(request[0].size(), 5u);
    EXPECT_EQ(request[1], "hello");

    zt::send_multipart(server, {request[0], "welcome"});
    EXPECT_EQ(zt::recv_multipart(client), (frames{"server", "welcome"}));
}

TEST(Router, ConnectRoutingIdAppliesToOneConnectOnly)
{
    zt::context ctx;
    zt::socket first(ctx, ZMQ_ROUTER), second(ctx, ZMQ_ROUTER);
    zt::set_bytes(first, ZMQ_ROUTING_ID, "first-id");
    zt::set_bytes(second, ZMQ_ROUTING_ID, "second-id");
    zt::bind(first, "inproc://first");
    zt::bind(second, "inproc://second");
    zt::socket client(ctx, ZMQ_ROUTER);
    zt::set_bytes(client, ZMQ_CONNECT_ROUTING_ID, "one");
    zt::connect(client, "inproc://first");
    zt::set_bytes(client, ZMQ_CONNECT_ROUTING_ID, "two");
    zt::connect(client, "inproc://second");

    zt::send_multipart(client, {"two", "to second"});
    zt::send_multipart(client, {"one", "to first"});
    EXPECT_EQ(zt::recv_multipart(first).back(), "to first");
    EXPECT_EQ(zt::recv_multipart(second).back(), "to second");
}

TEST(Router, DropsUnroutableMessagesSilently)
{
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER);
    zt::bind(router, "inproc://router");
    zt::socket dealer(ctx, ZMQ_DEALER);
    zt::set_bytes(dealer, ZMQ_ROUTING_ID, "known");
    zt::connect(dealer, "inproc://router");
    zt::send_str(dealer, "hello");
    ASSERT_EQ(zt::recv_multipart(router), (frames{"known", "hello"}));

    zt::send_multipart(router, {"nobody", "lost"});
    zt::send_multipart(router, {"nobody", "lost", "too"});
    zt::send_multipart(router, {"known", "kept"});
    EXPECT_EQ(zt::recv_str(dealer), "kept");
    EXPECT_TRUE(zt::recv_all_now(dealer).empty());
}

TEST(Router, MandatoryReportsUnroutableMessages)
{
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER);
    zt::set_int(router, ZMQ_ROUTER_MANDATORY, 1);
    zt::bind(router, "inproc://router");
    ZT_EXPECT_ERRNO(zmq_send(router, "nobody", 6, ZMQ_SNDMORE), EHOSTUNREACH);
    ZT_EXPECT_ERRNO(zmq_send(router, "nobody", 6, ZMQ_SNDMORE | ZMQ_DONTWAIT), EHOSTUNREACH);

    zt::socket dealer(ctx, ZMQ_DEALER);
    zt::set_bytes(dealer, ZMQ_ROUTING_ID, "known");
    zt::connect(dealer, "inproc://router");
    zt::send_str(dealer, "hello");
    ASSERT_EQ(zt::recv_multipart(router), (frames{"known", "hello"}));
    ZT_EXPECT_ERRNO(zmq_send(router, "nobody", 6, ZMQ_SNDMORE), EHOSTUNREACH);
    // The refused routing id started no message: the next one is whole.
    zt::send_multipart(router, {"known", "delivered"});
    EXPECT_EQ(zt::recv_multipart(dealer), (frames{"delivered"}));
}

// Without ROUTER_HANDOVER a second connection claiming a routing id already
// in use is refused: its messages never arrive and replies go to the first.
TEST(Router, RefusesADuplicateRoutingId)
{
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER);
    zt::bind(router, "inproc://router");
    zt::socket first(ctx, ZMQ_DEALER), second(ctx, ZMQ_DEALER);
    zt::set_bytes(first, ZMQ_ROUTING_ID, "A");
    zt::set_bytes(second, ZMQ_ROUTING_ID, "A");
    zt::connect(first, "inproc://router");
    zt::connect(second, "inproc://router");

    zt::send_str(first, "first 1");
    // libzmq accepts this into the refused connection's pipe, which the
    // ROUTER never reads; whether the send succeeds is not the point.
    zmq_send(second, "second", 6, ZMQ_DONTWAIT);
    zt::send_str(first, "first 2");
    EXPECT_EQ(zt::recv_multipart(router), (frames{"A", "first 1"}));
    EXPECT_EQ(zt::recv_multipart(router), (frames{"A", "first 2"}));
    EXPECT_TRUE(zt::recv_all_now(router).empty());

    zt::send_multipart(router, {"A", "reply"});
    EXPECT_EQ(zt::recv_str(first), "reply");
    EXPECT_TRUE(zt::recv_all_now(second).empty());
}

TEST(Router, HandoverGivesTheRoutingIdToTheNewConnection)
{
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER);
    zt::set_int(router, ZMQ_ROUTER_HANDOVER, 1);
    zt::bind(router, "inproc://router");
    zt::socket first(ctx, ZMQ_DEALER);
    zt::set_bytes(first, ZMQ_ROUTING_ID, "A");
    zt::connect(first, "inproc://router");
    zt::send_str(first, "from first");
    EXPECT_EQ(zt::recv_multipart(router), (frames{"A", "from first"}));

    zt::socket second(ctx, ZMQ_DEALER);
    zt::set_bytes(second, ZMQ_ROUTING_ID, "A");
    zt::connect(second, "inproc://router");
    zt::send_str(second, "from second");
    EXPECT_EQ(zt::recv_multipart(router), (frames{"A", "from second"}));

    zt::send_multipart(router, {"A", "reply"});
    EXPECT_EQ(zt::recv_str(second), "reply");
    EXPECT_TRUE(zt::recv_all_now(first).empty());
}

TEST(Router, ProbeRouterSendsAnEmptyMessageOnConnect)
{
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER);
    zt::bind(router, "inproc://router");
    zt::socket dealer(ctx, ZMQ_DEALER);
    zt::set_bytes(dealer, ZMQ_ROUTING_ID, "probe");
    zt::set_int(dealer, ZMQ_PROBE_ROUTER, 1);
    zt::connect(dealer, "inproc://router");

    EXPECT_EQ(zt::recv_multipart(router), (frames{"probe", ""}));
    zt::send_multipart(router, {"probe", "seen"});
    EXPECT_EQ(zt::recv_str(dealer), "seen");
}

TEST(Router, ConnectingRouterProbesToo)
{
    zt::context ctx;
    zt::socket server(ctx, ZMQ_ROUTER);
    zt::bind(server, "inproc://server");
    zt::socket client(ctx, ZMQ_ROUTER);
    zt::set_bytes(client, ZMQ_ROUTING_ID, "client");
    zt::set_int(client, ZMQ_PROBE_ROUTER, 1);
    zt::connect(client, "inproc://server");

    EXPECT_EQ(zt::recv_multipart(server), (frames{"client", ""}));
}

} // namespace
