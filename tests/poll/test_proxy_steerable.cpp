// zmq_proxy_steerable: a control socket pauses, resumes, terminates the
// proxy and asks it for statistics.
#include "proxy_thread.hpp"

#include <cstdint>

namespace {

using zt::recv_str;
using zt::send_str;

// A PULL -> PUSH streamer steered through a PAIR control socket.
class Steerable : public ::testing::Test {
protected:
    zt::context ctx;
    zt::socket frontend{ctx, ZMQ_PULL};
    zt::socket backend{ctx, ZMQ_PUSH};
    zt::socket control{ctx, ZMQ_PAIR};
    zt::socket producer{ctx, ZMQ_PUSH};
    zt::socket consumer{ctx, ZMQ_PULL};
    zt::socket steer{ctx, ZMQ_PAIR};
    zt::proxy_result result;

    // The consumer connects now, or (with_consumer false) when the test says.
    zt::context_thread start(zt::socket* capture = nullptr, bool with_consumer = true) {
        zt::bind(frontend, "inproc://front");
        zt::bind(backend, "inproc://back");
        zt::bind(control, "inproc://control");
        zt::connect(producer, "inproc://front");
        if (with_consumer)
            zt::connect(consumer, "inproc://back");
        zt::connect(steer, "inproc://control");
        return zt::run_proxy(ctx, result, frontend, backend, capture, &control);
    }

    std::vector<uint64_t> statistics() { return zt::ask_statistics(steer); }

    // The proxy has returned rc, with errno `error` when rc is -1.
    void expect_returned(zt::context_thread& proxy, int rc, int error = 0) {
        proxy.join();
        EXPECT_EQ(result.rc, rc);
        if (rc < 0) {
            EXPECT_EQ(result.error, error);
        }
    }

    void terminate(zt::context_thread& proxy) {
        send_str(steer, "TERMINATE");
        expect_returned(proxy, 0);
    }
};

TEST_F(Steerable, TerminateMakesTheProxyReturnZero) {
    auto proxy = start();
    send_str(producer, "before");
    EXPECT_EQ(recv_str(consumer), "before");
    terminate(proxy);
}

TEST_F(Steerable, ContextTerminationMakesTheProxyReturnEterm) {
    auto proxy = start();
    proxy.stop();
    EXPECT_EQ(result.rc, -1);
    EXPECT_EQ(result.error, ETERM);
}

// Commands are handled in order, so a STATISTICS reply proves that the
// commands sent before it took effect.
TEST_F(Steerable, PauseHoldsMessagesUntilResume) {
    auto proxy = start();
    send_str(steer, "PAUSE");
    ASSERT_EQ(statistics().size(), 8u);
    send_str(producer, "held");
    // The proxy answers while the message waits in its frontend.
    EXPECT_EQ(statistics(), std::vector<uint64_t>(8, 0));
    EXPECT_TRUE(zt::recv_all_now(consumer).empty());

    send_str(steer, "RESUME");
    EXPECT_EQ(recv_str(consumer), "held");
}

TEST_F(Steerable, PauseAndTerminate) {
    auto proxy = start();
    send_str(steer, "PAUSE");
    terminate(proxy);
}

// Counters count messages, not frames, and bytes over all frames.
TEST_F(Steerable, StatisticsCountMessagesAndBytesEachWay) {
    auto proxy = start();
    zt::send_multipart(producer, {"abc", "de"});
    send_str(producer, "f");
    EXPECT_EQ(zt::recv_multipart(consumer), (std::vector<std::string>{"abc", "de"}));
    EXPECT_EQ(recv_str(consumer), "f");
    EXPECT_EQ(statistics(), (std::vector<uint64_t>{2, 6, 0, 0, 0, 0, 2, 6}));
}

// Issue 14: the proxy used to take the message and block sending it to a
// backend with no peer, deaf to its control socket. A proxy reads a side
// only while the other side has room, so the message waits in the
// frontend and every command is served.
TEST_F(Steerable, AMessageForAPeerlessBackendWaitsWhileCommandsAreServed) {
    zt::set_int(backend, ZMQ_SNDTIMEO, -1);  // a send that blocks blocks for good
    auto proxy = start(nullptr, false);
    send_str(producer, "held");
    EXPECT_EQ(statistics(), std::vector<uint64_t>(8, 0));
    // Still served: the proxy is not stuck in a send.
    EXPECT_EQ(statistics(), std::vector<uint64_t>(8, 0));

    zt::connect(consumer, "inproc://back");
    EXPECT_EQ(recv_str(consumer), "held");
    EXPECT_EQ(statistics(), (std::vector<uint64_t>{1, 4, 0, 0, 0, 0, 1, 4}));
    terminate(proxy);
}

// libzmq copies what the control socket receives to the capture socket too.
TEST_F(Steerable, CaptureGetsTheCommandsToo) {
    zt::capture_pair copies(ctx, ZMQ_PAIR, ZMQ_PAIR);
    auto proxy = start(&copies.capture);
    ASSERT_EQ(statistics().size(), 8u);
    EXPECT_EQ(recv_str(copies.listener), "STATISTICS");
}

// A command is one frame; anything else ends the proxy with -1 (zmx says
// EINVAL, libzmq leaves errno as it was).
TEST_F(Steerable, AMultipartCommandEndsTheProxy) {
    auto proxy = start();
    zt::send_multipart(steer, {"PAUSE", "now"});
    proxy.join();
    EXPECT_EQ(result.rc, -1);
}

TEST_F(Steerable, ZmxOnlyAMultipartCommandIsEinval) {
    auto proxy = start();
    zt::send_multipart(steer, {"STATISTICS", ""});
    expect_returned(proxy, -1, EINVAL);
}

// libzmq aborts the process on an unknown command; zmx ends the proxy.
TEST_F(Steerable, ZmxOnlyAnUnknownCommandIsEinval) {
    auto proxy = start();
    send_str(steer, "DRAIN");  // zmx_proxy's, not zmq_proxy_steerable's
    expect_returned(proxy, -1, EINVAL);
}

// REP works as a control socket for STATISTICS, whose answer is its reply.
TEST(SteerableControl, ARepControlSocketAnswersStatisticsEachTime) {
    zt::context ctx;
    zt::socket frontend(ctx, ZMQ_PULL);
    zt::socket backend(ctx, ZMQ_PUSH);
    zt::socket control(ctx, ZMQ_REP);
    zt::socket steer(ctx, ZMQ_REQ);
    zt::bind(frontend, "inproc://front");
    zt::bind(backend, "inproc://back");
    zt::bind(control, "inproc://control");
    zt::connect(steer, "inproc://control");
    zt::proxy_result result;
    auto proxy = zt::run_proxy(ctx, result, frontend, backend, nullptr, &control);
    for (int round = 0; round < 2; ++round) {
        send_str(steer, "STATISTICS");
        EXPECT_EQ(zt::recv_multipart(steer).size(), 8u);
    }
    send_str(steer, "TERMINATE");
    proxy.join();
    EXPECT_EQ(result.rc, 0);
}

TEST_F(Steerable, CaptureWorksWhenSteered) {
    zt::capture_pair copies(ctx, ZMQ_PAIR, ZMQ_PAIR);
    auto proxy = start(&copies.capture);
    send_str(producer, "copied");
    EXPECT_EQ(recv_str(consumer), "copied");
    EXPECT_EQ(recv_str(copies.listener), "copied");
}

} // namespace
