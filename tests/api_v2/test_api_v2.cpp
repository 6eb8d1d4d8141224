// The 2.x API that -DZMX_API_V2 gives (include/zmx/zmq_v2.h), as the
// guide's 2.x programs use it. Written in 2.x terms throughout: messages
// for zmq_send/zmq_recv, 64-bit options, microsecond polls. The same source
// passes against Debian's libzmq 4.3.4 with zmq_v2.h included after its
// zmq.h (see CMakeLists.txt), which checks the translations, not zmx.
#include <zmq.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr int safety_ms = 5000;

// A 2.x context and its sockets; every socket gets LINGER 0 and the
// safety timeouts, and is closed before the context ends.
class v2_context {
public:
    v2_context() : context_(zmq_init(1)) {}
    ~v2_context() {
        for (void* socket : sockets_)
            zmq_close(socket);
        zmq_term(context_);
    }
    void* socket(int type) {
        void* socket = zmq_socket(context_, type);
        EXPECT_NE(socket, nullptr) << zmq_strerror(zmq_errno());
        int linger = 0;
        zmq_setsockopt(socket, ZMQ_LINGER, &linger, sizeof linger);
        zmq_setsockopt(socket, ZMQ_RCVTIMEO, &safety_ms, sizeof safety_ms);
        zmq_setsockopt(socket, ZMQ_SNDTIMEO, &safety_ms, sizeof safety_ms);
        sockets_.push_back(socket);
        return socket;
    }
    void* handle() const { return context_; }

private:
    void* context_;
    std::vector<void*> sockets_;
};

int send_text(void* socket, const std::string& text, int flags = 0) {
    zmq_msg_t message;
    zmq_msg_init_size(&message, text.size());
    std::memcpy(zmq_msg_data(&message), text.data(), text.size());
    const int rc = zmq_send(socket, &message, flags);
    zmq_msg_close(&message);
    return rc;
}

// The next frame as text, or "<error: ...>" when zmq_recv fails.
std::string recv_text(void* socket, int flags = 0) {
    zmq_msg_t message;
    zmq_msg_init(&message);
    std::string text;
    if (zmq_recv(socket, &message, flags) == 0)
        text.assign(static_cast<const char*>(zmq_msg_data(&message)), zmq_msg_size(&message));
    else
        text = std::string("<error: ") + zmq_strerror(zmq_errno()) + ">";
    zmq_msg_close(&message);
    return text;
}

int64_t get_int64(void* socket, int option) {
    int64_t value = -1;
    size_t size = sizeof value;
    EXPECT_EQ(zmq_getsockopt(socket, option, &value, &size), 0) << zmq_strerror(zmq_errno());
    EXPECT_EQ(size, sizeof value);
    return value;
}

int get_int(void* socket, int option) {
    int value = -1;
    size_t size = sizeof value;
    EXPECT_EQ(zmq_getsockopt(socket, option, &value, &size), 0) << zmq_strerror(zmq_errno());
    return value;
}

template <typename T>
int set(void* socket, int option, T value) {
    return zmq_setsockopt(socket, option, &value, sizeof value);
}

// A connected pair over inproc.
std::pair<void*, void*> pair_of(v2_context& ctx, int bind_type, int connect_type, const char* endpoint) {
    void* bound = ctx.socket(bind_type);
    void* connected = ctx.socket(connect_type);
    EXPECT_EQ(zmq_bind(bound, endpoint), 0) << zmq_strerror(zmq_errno());
    EXPECT_EQ(zmq_connect(connected, endpoint), 0) << zmq_strerror(zmq_errno());
    return {bound, connected};
}

TEST(ApiV2, SendAndRecvTakeAMessageAndReturnZero) {
    v2_context ctx;
    auto [rep, req] = pair_of(ctx, ZMQ_REP, ZMQ_REQ, "inproc://v2-reqrep");
    zmq_msg_t message;
    zmq_msg_init_data(&message, const_cast<char*>("Hello"), 5, nullptr, nullptr);
    EXPECT_EQ(zmq_send(req, &message, 0), 0);
    EXPECT_EQ(zmq_msg_size(&message), 0u) << "a sent message is left empty";
    zmq_msg_close(&message);
    zmq_msg_init(&message);
    ASSERT_EQ(zmq_recv(rep, &message, 0), 0);
    EXPECT_EQ(std::string(static_cast<char*>(zmq_msg_data(&message)), zmq_msg_size(&message)), "Hello");
    zmq_msg_close(&message);
    EXPECT_EQ(send_text(rep, "World"), 0);
    EXPECT_EQ(recv_text(req), "World");
}

TEST(ApiV2, SendAndRecvFailWithMinusOneAndErrno) {
    v2_context ctx;
    void* req = ctx.socket(ZMQ_REQ);
    zmq_msg_t message;
    zmq_msg_init(&message);
    EXPECT_EQ(zmq_recv(req, &message, 0), -1);
    EXPECT_EQ(zmq_errno(), EFSM);
    zmq_msg_close(&message);
}

TEST(ApiV2, NoblockRecvOnAnEmptySocketIsEagain) {
    v2_context ctx;
    auto [pull, push] = pair_of(ctx, ZMQ_UPSTREAM, ZMQ_DOWNSTREAM, "inproc://v2-noblock");
    EXPECT_EQ(recv_text(pull, ZMQ_NOBLOCK), "<error: " + std::string(zmq_strerror(EAGAIN)) + ">");
    EXPECT_EQ(send_text(push, "task"), 0);
    EXPECT_EQ(recv_text(pull), "task");
}

TEST(ApiV2, UpstreamAndDownstreamArePullAndPush) {
    EXPECT_EQ(ZMQ_UPSTREAM, ZMQ_PULL);
    EXPECT_EQ(ZMQ_DOWNSTREAM, ZMQ_PUSH);
}

TEST(ApiV2, RcvmoreIsA64BitValue) {
    v2_context ctx;
    auto [pull, push] = pair_of(ctx, ZMQ_PULL, ZMQ_PUSH, "inproc://v2-more");
    EXPECT_EQ(send_text(push, "head", ZMQ_SNDMORE), 0);
    EXPECT_EQ(send_text(push, "tail"), 0);
    EXPECT_EQ(recv_text(pull), "head");
    EXPECT_EQ(get_int64(pull, ZMQ_RCVMORE), 1);
    EXPECT_EQ(recv_text(pull), "tail");
    EXPECT_EQ(get_int64(pull, ZMQ_RCVMORE), 0);
    int narrow = 0;
    size_t size = sizeof narrow;
    EXPECT_EQ(zmq_getsockopt(pull, ZMQ_RCVMORE, &narrow, &size), -1);
    EXPECT_EQ(zmq_errno(), EINVAL);
}

TEST(ApiV2, SocketsStartWithUnlimitedQueuesAs2xDid) {
    v2_context ctx;
    void* push = ctx.socket(ZMQ_PUSH);
    EXPECT_EQ(get_int64(push, ZMQ_HWM), 0);
    EXPECT_EQ(get_int(push, ZMQ_SNDHWM), 0);
    EXPECT_EQ(get_int(push, ZMQ_RCVHWM), 0);
}

TEST(ApiV2, HwmIsAnUnsigned64BitValueForBothDirections) {
    v2_context ctx;
    void* push = ctx.socket(ZMQ_PUSH);
    EXPECT_EQ(set<uint64_t>(push, ZMQ_HWM, 7), 0);
    EXPECT_EQ(get_int64(push, ZMQ_HWM), 7);
    EXPECT_EQ(get_int(push, ZMQ_SNDHWM), 7);
    EXPECT_EQ(get_int(push, ZMQ_RCVHWM), 7);
    EXPECT_EQ(set<int>(push, ZMQ_HWM, 7), -1) << "2.x takes a uint64_t only";
    EXPECT_EQ(zmq_errno(), EINVAL);
}

// Over inproc a message waits in one queue holding both sides' limits.
TEST(ApiV2, HwmHoldsBackTheSender) {
    v2_context ctx;
    void* pull = ctx.socket(ZMQ_PULL);
    void* push = ctx.socket(ZMQ_PUSH);
    ASSERT_EQ(set<uint64_t>(pull, ZMQ_HWM, 2), 0);
    ASSERT_EQ(set<uint64_t>(push, ZMQ_HWM, 2), 0);
    ASSERT_EQ(zmq_bind(pull, "inproc://v2-hwm"), 0);
    ASSERT_EQ(zmq_connect(push, "inproc://v2-hwm"), 0);
    int sent = 0;
    while (sent < 100 && send_text(push, "x", ZMQ_NOBLOCK) == 0)
        ++sent;
    EXPECT_EQ(sent, 4);
    EXPECT_EQ(zmq_errno(), EAGAIN);
}

TEST(ApiV2, PollTakesMicroseconds) {
    EXPECT_EQ(ZMQ_POLL_MSEC, 1000);
    v2_context ctx;
    void* pull = ctx.socket(ZMQ_PULL);
    ASSERT_EQ(zmq_bind(pull, "inproc://v2-poll"), 0);
    zmq_pollitem_t items[] = {{pull, 0, ZMQ_POLLIN, 0}};
    // 30 msecs: were the unit msecs, this would wait 30 seconds.
    const auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(zmq_poll(items, 1, 30 * ZMQ_POLL_MSEC), 0);
    const auto waited = std::chrono::steady_clock::now() - start;
    EXPECT_GE(waited, std::chrono::milliseconds(25));
    EXPECT_LT(waited, std::chrono::milliseconds(safety_ms));
}

TEST(ApiV2, PollWithAMessageWaitingReturnsAtOnce) {
    v2_context ctx;
    auto [pull, push] = pair_of(ctx, ZMQ_PULL, ZMQ_PUSH, "inproc://v2-poll-ready");
    ASSERT_EQ(send_text(push, "ready"), 0);
    zmq_pollitem_t items[] = {{pull, 0, ZMQ_POLLIN, 0}};
    EXPECT_EQ(zmq_poll(items, 1, -1), 1);
    EXPECT_EQ(items[0].revents, ZMQ_POLLIN);
}

TEST(ApiV2, SwapAndMcastLoopAreAcceptedWithoutEffect) {
    v2_context ctx;
    void* pub = ctx.socket(ZMQ_PUB);
    EXPECT_EQ(set<int64_t>(pub, ZMQ_SWAP, 25000000), 0);
    EXPECT_EQ(get_int64(pub, ZMQ_SWAP), 0);
    EXPECT_EQ(set<int64_t>(pub, ZMQ_SWAP, -1), -1);
    EXPECT_EQ(zmq_errno(), EINVAL);
    EXPECT_EQ(set<int64_t>(pub, ZMQ_MCAST_LOOP, 0), 0);
    EXPECT_EQ(set<int64_t>(pub, ZMQ_MCAST_LOOP, 2), -1);
    EXPECT_EQ(zmq_errno(), EINVAL);
}

TEST(ApiV2, RateAndRecoveryIntervalsAre64BitWithRecoveryInSeconds) {
    v2_context ctx;
    void* pub = ctx.socket(ZMQ_PUB);
    EXPECT_EQ(set<int64_t>(pub, ZMQ_RATE, 500), 0);
    EXPECT_EQ(get_int64(pub, ZMQ_RATE), 500);
    EXPECT_EQ(set<int64_t>(pub, ZMQ_RECOVERY_IVL, 3), 0);
    EXPECT_EQ(get_int64(pub, ZMQ_RECOVERY_IVL), 3);
    EXPECT_EQ(get_int64(pub, ZMQ_RECOVERY_IVL_MSEC), 3000);
    EXPECT_EQ(set<int64_t>(pub, ZMQ_RECOVERY_IVL_MSEC, 1500), 0);
    EXPECT_EQ(get_int64(pub, ZMQ_RECOVERY_IVL_MSEC), 1500);
    EXPECT_EQ(set<int64_t>(pub, ZMQ_RATE, int64_t{1} << 40), -1);
    EXPECT_EQ(zmq_errno(), EINVAL);
}

TEST(ApiV2, KernelBuffersAreUnsigned64BitWithZeroForTheSystemDefault) {
    v2_context ctx;
    void* pub = ctx.socket(ZMQ_PUB);
    EXPECT_EQ(get_int64(pub, ZMQ_SNDBUF), 0);
    EXPECT_EQ(set<uint64_t>(pub, ZMQ_SNDBUF, 65536), 0);
    EXPECT_EQ(get_int64(pub, ZMQ_SNDBUF), 65536);
    EXPECT_EQ(set<uint64_t>(pub, ZMQ_RCVBUF, 0), 0);
    EXPECT_EQ(get_int64(pub, ZMQ_RCVBUF), 0);
}

TEST(ApiV2, OtherOptionsKeepTheirTypes) {
    v2_context ctx;
    void* sub = ctx.socket(ZMQ_SUB);
    EXPECT_EQ(zmq_setsockopt(sub, ZMQ_SUBSCRIBE, "10001 ", 6), 0);
    EXPECT_EQ(set<int>(sub, ZMQ_LINGER, 100), 0);
    EXPECT_EQ(get_int(sub, ZMQ_LINGER), 100);
    EXPECT_EQ(get_int(sub, ZMQ_TYPE), ZMQ_SUB);
}

TEST(ApiV2, IdentityNamesARequesterToXrep) {
    v2_context ctx;
    void* xrep = ctx.socket(ZMQ_XREP);
    void* req = ctx.socket(ZMQ_REQ);
    ASSERT_EQ(zmq_setsockopt(req, ZMQ_IDENTITY, "Lucy", 4), 0);
    ASSERT_EQ(zmq_bind(xrep, "inproc://v2-identity"), 0);
    ASSERT_EQ(zmq_connect(req, "inproc://v2-identity"), 0);
    ASSERT_EQ(send_text(req, "Hi"), 0);
    EXPECT_EQ(recv_text(xrep), "Lucy");
    EXPECT_EQ(get_int64(xrep, ZMQ_RCVMORE), 1);
    EXPECT_EQ(recv_text(xrep), "");
    EXPECT_EQ(recv_text(xrep), "Hi");
}

// A device runs on a thread of its own until the context ends (zmq_term
// from the test's thread), which makes it return -1 with ETERM.
class running_device {
public:
    running_device(v2_context& ctx, int kind, int front_type, const char* front, int back_type, const char* back)
        : frontend_(zmq_socket(ctx.handle(), front_type)), backend_(zmq_socket(ctx.handle(), back_type)) {
        EXPECT_EQ(zmq_bind(frontend_, front), 0);
        EXPECT_EQ(zmq_bind(backend_, back), 0);
        if (front_type == ZMQ_SUB) {  // a forwarder forwards what it subscribed to
            EXPECT_EQ(zmq_setsockopt(frontend_, ZMQ_SUBSCRIBE, "", 0), 0);
        }
        thread_ = std::thread([this, kind] {
            result_ = zmq_device(kind, frontend_, backend_);
            error_ = zmq_errno();
            int linger = 0;
            zmq_setsockopt(frontend_, ZMQ_LINGER, &linger, sizeof linger);
            zmq_setsockopt(backend_, ZMQ_LINGER, &linger, sizeof linger);
            zmq_close(frontend_);
            zmq_close(backend_);
        });
    }
    // Call after the context was terminated on another thread.
    void expect_ended_by_term() {
        thread_.join();
        EXPECT_EQ(result_, -1);
        EXPECT_EQ(error_, ETERM);
    }
    ~running_device() {
        if (thread_.joinable())
            thread_.join();
    }

private:
    void* frontend_;
    void* backend_;
    std::thread thread_;
    int result_ = 0, error_ = 0;
};

// Terminates the context while a device runs on it: the test's own
// sockets are closed first, the device's by the device's thread.
template <typename Check>
void with_device(int kind, int front_type, int back_type, Check check) {
    auto* ctx = new v2_context;
    running_device device(*ctx, kind, front_type, "inproc://v2-front", back_type, "inproc://v2-back");
    check(*ctx);
    std::thread terminate([ctx] { delete ctx; });
    device.expect_ended_by_term();
    terminate.join();
}

TEST(ApiV2, QueueDeviceCarriesRequestsAndReplies) {
    with_device(ZMQ_QUEUE, ZMQ_XREP, ZMQ_XREQ, [](v2_context& ctx) {
        void* client = ctx.socket(ZMQ_REQ);
        void* service = ctx.socket(ZMQ_REP);
        ASSERT_EQ(zmq_connect(client, "inproc://v2-front"), 0);
        ASSERT_EQ(zmq_connect(service, "inproc://v2-back"), 0);
        ASSERT_EQ(send_text(client, "Hello"), 0);
        EXPECT_EQ(recv_text(service), "Hello");
        ASSERT_EQ(send_text(service, "World"), 0);
        EXPECT_EQ(recv_text(client), "World");
    });
}

TEST(ApiV2, ForwarderDeviceRepublishes) {
    with_device(ZMQ_FORWARDER, ZMQ_SUB, ZMQ_PUB, [](v2_context& ctx) {
        void* publisher = ctx.socket(ZMQ_PUB);
        void* subscriber = ctx.socket(ZMQ_SUB);
        ASSERT_EQ(zmq_setsockopt(subscriber, ZMQ_SUBSCRIBE, "", 0), 0);
        ASSERT_EQ(zmq_connect(subscriber, "inproc://v2-back"), 0);
        ASSERT_EQ(zmq_connect(publisher, "inproc://v2-front"), 0);
        // Subscriptions travel to the publisher while it publishes: it
        // publishes until one update comes through (slow joiners).
        zmq_pollitem_t items[] = {{subscriber, 0, ZMQ_POLLIN, 0}};
        for (int waited = 0; waited < safety_ms && items[0].revents == 0; waited += 10) {
            ASSERT_EQ(send_text(publisher, "update"), 0);
            ASSERT_GE(zmq_poll(items, 1, 10 * ZMQ_POLL_MSEC), 0);
        }
        EXPECT_EQ(recv_text(subscriber), "update");
    });
}

TEST(ApiV2, StreamerDevicePassesTasksOn) {
    with_device(ZMQ_STREAMER, ZMQ_PULL, ZMQ_PUSH, [](v2_context& ctx) {
        void* ventilator = ctx.socket(ZMQ_PUSH);
        void* worker = ctx.socket(ZMQ_PULL);
        ASSERT_EQ(zmq_connect(ventilator, "inproc://v2-front"), 0);
        ASSERT_EQ(zmq_connect(worker, "inproc://v2-back"), 0);
        ASSERT_EQ(send_text(ventilator, "task"), 0);
        EXPECT_EQ(recv_text(worker), "task");
    });
}

} // namespace
