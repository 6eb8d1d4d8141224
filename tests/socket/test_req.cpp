// REQ: strict send/receive alternation, the empty delimiter it adds,
// round-robin across peers, REQ_RELAXED and REQ_CORRELATE (zmq_socket(3),
// zmq_setsockopt(3)).
#include "zmq_test.hpp"

#include <cstdint>
#include <cstring>

namespace {

using frames = std::vector<std::string>;

TEST(Req, ReceiveBeforeSendIsOutOfTurn)
{
    zt::context ctx;
    zt::socket req(ctx, ZMQ_REQ);
    char buf[8];
    ZT_EXPECT_ERRNO(zmq_recv(req, buf, sizeof buf, ZMQ_DONTWAIT), EFSM);
    zt::bind(req, "inproc://req");
    ZT_EXPECT_ERRNO(zmq_recv(req, buf, sizeof buf, 0), EFSM);
}

TEST(Req, StrictlyAlternatesSendAndReceive)
{
    zt::context ctx;
    zt::socket req(ctx, ZMQ_REQ);
    zt::bind(req, "inproc://req");
    zt::socket rep(ctx, ZMQ_REP);
    zt::connect(rep, "inproc://req");

    for (int round = 0; round < 3; ++round) {
        zt::send_str(req, "request");
        ZT_EXPECT_ERRNO(zmq_send(req, "again", 5, ZMQ_DONTWAIT), EFSM);
        ZT_EXPECT_ERRNO(zmq_send(req, "again", 5, 0), EFSM);
        ASSERT_EQ(zt::recv_str(rep), "request");
        zt::send_str(rep, "reply");
        EXPECT_EQ(zt::recv_str(req), "reply");
        char buf[8];
        ZT_EXPECT_ERRNO(zmq_recv(req, buf, sizeof buf, ZMQ_DONTWAIT), EFSM);
    }
}

TEST(Req, WaitingForAReplyWouldBlock)
{
    zt::context ctx;
    zt::socket req(ctx, ZMQ_REQ);
    zt::bind(req, "inproc://req");
    zt::socket rep(ctx, ZMQ_REP);
    zt::connect(rep, "inproc://req");
    zt::send_str(req, "request");
    char buf[8];
    ZT_EXPECT_ERRNO(zmq_recv(req, buf, sizeof buf, ZMQ_DONTWAIT), EAGAIN);
}

TEST(Req, WithoutPeersWouldBlock)
{
    zt::context ctx;
    zt::socket req(ctx, ZMQ_REQ);
    ZT_EXPECT_ERRNO(zmq_send(req, "x", 1, ZMQ_DONTWAIT), EAGAIN);
    // The refused request left the socket ready to send, not to receive.
    char buf[8];
    ZT_EXPECT_ERRNO(zmq_recv(req, buf, sizeof buf, ZMQ_DONTWAIT), EFSM);
}

TEST(Req, MultipartRequestAndReply)
{
    zt::context ctx;
    zt::socket req(ctx, ZMQ_REQ);
    zt::bind(req, "inproc://req");
    zt::socket rep(ctx, ZMQ_REP);
    zt::connect(rep, "inproc://req");
    zt::send_multipart(req, {"a", "", "c"});
    EXPECT_EQ(zt::recv_multipart(rep), (frames{"a", "", "c"}));
    zt::send_multipart(rep, {"1", "2"});
    EXPECT_EQ(zt::recv_multipart(req), (frames{"1", "2"}));
}

TEST(Req, RouterSeesTheEmptyDelimiter)
{
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER);
    zt::bind(router, "inproc://router");
    zt::socket req(ctx, ZMQ_REQ);
    zt::set_bytes(req, ZMQ_ROUTING_ID, "Q");
    zt::connect(req, "inproc://router");

    zt::send_multipart(req, {"hello", "world"});
    EXPECT_EQ(zt::recv_multipart(router), (frames{"Q", "", "hello", "world"}));
    zt::send_multipart(router, {"Q", "", "reply"});
    EXPECT_EQ(zt::recv_multipart(req), (frames{"reply"}));
}

TEST(Req, DropsRepliesWithoutTheDelimiter)
{
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER);
    zt::bind(router, "inproc://router");
    zt::socket req(ctx, ZMQ_REQ);
    zt::set_bytes(req, ZMQ_ROUTING_ID, "Q");
    zt::connect(req, "inproc://router");
    zt::send_str(req, "hello");
    ASSERT_EQ(zt::recv_multipart(router), (frames{"Q", "", "hello"}));

    zt::send_multipart(router, {"Q", "no delimiter"});
    zt::send_multipart(router, {"Q", "", "good"});
    EXPECT_EQ(zt::recv_multipart(req), (frames{"good"}));
}

TEST(Req, RoundRobinsRequestsAcrossReps)
{
    zt::context ctx;
    zt::socket rep0(ctx, ZMQ_REP), rep1(ctx, ZMQ_REP), rep2(ctx, ZMQ_REP);
    void* reps[] = {rep0, rep1, rep2};
    zt::bind(rep0, "inproc://rep0");
    zt::bind(rep1, "inproc://rep1");
    zt::bind(rep2, "inproc://rep2");
    zt::socket req(ctx, ZMQ_REQ);
    zt::connect(req, "inproc://rep0");
    zt::connect(req, "inproc://rep1");
    zt::connect(req, "inproc://rep2");

    for (int i = 0; i < 6; ++i) {
        void* rep = reps[i % 3];
        zt::send_str(req, std::to_string(i));
        ASSERT_EQ(zt::recv_str(rep), std::to_string(i));
        zt::send_str(rep, "from " + std::to_string(i % 3));
        EXPECT_EQ(zt::recv_str(req), "from " + std::to_string(i % 3));
    }
}

// With REQ_CORRELATE every request carries a 4-byte request id before the
// delimiter; each new request's id is the previous one plus one (as a
// native-endian 32-bit integer, the way libzmq writes it).
TEST(Req, CorrelatePrefixesARequestId)
{
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER);
    zt::bind(router, "inproc://router");
    zt::socket req(ctx, ZMQ_REQ);
    zt::set_bytes(req, ZMQ_ROUTING_ID, "Q");
    zt::set_int(req, ZMQ_REQ_CORRELATE, 1);
    zt::connect(req, "inproc://router");

    zt::send_str(req, "first");
    const frames first = zt::recv_multipart(router);
    ASSERT_EQ(first.size(), 4u);
    EXPECT_EQ(first[0], "Q");
    ASSERT_EQ(first[1].size(), 4u);
    EXPECT_EQ(first[2], "");
    EXPECT_EQ(first[3], "first");

    // A reply carrying another request id is dropped.
    std::string wrong_id = first[1];
    wrong_id[0] = static_cast<char>(wrong_id[0] ^ 0x55);
    zt::send_multipart(router, {"Q", wrong_id, "", "stale"});
    zt::send_multipart(router, {"Q", first[1], "", "matching"});
    EXPECT_EQ(zt::recv_multipart(req), (frames{"matching"}));

    zt::send_str(req, "second");
    const frames second = zt::recv_multipart(router);
    ASSERT_EQ(second.size(), 4u);
    ASSERT_EQ(second[1].size(), 4u);
    std::uint32_t first_id = 0, second_id = 0;
    std::memcpy(&first_id, first[1].data(), 4);
    std::memcpy(&second_id, second[1].data(), 4);
    EXPECT_EQ(second_id, first_id + 1);
}

TEST(Req, RelaxedStillRefusesToReceiveBeforeSending)
{
    zt::context ctx;
    zt::socket req(ctx, ZMQ_REQ);
    zt::set_int(req, ZMQ_REQ_RELAXED, 1);
    char buf[8];
    ZT_EXPECT_ERRNO(zmq_recv(req, buf, sizeof buf, ZMQ_DONTWAIT), EFSM);
}

TEST(Req, RelaxedAllowsANewRequestBeforeTheReply)
{
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER);
    zt::bind(router, "inproc://router");
    zt::socket req(ctx, ZMQ_REQ);
    zt::set_bytes(req, ZMQ_ROUTING_ID, "Q");
    zt::set_int(req, ZMQ_REQ_RELAXED, 1);
    zt::connect(req, "inproc://router");

    zt::send_str(req, "one");
    EXPECT_EQ(zt::recv_multipart(router), (frames{"Q", "", "one"}));
    zt::send_str(req, "two");
    EXPECT_EQ(zt::recv_multipart(router), (frames{"Q", "", "two"}));

    // Without REQ_CORRELATE nothing tells the replies apart: the first one
    // to arrive is taken, then the REQ is back to sending.
    zt::send_multipart(router, {"Q", "", "reply one"});
    zt::send_multipart(router, {"Q", "", "reply two"});
    EXPECT_EQ(zt::recv_multipart(req), (frames{"reply one"}));
    char buf[16];
    ZT_EXPECT_ERRNO(zmq_recv(req, buf, sizeof buf, ZMQ_DONTWAIT), EFSM);
}

TEST(Req, RelaxedWithCorrelateTakesOnlyTheLatestReply)
{
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER);
    zt::bind(router, "inproc://router");
    zt::socket req(ctx, ZMQ_REQ);
    zt::set_bytes(req, ZMQ_ROUTING_ID, "Q");
    zt::set_int(req, ZMQ_REQ_RELAXED, 1);
    zt::set_int(req, ZMQ_REQ_CORRELATE, 1);
    zt::connect(req, "inproc://router");

    zt::send_str(req, "one");
    const frames one = zt::recv_multipart(router);
    zt::send_str(req, "two");
    const frames two = zt::recv_multipart(router);
    ASSERT_EQ(one.size(), 4u);
    ASSERT_EQ(two.size(), 4u);
    EXPECT_NE(one[1], two[1]);

    zt::send_multipart(router, {"Q", one[1], "", "reply one"});
    zt::send_multipart(router, {"Q", two[1], "", "reply two"});
    EXPECT_EQ(zt::recv_multipart(req), (frames{"reply two"}));
}

TEST(Req, RelaxedWithCorrelateWorksWithRep)
{
    zt::context ctx;
    zt::socket req(ctx, ZMQ_REQ);
    zt::set_int(req, ZMQ_REQ_RELAXED, 1);
    zt::set_int(req, ZMQ_REQ_CORRELATE, 1);
    zt::bind(req, "inproc://req");
    zt::socket rep(ctx, ZMQ_REP);
    zt::connect(rep, "inproc://req");

    zt::send_str(req, "one");
    ASSERT_EQ(zt::recv_str(rep), "one");
    zt::send_str(req, "two");
    zt::send_str(rep, "reply one");
    ASSERT_EQ(zt::recv_str(rep), "two");
    zt::send_str(rep, "reply two");
    EXPECT_EQ(zt::recv_str(req), "reply two");
}

} // namespace
