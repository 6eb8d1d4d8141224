// inproc endpoints: connect before bind, disconnect and unbind by endpoint
// string, many sockets on many endpoints (zmq_connect(3), zmq_bind(3),
// zmq_disconnect(3), zmq_unbind(3), zmq_inproc(7)).
#include "zmq_test.hpp"

#include <set>

namespace {

using frames = std::vector<std::string>;

TEST(Endpoints, ConnectBeforeBindDeliversWhatWasQueued)
{
    zt::context ctx;
    zt::socket push(ctx, ZMQ_PUSH);
    zt::connect(push, "inproc://later");
    zt::send_str(push, "early 1");
    zt::send_multipart(push, {"early", "2"});

    zt::socket pull(ctx, ZMQ_PULL);
    zt::bind(pull, "inproc://later");
    EXPECT_EQ(zt::recv_multipart(pull), (frames{"early 1"}));
    EXPECT_EQ(zt::recv_multipart(pull), (frames{"early", "2"}));
    zt::send_str(push, "late");
    EXPECT_EQ(zt::recv_str(pull), "late");
}

TEST(Endpoints, ConnectBeforeBindWorksForRequestReply)
{
    zt::context ctx;
    zt::socket req(ctx, ZMQ_REQ);
    zt::connect(req, "inproc://service");
    zt::send_str(req, "question");

    zt::socket rep(ctx, ZMQ_REP);
    zt::bind(rep, "inproc://service");
    EXPECT_EQ(zt::recv_str(rep), "question");
    zt::send_str(rep, "answer");
    EXPECT_EQ(zt::recv_str(req), "answer");
}

// Senders that connected, sent and closed before the bind each had their
// own connection waiting: the binder gets every message, not only the last
// sender's.
TEST(Endpoints, ConnectBeforeBindDeliversFromSendersThatAlreadyClosed)
{
    constexpr int senders = 5;
    zt::context ctx;
    for (int i = 0; i < senders; ++i) {
        zt::socket push(ctx, ZMQ_PUSH);
        zt::connect(push, "inproc://closed-early");
        zt::send_str(push, "from " + std::to_string(i));
    }
    zt::socket pull(ctx, ZMQ_PULL);
    zt::bind(pull, "inproc://closed-early");
    std::set<std::string> received;
    for (int i = 0; i < senders; ++i)
        received.insert(zt::recv_str(pull));
    EXPECT_EQ(received, (std::set<std::string>{"from 0", "from 1", "from 2", "from 3", "from 4"}));
}

TEST(Endpoints, BindingANameTwiceFails)
{
    zt::context ctx;
    zt::socket first(ctx, ZMQ_PULL), second(ctx, ZMQ_PULL);
    zt::bind(first, "inproc://name");
    ZT_EXPECT_ERRNO(zmq_bind(second, "inproc://name"), EADDRINUSE);
    ZT_EXPECT_ERRNO(zmq_bind(first, "inproc://name"), EADDRINUSE);
}

TEST(Endpoints, UnknownEndpointsCannotBeDisconnectedOrUnbound)
{
    zt::context ctx;
    zt::socket s(ctx, ZMQ_PUSH);
    ZT_EXPECT_ERRNO(zmq_disconnect(s, "inproc://nothing"), ENOENT);
    ZT_EXPECT_ERRNO(zmq_unbind(s, "inproc://nothing"), ENOENT);
}

// libzmq 4.3.4 ends an inproc endpoint the same way whichever call names it:
// zmq_disconnect releases a bound name and zmq_unbind drops a connection.
TEST(Endpoints, InprocUnbindAndDisconnectAreInterchangeable)
{
    zt::context ctx;
    zt::socket s(ctx, ZMQ_PUSH);
    zt::bind(s, "inproc://bound");
    EXPECT_EQ(zmq_disconnect(s, "inproc://bound"), 0) << zmq_strerror(zmq_errno());
    zt::socket successor(ctx, ZMQ_PULL);
    zt::bind(successor, "inproc://bound");

    zt::socket gone(ctx, ZMQ_PULL), kept(ctx, ZMQ_PULL);
    zt::bind(gone, "inproc://gone");
    zt::bind(kept, "inproc://kept");
    zt::connect(s, "inproc://gone");
    zt::connect(s, "inproc://kept");
    EXPECT_EQ(zmq_unbind(s, "inproc://gone"), 0) << zmq_strerror(zmq_errno());
    ZT_EXPECT_ERRNO(zmq_disconnect(s, "inproc://gone"), ENOENT);
    zt::send_str(s, "1");
    zt::send_str(s, "2");
    EXPECT_EQ(zt::recv_all_now(kept), (frames{"1", "2"}));
    EXPECT_TRUE(zt::recv_all_now(gone).empty());
}

TEST(Endpoints, DisconnectStopsSendingToThatPeer)
{
    zt::context ctx;
    zt::socket gone(ctx, ZMQ_PULL), kept(ctx, ZMQ_PULL);
    zt::bind(gone, "inproc://gone");
    zt::bind(kept, "inproc://kept");
    zt::socket push(ctx, ZMQ_PUSH);
    zt::connect(push, "inproc://gone");
    zt::connect(push, "inproc://kept");

    ASSERT_EQ(zmq_disconnect(push, "inproc://gone"), 0) << zmq_strerror(zmq_errno());
    for (int i = 0; i < 4; ++i)
        zt::send_str(push, std::to_string(i));
    for (int i = 0; i < 4; ++i)
        EXPECT_EQ(zt::recv_str(kept), std::to_string(i));
    EXPECT_TRUE(zt::recv_all_now(gone).empty());
    ZT_EXPECT_ERRNO(zmq_disconnect(push, "inproc://gone"), ENOENT);
}

// Unbinding frees the name for another bind; in libzmq 4.3.4 connections
// already made through an inproc name outlive its unbind.
TEST(Endpoints, UnbindFreesTheNameAndKeepsExistingConnections)
{
    zt::context ctx;
    zt::socket push(ctx, ZMQ_PUSH), pull(ctx, ZMQ_PULL);
    zt::bind(push, "inproc://name");
    zt::connect(pull, "inproc://name");
    zt::send_str(push, "before");
    EXPECT_EQ(zt::recv_str(pull), "before");

    ASSERT_EQ(zmq_unbind(push, "inproc://name"), 0) << zmq_strerror(zmq_errno());
    ZT_EXPECT_ERRNO(zmq_unbind(push, "inproc://name"), ENOENT);
    zt::send_str(push, "after");
    EXPECT_EQ(zt::recv_str(pull), "after");

    zt::socket successor(ctx, ZMQ_PUSH);
    zt::bind(successor, "inproc://name");
    zt::socket newcomer(ctx, ZMQ_PULL);
    zt::connect(newcomer, "inproc://name");
    zt::send_str(successor, "from successor");
    EXPECT_EQ(zt::recv_str(newcomer), "from successor");
}

TEST(Endpoints, OneSocketBindsSeveralNames)
{
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    zt::bind(pull, "inproc://one");
    zt::bind(pull, "inproc://two");
    zt::socket a(ctx, ZMQ_PUSH), b(ctx, ZMQ_PUSH);
    zt::connect(a, "inproc://one");
    zt::connect(b, "inproc://two");
    zt::send_str(a, "via one");
    zt::send_str(b, "via two");
    const std::set<std::string> got{zt::recv_str(pull), zt::recv_str(pull)};
    EXPECT_EQ(got, (std::set<std::string>{"via one", "via two"}));
}

// Three PUSHes each connected to both PULLs: each PUSH alternates between
// them, so each PULL gets exactly half of every sender's messages.
TEST(Endpoints, ManyToMany)
{
    zt::context ctx;
    zt::socket left(ctx, ZMQ_PULL), right(ctx, ZMQ_PULL);
    zt::bind(left, "inproc://left");
    zt::bind(right, "inproc://right");
    zt::socket p0(ctx, ZMQ_PUSH), p1(ctx, ZMQ_PUSH), p2(ctx, ZMQ_PUSH);
    void* pushes[] = {p0, p1, p2};
    for (void* push : pushes) {
        zt::connect(push, "inproc://left");
        zt::connect(push, "inproc://right");
    }
    for (int p = 0; p < 3; ++p)
        for (int m = 0; m < 4; ++m)
            zt::send_str(pushes[p], std::to_string(p) + "-" + std::to_string(m));

    std::multiset<std::string> at_left, at_right;
    for (int i = 0; i < 6; ++i) {
        at_left.insert(zt::recv_str(left));
        at_right.insert(zt::recv_str(right));
    }
    EXPECT_EQ(at_left, (std::multiset<std::string>{"0-0", "0-2", "1-0", "1-2", "2-0", "2-2"}));
    EXPECT_EQ(at_right, (std::multiset<std::string>{"0-1", "0-3", "1-1", "1-3", "2-1", "2-3"}));
    EXPECT_TRUE(zt::recv_all_now(left).empty());
    EXPECT_TRUE(zt::recv_all_now(right).empty());
}

} // namespace
