// zmx_proxy: zmq_proxy_steerable's proxy with refusals dropped and counted
// (ZMX_PROXY_DROP_REFUSED), and the DRAIN and SOCKET_STATS commands.
#include "proxy_thread.hpp"

#include <zmx.h>

namespace {

using zt::recv_str;
using zt::send_str;

int dropping_proxy(void* frontend, void* backend, void* capture, void* control) {
    return zmx_proxy(frontend, backend, capture, control, ZMX_PROXY_DROP_REFUSED);
}

class ZmxProxy : public ::testing::Test {
protected:
    zt::context ctx;
    zt::socket control{ctx, ZMQ_PAIR};
    zt::socket steer{ctx, ZMQ_PAIR};
    zt::proxy_result result;

    void SetUp() override {
        zt::bind(control, "inproc://control");
        zt::connect(steer, "inproc://control");
    }

    // frontend and backend, bound to inproc://front and inproc://back.
    zt::context_thread start(zt::socket& frontend, zt::socket& backend, zt::proxy_call call = dropping_proxy) {
        zt::bind(frontend, "inproc://front");
        zt::bind(backend, "inproc://back");
        return zt::run_proxy(ctx, result, frontend, backend, nullptr, &control, call);
    }

    // The counters once the proxy has served what was sent before this
    // call: the first answer may come in the round that also forwards it,
    // the second comes after.
    std::vector<uint64_t> settled_statistics() {
        zt::ask_statistics(steer);
        return zt::ask_statistics(steer);
    }

    void terminate(zt::context_thread& proxy) {
        send_str(steer, "TERMINATE");
        proxy.join();
        EXPECT_EQ(result.rc, 0);
    }
};

TEST_F(ZmxProxy, UnknownFlagsAreEinval) {
    zt::socket frontend(ctx, ZMQ_PULL);
    zt::socket backend(ctx, ZMQ_PUSH);
    ZT_EXPECT_ERRNO(zmx_proxy(frontend, backend, nullptr, nullptr, 2), EINVAL);
}

TEST_F(ZmxProxy, AMissingOrClosedSocketIsEfault) {
    zt::socket backend(ctx, ZMQ_PUSH);
    ZT_EXPECT_ERRNO(zmx_proxy(nullptr, backend, nullptr, nullptr, 0), EFAULT);
    void* closed = zmq_socket(ctx, ZMQ_PULL);
    ASSERT_EQ(zmq_close(closed), 0);
    ZT_EXPECT_ERRNO(zmx_proxy(closed, backend, nullptr, nullptr, 0), EFAULT);
}

// The reply's first frame names a client the ROUTER does not have: the
// whole reply is dropped, counted in by the backend and not out by the
// frontend, and the proxy goes on. SOCKET_STATS, each side's
// zmx_socket_stats from the proxy's thread, has it as unroutable.
TEST_F(ZmxProxy, AnUnroutableReplyIsDroppedAndCounted) {
    zt::socket frontend(ctx, ZMQ_ROUTER);
    zt::socket backend(ctx, ZMQ_DEALER);
    zt::set_int(frontend, ZMQ_ROUTER_MANDATORY, 1);
    auto proxy = start(frontend, backend);
    zt::socket worker(ctx, ZMQ_DEALER);
    zt::connect(worker, "inproc://back");
    zt::send_multipart(worker, {"nobody", "reply"});
    EXPECT_EQ(settled_statistics(), (std::vector<uint64_t>{0, 0, 0, 0, 1, 11, 0, 0}));
    send_str(steer, "SOCKET_STATS");
    const std::vector<std::string> answer = zt::recv_multipart(steer);
    ASSERT_EQ(answer.size(), 2u);
    struct zmx_socket_stats front, back;
    ASSERT_EQ(answer[0].size(), sizeof front);
    ASSERT_EQ(answer[1].size(), sizeof back);
    std::memcpy(&front, answer[0].data(), sizeof front);
    std::memcpy(&back, answer[1].data(), sizeof back);
    EXPECT_EQ(front.dropped_unroutable, 1u);
    EXPECT_EQ(back.msgs_received, 1u);
    EXPECT_EQ(back.peers_now, 1u);
    terminate(proxy);
}

// Dropping is for refusals: a DEALER with no peer has no room, so the
// request waits for a worker rather than being dropped.
TEST_F(ZmxProxy, ARequestWaitsForAWorkerWhenDropping) {
    zt::socket frontend(ctx, ZMQ_ROUTER);
    zt::socket backend(ctx, ZMQ_DEALER);
    auto proxy = start(frontend, backend);
    zt::socket client(ctx, ZMQ_REQ);
    zt::connect(client, "inproc://front");
    send_str(client, "early");
    EXPECT_EQ(settled_statistics(), std::vector<uint64_t>(8, 0));
    zt::socket worker(ctx, ZMQ_REP);
    zt::connect(worker, "inproc://back");
    EXPECT_EQ(recv_str(worker), "early");
    terminate(proxy);
}

// An XPUB_NODROP whose subscriber is full refuses what does not fit.
TEST_F(ZmxProxy, WhatAFullNodropSubscriberRefusesIsCounted) {
    zt::socket frontend(ctx, ZMQ_XSUB);
    zt::socket backend(ctx, ZMQ_XPUB);
    zt::set_int(backend, ZMQ_XPUB_NODROP, 1);
    zt::set_int(backend, ZMQ_SNDHWM, 1);
    auto proxy = start(frontend, backend);
    zt::socket publisher(ctx, ZMQ_XPUB);
    zt::socket subscriber(ctx, ZMQ_SUB);
    zt::set_int(subscriber, ZMQ_RCVHWM, 1);
    zt::connect(publisher, "inproc://front");
    zt::connect(subscriber, "inproc://back");
    zt::set_bytes(subscriber, ZMQ_SUBSCRIBE, "");
    ASSERT_EQ(recv_str(publisher), zt::subscription(""));
    constexpr uint64_t sent = 10;
    for (uint64_t i = 0; i < sent; ++i)
        send_str(publisher, "m");
    const std::vector<uint64_t> counters = settled_statistics();
    EXPECT_EQ(counters[0], sent);  // all read from the frontend
    EXPECT_GE(counters[6], 1u);    // some sent out by the backend
    EXPECT_LT(counters[6], sent);  // not all
    terminate(proxy);
}

// DRAIN relays what is waiting (here, held back by PAUSE), then answers
// with the statistics and returns 0.
TEST_F(ZmxProxy, DrainRelaysWhatIsWaitingThenAnswersAndReturns) {
    zt::socket frontend(ctx, ZMQ_PULL);
    zt::socket backend(ctx, ZMQ_PUSH);
    auto proxy = start(frontend, backend);
    send_str(steer, "PAUSE");
    zt::socket producer(ctx, ZMQ_PUSH);
    zt::socket consumer(ctx, ZMQ_PULL);
    zt::connect(producer, "inproc://front");
    zt::connect(consumer, "inproc://back");
    for (const char* body : {"a", "b", "c"})
        send_str(producer, body);
    EXPECT_EQ(settled_statistics(), std::vector<uint64_t>(8, 0));
    send_str(steer, "DRAIN");
    EXPECT_EQ(zt::read_counters(steer), (std::vector<uint64_t>{3, 3, 0, 0, 0, 0, 3, 3}));
    proxy.join();
    EXPECT_EQ(result.rc, 0);
    EXPECT_EQ(zt::recv_all_now(consumer), (std::vector<std::string>{"a", "b", "c"}));
}

// A message that has no room yet keeps the drain going until it has.
TEST_F(ZmxProxy, DrainWaitsForRoom) {
    zt::socket frontend(ctx, ZMQ_PULL);
    zt::socket backend(ctx, ZMQ_PUSH);
    auto proxy = start(frontend, backend, [](void* f, void* b, void* c, void* ctl) { return zmx_proxy(f, b, c, ctl, 0); });
    zt::socket producer(ctx, ZMQ_PUSH);
    zt::connect(producer, "inproc://front");
    send_str(producer, "late");
    send_str(steer, "DRAIN");
    zt::socket consumer(ctx, ZMQ_PULL);
    zt::connect(consumer, "inproc://back");
    EXPECT_EQ(recv_str(consumer), "late");
    EXPECT_EQ(zt::read_counters(steer), (std::vector<uint64_t>{1, 4, 0, 0, 0, 0, 1, 4}));
    proxy.join();
    EXPECT_EQ(result.rc, 0);
}

} // namespace
