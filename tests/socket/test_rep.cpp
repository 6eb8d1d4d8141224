// REP: receive/send alternation, and the reply envelope it keeps and puts
// back (zmq_socket(3)).
#include "zmq_test.hpp"

namespace {

using frames = std::vector<std::string>;

TEST(Rep, SendBeforeReceiveIsOutOfTurn)
{
    zt::context ctx;
    zt::socket rep(ctx, ZMQ_REP);
    ZT_EXPECT_ERRNO(zmq_send(rep, "x", 1, ZMQ_DONTWAIT), EFSM);
    zt::bind(rep, "inproc://rep");
    ZT_EXPECT_ERRNO(zmq_send(rep, "x", 1, 0), EFSM);
}

TEST(Rep, StrictlyAlternatesReceiveAndSend)
{
    zt::context ctx;
    zt::socket rep(ctx, ZMQ_REP);
    zt::bind(rep, "inproc://rep");
    zt::socket req(ctx, ZMQ_REQ);
    zt::connect(req, "inproc://rep");
    char buf[16];
    ZT_EXPECT_ERRNO(zmq_recv(rep, buf, sizeof buf, ZMQ_DONTWAIT), EAGAIN);

    for (int round = 0; round < 3; ++round) {
        zt::send_str(req, "request");
        ASSERT_EQ(zt::recv_str(rep), "request");
        ZT_EXPECT_ERRNO(zmq_recv(rep, buf, sizeof buf, ZMQ_DONTWAIT), EFSM);
        ZT_EXPECT_ERRNO(zmq_recv(rep, buf, sizeof buf, 0), EFSM);
        zt::send_str(rep, "reply");
        ZT_EXPECT_ERRNO(zmq_send(rep, "again", 5, ZMQ_DONTWAIT), EFSM);
        EXPECT_EQ(zt::recv_str(req), "reply");
    }
}

// A DEALER talking to a REP supplies the envelope itself: every frame up to
// the empty delimiter comes back, unchanged, in front of the reply.
TEST(Rep, EchoesTheEnvelopeInFrontOfTheReply)
{
    zt::context ctx;
    zt::socket rep(ctx, ZMQ_REP);
    zt::bind(rep, "inproc://rep");
    zt::socket dealer(ctx, ZMQ_DEALER);
    zt::connect(dealer, "inproc://rep");

    zt::send_multipart(dealer, {"hop1", "hop2", "", "body", "more"});
    EXPECT_EQ(zt::recv_multipart(rep), (frames{"body", "more"}));
    zt::send_multipart(rep, {"reply", "parts"});
    EXPECT_EQ(zt::recv_multipart(dealer), (frames{"hop1", "hop2", "", "reply", "parts"}));

    zt::send_multipart(dealer, {"", "plain"});
    EXPECT_EQ(zt::recv_multipart(rep), (frames{"plain"}));
    zt::send_str(rep, "back");
    EXPECT_EQ(zt::recv_multipart(dealer), (frames{"", "back"}));
}

TEST(Rep, DropsRequestsWithoutADelimiter)
{
    zt::context ctx;
    zt::socket rep(ctx, ZMQ_REP);
    zt::bind(rep, "inproc://rep");
    zt::socket dealer(ctx, ZMQ_DEALER);
    zt::connect(dealer, "inproc://rep");

    zt::send_multipart(dealer, {"no delimiter"});
    zt::send_multipart(dealer, {"", "ok"});
    EXPECT_EQ(zt::recv_multipart(rep), (frames{"ok"}));
    zt::send_str(rep, "done");
    EXPECT_EQ(zt::recv_multipart(dealer), (frames{"", "done"}));
    EXPECT_TRUE(zt::recv_all_now(rep).empty());
}

TEST(Rep, RepliesToTheRequesterThatAsked)
{
    zt::context ctx;
    zt::socket rep(ctx, ZMQ_REP);
    zt::bind(rep, "inproc://rep");
    zt::socket req0(ctx, ZMQ_REQ), req1(ctx, ZMQ_REQ);
    zt::connect(req0, "inproc://rep");
    zt::connect(req1, "inproc://rep");

    zt::send_str(req0, "from 0");
    zt::send_str(req1, "from 1");
    for (int i = 0; i < 2; ++i) {
        const std::string request = zt::recv_str(rep);
        zt::send_str(rep, "re: " + request);
    }
    EXPECT_EQ(zt::recv_str(req0), "re: from 0");
    EXPECT_EQ(zt::recv_str(req1), "re: from 1");
}

// REQ -> ROUTER | DEALER -> REP, with the hop in the middle done by hand the
// way zmq_proxy does it: the envelopes carry the reply back.
TEST(Rep, ReplyTravelsBackThroughAManualProxy)
{
    zt::context ctx;
    zt::socket frontend(ctx, ZMQ_ROUTER), backend(ctx, ZMQ_DEALER);
    zt::bind(frontend, "inproc://frontend");
    zt::bind(backend, "inproc://backend");
    zt::socket req(ctx, ZMQ_REQ), rep(ctx, ZMQ_REP);
    zt::set_bytes(req, ZMQ_ROUTING_ID, "client");
    zt::connect(req, "inproc://frontend");
    zt::connect(rep, "inproc://backend");

    for (int round = 0; round < 3; ++round) {
        const std::string n = std::to_string(round);
        zt::send_str(req, "request " + n);
        const frames request = zt::recv_multipart(frontend);
        EXPECT_EQ(request, (frames{"client", "", "request " + n}));
        zt::send_multipart(backend, request);

        EXPECT_EQ(zt::recv_str(rep), "request " + n);
        zt::send_str(rep, "reply " + n);

        const frames reply = zt::recv_multipart(backend);
        EXPECT_EQ(reply, (frames{"client", "", "reply " + n}));
        zt::send_multipart(frontend, reply);
        EXPECT_EQ(zt::recv_str(req), "reply " + n);
    }
}

} // namespace
