// Many threads on one thread-safe socket at once: four send and four
// receive on one CLIENT/SERVER pair and on one SCATTER/GATHER pair, and
// nothing is lost or duplicated; a thread blocked in a receive is woken by
// a message, a timeout, the context's shutdown and (zmx) a close. Also run
// under TSan. Checked against the reference libzmq 4.3.4 with its draft
// API, but for the close (there the blocked thread never returns).
#include "zmq_test.hpp"

#include <atomic>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr int threads = 4;
constexpr int per_thread = 2500;

// Four threads send per_thread messages each on `sender` while four
// receive on `receiver`; every message arrives exactly once.
void exchange_from_many_threads(void* sender, void* receiver) {
    std::atomic<int> received{0};
    std::mutex mutex;
    std::multiset<std::string> seen;
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            for (int i = 0; i < per_thread; ++i) {
                const std::string text = std::to_string(t) + ":" + std::to_string(i);
                zt::send_str(sender, text);
            }
        });
        workers.emplace_back([&] {
            const int poll_ms = 50;  // a look at the count, not a wait for time
            zmq_setsockopt(receiver, ZMQ_RCVTIMEO, &poll_ms, sizeof poll_ms);
            while (received.load() < threads * per_thread) {
                char buffer[32];
                const int n = zmq_recv(receiver, buffer, sizeof buffer, 0);
                if (n < 0)
                    continue;
                ++received;
                std::lock_guard lock(mutex);
                seen.emplace(buffer, static_cast<size_t>(n));
            }
        });
    }
    for (auto& w : workers)
        w.join();
    EXPECT_EQ(seen.size(), static_cast<size_t>(threads * per_thread));
    const std::set<std::string> unique(seen.begin(), seen.end());
    EXPECT_EQ(unique.size(), seen.size()) << "a message arrived twice";
}

TEST(ManyThreads, OnOneClientAndOneServer) {
    zt::context ctx;
    zt::socket server(ctx, ZMQ_SERVER), client(ctx, ZMQ_CLIENT);
    zt::bind(server, "tcp://127.0.0.1:*");
    char endpoint[256];
    size_t size = sizeof endpoint;
    ASSERT_EQ(zmq_getsockopt(server, ZMQ_LAST_ENDPOINT, endpoint, &size), 0);
    zt::connect(client, endpoint);
    exchange_from_many_threads(client, server);
}

TEST(ManyThreads, OnOneScatterAndOneGather) {
    zt::context ctx;
    zt::socket scatter(ctx, ZMQ_SCATTER), gather(ctx, ZMQ_GATHER);
    zt::bind(gather, "inproc://many-threads");
    zt::connect(scatter, "inproc://many-threads");
    exchange_from_many_threads(scatter, gather);
}

// A receive blocked in one thread, and what ends it.
class BlockedReceive : public ::testing::Test {
protected:
    BlockedReceive() : server_(zmq_socket(ctx_, ZMQ_SERVER)), client_(zmq_socket(ctx_, ZMQ_CLIENT)) {
        zmq_bind(server_, "inproc://blocked");
        zmq_connect(client_, "inproc://blocked");
    }
    ~BlockedReceive() override {
        if (server_)
            zmq_close(server_);
        if (client_)
            zmq_close(client_);
        if (ctx_)
            zmq_ctx_term(ctx_);
    }
    // Starts a thread blocked in zmq_recv on the server; its result (the
    // return value and errno) comes when it returns.
    void start_receiver() {
        receiver_ = std::thread([this, server = server_] {
            char buffer[16];
            result_ = zmq_recv(server, buffer, sizeof buffer, 0);
            error_ = zmq_errno();
        });
    }
    void join() { receiver_.join(); }

    void* ctx_ = zmq_ctx_new();
    void* server_;
    void* client_;
    std::thread receiver_;
    int result_ = 0;
    int error_ = 0;
};

TEST_F(BlockedReceive, IsWokenByAMessageFromAnotherThread) {
    start_receiver();
    zt::send_str(client_, "wake");
    join();
    EXPECT_EQ(result_, 4);
}

TEST_F(BlockedReceive, EndsWithEagainAtItsTimeout) {
    const int timeout_ms = 50;
    zmq_setsockopt(server_, ZMQ_RCVTIMEO, &timeout_ms, sizeof timeout_ms);
    start_receiver();
    join();
    EXPECT_EQ(result_, -1);
    EXPECT_EQ(error_, EAGAIN);
}

TEST_F(BlockedReceive, EndsWithEtermWhenTheContextShutsDown) {
    start_receiver();
    ASSERT_EQ(zmq_ctx_shutdown(ctx_), 0);
    join();
    EXPECT_EQ(result_, -1);
    EXPECT_EQ(error_, ETERM);
}

// libzmq leaves the blocked thread waiting for ever; zmx ends its call.
TEST_F(BlockedReceive, ZmxOnlyEndsWithEnotsockWhenAnotherThreadCloses) {
    start_receiver();
    // Closing while the receive is under way, or before it began: either
    // way it must end, and never touch the socket after the close.
    ASSERT_EQ(zmq_close(server_), 0);
    server_ = nullptr;
    join();
    EXPECT_EQ(result_, -1);
    EXPECT_EQ(error_, ENOTSOCK);
}

// Calls from four threads race a close from a fifth, round after round:
// each call either runs before the close or ends with ENOTSOCK, blocked
// ones included, and none touches the socket once it is gone (ASan and
// TSan watch). libzmq leaves a blocked receive waiting for ever.
TEST(CloseRace, ZmxOnlyCallsUnderWayEndWhenAnotherThreadCloses) {
    for (int round = 0; round < 50; ++round) {
        zt::context ctx;
        void* server = zmq_socket(ctx, ZMQ_SERVER);
        ASSERT_EQ(zmq_bind(server, "inproc://close-race"), 0);
        std::vector<std::thread> callers;
        std::atomic<int> refused{0};
        for (int t = 0; t < threads; ++t)
            callers.emplace_back([server, t, &refused] {
                char buffer[8];
                int events = 0;
                size_t size = sizeof events;
                const bool blocks = t == 0;
                for (;;) {
                    const int rc = blocks ? zmq_recv(server, buffer, sizeof buffer, 0)
                                          : t == 1 ? zmq_recv(server, buffer, sizeof buffer, ZMQ_DONTWAIT)
                                                   : zmq_getsockopt(server, ZMQ_EVENTS, &events, &size);
                    if (rc < 0 && zmq_errno() != EAGAIN)
                        break;
                }
                if (zmq_errno() == ENOTSOCK)
                    ++refused;
            });
        ASSERT_EQ(zmq_close(server), 0);
        for (auto& caller : callers)
            caller.join();
        EXPECT_EQ(refused, threads);
        ZT_EXPECT_ERRNO(zmq_close(server), ENOTSOCK);
    }
}

} // namespace
