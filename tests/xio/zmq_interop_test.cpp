// sp endpoints and zmq sockets talk ZMTP 3.1 to each other, both ways:
// a zmq REQ or DEALER calls an SP_REP (directly and through an SP proxy),
// an SP_REQ calls a zmq REP or ROUTER, SP_PUB feeds a zmq SUB. The zmq side
// here is zmx's own libzmq in this process (another context, so tcp and
// ipc); xio_libzmq_interop_test does the same against Debian's libzmq.
#include "sp_test.hpp"
#include "zmq_test.hpp"

namespace {

using xt::echo_server;

class XioZmqInterop : public ::testing::TestWithParam<std::string> {
protected:
    std::string address() { return xt::address(GetParam()); }
    zt::context ctx;
};

INSTANTIATE_TEST_SUITE_P(Transports, XioZmqInterop, ::testing::Values("tcp", "ipc"),
                         [](const auto& info) { return info.param; });

TEST_P(XioZmqInterop, ZmqReqCallsSpRep) {
    const std::string a = address();
    echo_server server;
    ASSERT_GE(sp_listen(server.eid(), a.c_str()), 0);
    server.start();
    zt::socket req(ctx, ZMQ_REQ);
    zt::connect(req, a.c_str());
    for (int i = 0; i < 5; ++i) {
        zt::send_str(req, "req " + std::to_string(i));
        EXPECT_EQ(zt::recv_str(req), "req " + std::to_string(i));
    }
}

TEST_P(XioZmqInterop, ZmqReqCallsSpRepThroughAnSpProxy) {
    const std::string front = address(), back = address();
    echo_server server;
    ASSERT_GE(sp_listen(server.eid(), back.c_str()), 0);
    server.start();
    const int proxy_req = xt::endpoint(SP_REQREP, SP_REQ);
    const int proxy_rep = xt::endpoint(SP_REQREP, SP_REP);
    ASSERT_GE(sp_connect(proxy_req, back.c_str()), 0);
    ASSERT_GE(sp_listen(proxy_rep, front.c_str()), 0);
    ASSERT_EQ(sp_setopt(proxy_rep, SP_PROXY, const_cast<int*>(&proxy_req), sizeof proxy_req), 0);
    zt::socket req(ctx, ZMQ_REQ);
    zt::connect(req, front.c_str());
    for (int i = 0; i < 5; ++i) {
        zt::send_str(req, "via proxy " + std::to_string(i));
        EXPECT_EQ(zt::recv_str(req), "via proxy " + std::to_string(i));
    }
    sp_close(proxy_req);
    sp_close(proxy_rep);
}

TEST_P(XioZmqInterop, ZmqDealerCallsSpRepAndAMultiFrameBodyIsJoined) {
    const std::string a = address();
    echo_server server;
    ASSERT_GE(sp_listen(server.eid(), a.c_str()), 0);
    server.start();
    zt::socket dealer(ctx, ZMQ_DEALER);
    zt::connect(dealer, a.c_str());
    zt::send_multipart(dealer, {"", "one"});
    EXPECT_EQ(zt::recv_multipart(dealer), (std::vector<std::string>{"", "one"}));
    zt::send_multipart(dealer, {"", "hello ", "", "world"});
    EXPECT_EQ(zt::recv_multipart(dealer), (std::vector<std::string>{"", "hello world"}));
    // Without a delimiter there is no way back: the request is dropped.
    zt::send_str(dealer, "no delimiter");
    zt::send_multipart(dealer, {"", "after"});
    EXPECT_EQ(zt::recv_multipart(dealer), (std::vector<std::string>{"", "after"}));
}

TEST_P(XioZmqInterop, SpReqCallsZmqRep) {
    const std::string a = address();
    zt::socket rep(ctx, ZMQ_REP);
    zt::bind(rep, a.c_str());
    const int client = xt::endpoint(SP_REQREP, SP_REQ);
    ASSERT_GE(sp_connect(client, a.c_str()), 0);
    for (int i = 0; i < 5; ++i) {
        ASSERT_EQ(sp_send(client, xt::ubuf_of("ask " + std::to_string(i))), 0);
        EXPECT_EQ(zt::recv_str(rep), "ask " + std::to_string(i));
        zt::send_str(rep, "answer " + std::to_string(i));
        char* reply = nullptr;
        ASSERT_EQ(sp_recv(client, &reply), 0) << strerror(errno);
        EXPECT_EQ(xt::take_string(reply), "answer " + std::to_string(i));
    }
    sp_close(client);
}

TEST_P(XioZmqInterop, SpReqCallsZmqRouter) {
    const std::string a = address();
    zt::socket router(ctx, ZMQ_ROUTER);
    zt::bind(router, a.c_str());
    const int client = xt::endpoint(SP_REQREP, SP_REQ);
    ASSERT_GE(sp_connect(client, a.c_str()), 0);
    ASSERT_EQ(sp_send(client, xt::ubuf_of("to a router")), 0);
    // [peer id][SP_REQ's request tag][empty delimiter][body]
    auto request = zt::recv_multipart(router);
    ASSERT_EQ(request.size(), 4u);
    EXPECT_EQ(request[1].size(), 6u);
    EXPECT_EQ(request[2], "");
    EXPECT_EQ(request[3], "to a router");
    request[3] = "the router's answer";
    zt::send_multipart(router, request);
    char* reply = nullptr;
    ASSERT_EQ(sp_recv(client, &reply), 0) << strerror(errno);
    EXPECT_EQ(xt::take_string(reply), "the router's answer");
    sp_close(client);
}

TEST_P(XioZmqInterop, SpPubFeedsZmqSub) {
    const std::string a = address();
    const int pub = xt::endpoint(SP_PUBSUB, SP_PUB);
    ASSERT_GE(sp_listen(pub, a.c_str()), 0);
    zt::socket sub(ctx, ZMQ_SUB);
    zt::set_bytes(sub, ZMQ_SUBSCRIBE, "");
    zt::connect(sub, a.c_str());
    constexpr int retry_ms = 10;
    std::string got;
    for (int waited = 0; got.empty() && waited < xt::safety_timeout_ms; waited += retry_ms) {
        ASSERT_EQ(sp_send(pub, xt::ubuf_of("news")), 0);
        if (zt::wait_readable(sub, retry_ms))
            got = zt::recv_str(sub);
    }
    EXPECT_EQ(got, "news");
    sp_close(pub);
}

} // namespace
