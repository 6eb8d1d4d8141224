// zmq_proxy: the queue, forwarder and streamer devices, the capture socket,
// and the proxy's end when its context is terminated.
#include "proxy_thread.hpp"

namespace {

using zt::recv_str;
using zt::send_str;

// Answers "<name>:<request>" on rep until its context ends.
void serve_echo(void* rep, const std::string& name) {
    char request[256];
    for (;;) {
        const int size = zmq_recv(rep, request, sizeof request, 0);
        if (size < 0)
            return;  // ETERM
        const std::string reply = name + ":" + std::string(request, static_cast<size_t>(size));
        if (zmq_send(rep, reply.data(), reply.size(), 0) < 0)
            return;
    }
}

// A REP worker thread. The test may end, shutting the context down, before
// the worker even starts (when another worker served every request): then
// the worker just leaves.
zt::context_thread start_echo_worker(void* ctx, const char* endpoint, std::string name) {
    return zt::context_thread(ctx, [ctx, endpoint, name] {
        void* rep = zmq_socket(ctx, ZMQ_REP);
        if (!rep) {
            EXPECT_EQ(zmq_errno(), ETERM);
            return;
        }
        if (zmq_connect(rep, endpoint) == 0)
            serve_echo(rep, name);
        else
            EXPECT_EQ(zmq_errno(), ETERM);
        zmq_close(rep);
    });
}

// Sockets of two types bound to inproc://front and inproc://back, and the
// proxy between them once started: the set-up the tests share.
struct proxied {
    zt::context ctx;
    zt::socket frontend;
    zt::socket backend;
    zt::proxy_result result;

    proxied(int frontend_type, int backend_type) : frontend(ctx, frontend_type), backend(ctx, backend_type) {
        zt::bind(frontend, "inproc://front");
        zt::bind(backend, "inproc://back");
    }
    zt::context_thread start(zt::socket* capture = nullptr) {
        return zt::run_proxy(ctx, result, frontend, backend, capture);
    }
};

TEST(Proxy, NullSocketIsEfault) {
    ZT_EXPECT_ERRNO(zmq_proxy(nullptr, nullptr, nullptr), EFAULT);
}

TEST(Proxy, ReturnsEtermWhenTheContextIsTerminated) {
    proxied p(ZMQ_PULL, ZMQ_PUSH);
    auto proxy = p.start();

    // zmq_ctx_term returns once the proxy thread has closed its sockets.
    EXPECT_EQ(p.ctx.term(), 0);
    proxy.join();
    EXPECT_EQ(p.result.rc, -1);
    EXPECT_EQ(p.result.error, ETERM);
}

TEST(Proxy, RouterDealerQueueBetweenReqClientsAndRepWorkers) {
    proxied p(ZMQ_ROUTER, ZMQ_DEALER);
    auto proxy = p.start();
    auto worker1 = start_echo_worker(p.ctx, "inproc://back", "w1");
    auto worker2 = start_echo_worker(p.ctx, "inproc://back", "w2");

    {
        zt::socket clients[3] = {{p.ctx, ZMQ_REQ}, {p.ctx, ZMQ_REQ}, {p.ctx, ZMQ_REQ}};
        for (auto& client : clients) zt::connect(client, "inproc://front");
        for (int round = 0; round < 10; ++round) {
            for (int c = 0; c < 3; ++c)
                send_str(clients[c], "c" + std::to_string(c) + "r" + std::to_string(round));
            for (int c = 0; c < 3; ++c) {
                const std::string reply = recv_str(clients[c]);
                const std::string expected = "c" + std::to_string(c) + "r" + std::to_string(round);
                EXPECT_TRUE(reply == "w1:" + expected || reply == "w2:" + expected) << reply;
            }
        }
    }
    proxy.stop();
    EXPECT_EQ(p.result.rc, -1);
    EXPECT_EQ(p.result.error, ETERM);
}

TEST(Proxy, XsubXpubForwarderPassesSubscriptionsUpAndMessagesDown) {
    proxied p(ZMQ_XSUB, ZMQ_XPUB);
    auto proxy = p.start();

    zt::socket publisher(p.ctx, ZMQ_XPUB);  // an XPUB, to see subscriptions arrive
    zt::socket subscriber(p.ctx, ZMQ_SUB);
    zt::connect(publisher, "inproc://front");
    zt::connect(subscriber, "inproc://back");
    zt::set_bytes(subscriber, ZMQ_SUBSCRIBE, "news");
    EXPECT_EQ(recv_str(publisher), zt::subscription("news"));

    send_str(publisher, "weather");
    zt::send_multipart(publisher, {"news", "body"});
    EXPECT_EQ(zt::recv_multipart(subscriber), (std::vector<std::string>{"news", "body"}));

    zt::set_bytes(subscriber, ZMQ_UNSUBSCRIBE, "news");
    EXPECT_EQ(recv_str(publisher), zt::unsubscription("news"));
}

// The next message that is not a probe: through a proxy, a probe sent again
// while the first was on its way may still arrive after it.
std::string recv_past_probes(void* sub) {
    std::string message;
    do
        message = recv_str(sub);
    while (message.starts_with("probe "));
    return message;
}

TEST(Proxy, ForwarderServesAPlainPublisherAndSeveralSubscribers) {
    proxied p(ZMQ_XSUB, ZMQ_XPUB);
    auto proxy = p.start();

    zt::socket publisher(p.ctx, ZMQ_PUB);
    zt::socket sub_a(p.ctx, ZMQ_SUB);
    zt::socket sub_b(p.ctx, ZMQ_SUB);
    zt::connect(publisher, "inproc://front");
    for (auto [sub, topic] : {std::pair<void*, const char*>{sub_a, "a"}, {sub_b, "b"}}) {
        zt::connect(sub, "inproc://back");
        zt::set_bytes(sub, ZMQ_SUBSCRIBE, topic);
        zt::set_bytes(sub, ZMQ_SUBSCRIBE, std::string("probe ") + topic);
        ASSERT_TRUE(zt::publish_until_received(publisher, sub, std::string("probe ") + topic));
    }
    send_str(publisher, "a1");
    send_str(publisher, "b1");
    send_str(publisher, "c1");
    send_str(publisher, "a2");
    EXPECT_EQ(recv_past_probes(sub_a), "a1");
    EXPECT_EQ(recv_str(sub_a), "a2");
    EXPECT_EQ(recv_past_probes(sub_b), "b1");
}

TEST(Proxy, PullPushStreamerKeepsOrderAndFrames) {
    proxied p(ZMQ_PULL, ZMQ_PUSH);
    auto proxy = p.start();

    zt::socket producer(p.ctx, ZMQ_PUSH);
    zt::socket consumer(p.ctx, ZMQ_PULL);
    zt::connect(producer, "inproc://front");
    zt::connect(consumer, "inproc://back");
    constexpr int count = 1000;
    for (int i = 0; i < count; ++i) send_str(producer, std::to_string(i));
    zt::send_multipart(producer, {"head", "", "tail"});
    for (int i = 0; i < count; ++i) ASSERT_EQ(recv_str(consumer), std::to_string(i));
    EXPECT_EQ(zt::recv_multipart(consumer), (std::vector<std::string>{"head", "", "tail"}));
}

// A ROUTER_MANDATORY frontend refuses a reply for a client it does not
// know, and the proxy ends with that send's error. (With a client
// connected: libzmq's mandatory ROUTER has no ZMQ_POLLOUT without a peer.)
TEST(Proxy, AnUnroutableReplyEndsTheProxyWithEhostunreach) {
    proxied p(ZMQ_ROUTER, ZMQ_DEALER);
    zt::set_int(p.frontend, ZMQ_ROUTER_MANDATORY, 1);
    zt::socket client(p.ctx, ZMQ_DEALER);
    zt::socket worker(p.ctx, ZMQ_DEALER);
    zt::connect(client, "inproc://front");
    zt::connect(worker, "inproc://back");
    auto proxy = p.start();

    zt::send_multipart(worker, {"nobody", "reply"});
    proxy.join();
    EXPECT_EQ(p.result.rc, -1);
    EXPECT_EQ(p.result.error, EHOSTUNREACH);
}

// A DEALER backend with no worker has no room: requests wait in the
// frontend, and reach the first worker that connects.
TEST(Proxy, RequestsWaitForAWorker) {
    proxied p(ZMQ_ROUTER, ZMQ_DEALER);
    auto proxy = p.start();

    zt::socket client(p.ctx, ZMQ_REQ);
    zt::connect(client, "inproc://front");
    send_str(client, "early");
    zt::socket worker(p.ctx, ZMQ_REP);
    zt::connect(worker, "inproc://back");
    EXPECT_EQ(recv_str(worker), "early");
    send_str(worker, "answered");
    EXPECT_EQ(recv_str(client), "answered");
}

// The capture socket gets each frame with its MORE flag, in both directions.
TEST(Proxy, CaptureReceivesACopyOfEveryFrame) {
    proxied p(ZMQ_ROUTER, ZMQ_DEALER);
    zt::capture_pair copies(p.ctx, ZMQ_PUSH, ZMQ_PULL);
    auto proxy = p.start(&copies.capture);
    auto worker = start_echo_worker(p.ctx, "inproc://back", "w");

    zt::socket client(p.ctx, ZMQ_REQ);
    zt::set_bytes(client, ZMQ_ROUTING_ID, "client");
    zt::connect(client, "inproc://front");
    send_str(client, "hello");
    EXPECT_EQ(recv_str(client), "w:hello");

    // ROUTER -> DEALER: routing id, REQ's empty delimiter, body; and back.
    EXPECT_EQ(zt::recv_multipart(copies.listener), (std::vector<std::string>{"client", "", "hello"}));
    EXPECT_EQ(zt::recv_multipart(copies.listener), (std::vector<std::string>{"client", "", "w:hello"}));
    EXPECT_TRUE(zt::recv_all_now(copies.listener).empty());
}

TEST(Proxy, CaptureOfAStreamerSeesMultipartMessagesWhole) {
    proxied p(ZMQ_PULL, ZMQ_PUSH);
    zt::capture_pair copies(p.ctx, ZMQ_PAIR, ZMQ_PAIR);
    auto proxy = p.start(&copies.capture);

    zt::socket producer(p.ctx, ZMQ_PUSH);
    zt::socket consumer(p.ctx, ZMQ_PULL);
    zt::connect(producer, "inproc://front");
    zt::connect(consumer, "inproc://back");
    zt::send_multipart(producer, {"a", "b", "c"});
    send_str(producer, "d");
    EXPECT_EQ(zt::recv_multipart(consumer), (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(recv_str(consumer), "d");
    EXPECT_EQ(zt::recv_multipart(copies.listener), (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(zt::recv_multipart(copies.listener), (std::vector<std::string>{"d"}));
}

} // namespace
