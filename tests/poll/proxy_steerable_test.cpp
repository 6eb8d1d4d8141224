// zmq_proxy_steerable: a control socket pauses, resumes, terminates the
// proxy and asks it for statistics.
#include "proxy_thread.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

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

    zt::context_thread start(zt::socket* capture = nullptr) {
        zt::bind(frontend, "inproc://front");
        zt::bind(backend, "inproc://back");
        zt::bind(control, "inproc://control");
        zt::connect(producer, "inproc://front");
        zt::connect(consumer, "inproc://back");
        zt::connect(steer, "inproc://control");
        return zt::run_proxy(ctx, result, frontend, backend, capture, &control);
    }

    // The eight counters of a STATISTICS reply: frontend messages in, bytes
    // in, messages out, bytes out, then the same for the backend.
    std::vector<uint64_t> statistics() {
        send_str(steer, "STATISTICS");
        std::vector<uint64_t> counters;
        for (const std::string& frame : zt::recv_multipart(steer)) {
            uint64_t value = 0;
            EXPECT_EQ(frame.size(), sizeof value);
            std::memcpy(&value, frame.data(), std::min(frame.size(), sizeof value));
            counters.push_back(value);
        }
        return counters;
    }
};

TEST_F(Steerable, TerminateMakesTheProxyReturnZero) {
    auto proxy = start();
    send_str(producer, "before");
    EXPECT_EQ(recv_str(consumer), "before");
    send_str(steer, "TERMINATE");
    proxy.join();
    EXPECT_EQ(result.rc, 0);
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
    send_str(steer, "TERMINATE");
    proxy.join();
    EXPECT_EQ(result.rc, 0);
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

TEST_F(Steerable, CaptureWorksWhenSteered) {
    zt::socket capture(ctx, ZMQ_PAIR);
    zt::socket listener(ctx, ZMQ_PAIR);
    zt::bind(capture, "inproc://capture");
    zt::connect(listener, "inproc://capture");
    auto proxy = start(&capture);
    send_str(producer, "copied");
    EXPECT_EQ(recv_str(consumer), "copied");
    EXPECT_EQ(recv_str(listener), "copied");
}

} // namespace
