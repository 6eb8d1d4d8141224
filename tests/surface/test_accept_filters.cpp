// ZMQ_TCP_ACCEPT_FILTER and ZMQ_IPC_FILTER_PID/_UID/_GID: a listener takes
// only the peers that match one of its filters, and closes the others as
// soon as it has accepted them (ACCEPT_FAILED on its monitor); bad filters
// are refused and leave the socket as it was.
#include "monitor_events.hpp"
#include "zmq_test.hpp"

#include <sys/types.h>
#include <unistd.h>

#include <string>

namespace {

int set_filter(void* s, const char* filter) { return zmq_setsockopt(s, ZMQ_TCP_ACCEPT_FILTER, filter, strlen(filter)); }

// A DEALER connected to the PULL-like binder sends one message: whether it
// arrives tells whether the binder took the connection.
bool message_gets_through(void* ctx, void* binder, const std::string& endpoint) {
    zt::socket sender(ctx, ZMQ_DEALER);
    zt::connect(sender, endpoint.c_str());
    zt::send_str(sender, "hello");
    return zt::wait_readable(binder, 1000) && zt::recv_str(binder) == "hello";
}

TEST(TcpAcceptFilter, TakesAMatchingPeer) {
    zt::context ctx;
    zt::socket binder(ctx, ZMQ_DEALER);
    ASSERT_EQ(set_filter(binder, "10.0.0.0/8"), 0);
    ASSERT_EQ(set_filter(binder, "127.0.0.0/8"), 0);
    const std::string endpoint = zt::bind_tcp(binder);
    EXPECT_TRUE(message_gets_through(ctx, binder, endpoint));
}

TEST(TcpAcceptFilter, ClosesAPeerThatMatchesNone) {
    zt::context ctx;
    zt::socket binder(ctx, ZMQ_DEALER);
    ASSERT_EQ(set_filter(binder, "10.0.0.0/8"), 0);
    ASSERT_EQ(set_filter(binder, "127.0.0.2"), 0);
    tt::event_monitor monitor(ctx, binder);
    const std::string endpoint = zt::bind_tcp(binder);
    zt::socket sender(ctx, ZMQ_DEALER);
    zt::connect(sender, endpoint.c_str());
    zt::send_str(sender, "hello");
    EXPECT_TRUE(monitor.wait_for(ZMQ_EVENT_ACCEPT_FAILED).has_value());
    EXPECT_FALSE(zt::wait_readable(binder, 100));
}

TEST(TcpAcceptFilter, NullClearsTheFilters) {
    zt::context ctx;
    zt::socket binder(ctx, ZMQ_DEALER);
    ASSERT_EQ(set_filter(binder, "10.0.0.0/8"), 0);
    ASSERT_EQ(zmq_setsockopt(binder, ZMQ_TCP_ACCEPT_FILTER, nullptr, 0), 0);
    const std::string endpoint = zt::bind_tcp(binder);
    EXPECT_TRUE(message_gets_through(ctx, binder, endpoint));
}

TEST(TcpAcceptFilter, RefusesWhatIsNotANumericMask) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_DEALER);
    for (const char* bad : {"localhost", "10.0.0.0/33", "10.0.0.1/", "10.0.0.1/-1", "*", " 1.2.3.4", "::1",
                            "10.0.0.0/foo", "10.0.0.0/00", "10.0.0.0/-0", "10.0.0.0/0x8"})
        ZT_EXPECT_ERRNO(set_filter(s, bad), EINVAL);
    ZT_EXPECT_ERRNO(zmq_setsockopt(s, ZMQ_TCP_ACCEPT_FILTER, "x", 0), EINVAL);
    // Set only, in both libraries.
    char buffer[64];
    size_t size = sizeof buffer;
    ZT_EXPECT_ERRNO(zmq_getsockopt(s, ZMQ_TCP_ACCEPT_FILTER, buffer, &size), EINVAL);
    // None of them was kept: a loopback peer still gets in.
    const std::string endpoint = zt::bind_tcp(s);
    EXPECT_TRUE(message_gets_through(ctx, s, endpoint));
}

// The bits as libzmq reads them: a number with anything after it, or "0"
// itself (a mask matching every address).
TEST(TcpAcceptFilter, TakesTheBitsAsLibzmqReadsThem) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_DEALER);
    for (const char* good : {"10.0.0.0/8x", "10.0.0.0/+8", "10.0.0.0/ 8", "10.0.0.0/0"})
        EXPECT_EQ(set_filter(s, good), 0) << good;
    const std::string endpoint = zt::bind_tcp(s);
    EXPECT_TRUE(message_gets_through(ctx, s, endpoint)) << "10.0.0.0/0 matches loopback too";
}

TEST(TcpAcceptFilter, TakesIpv6MasksOnAnIpv6Socket) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_DEALER);
    zt::set_int(s, ZMQ_IPV6, 1);
    for (const char* good : {"::1", "::1/128", "[::1]", "fe80::/10", "127.0.0.1"})
        EXPECT_EQ(set_filter(s, good), 0) << good;
    ZT_EXPECT_ERRNO(set_filter(s, "::1/129"), EINVAL);
}

// The ipc filters: own credentials match, others do not.
void expect_ipc_filter(int option, int value, bool admitted) {
    zt::context ctx;
    zt::socket binder(ctx, ZMQ_DEALER);
    zt::set_int(binder, option, value);
    tt::event_monitor monitor(ctx, binder);
    zt::bind(binder, "ipc://*");
    const std::string endpoint = zt::last_endpoint(binder);
    if (admitted) {
        EXPECT_TRUE(message_gets_through(ctx, binder, endpoint));
        return;
    }
    zt::socket sender(ctx, ZMQ_DEALER);
    zt::connect(sender, endpoint.c_str());
    EXPECT_TRUE(monitor.wait_for(ZMQ_EVENT_ACCEPT_FAILED).has_value());
}

TEST(IpcFilter, PidOfThisProcessIsTaken) { expect_ipc_filter(ZMQ_IPC_FILTER_PID, getpid(), true); }
TEST(IpcFilter, OtherPidIsRefused) { expect_ipc_filter(ZMQ_IPC_FILTER_PID, getpid() + 100000, false); }
TEST(IpcFilter, UidOfThisProcessIsTaken) { expect_ipc_filter(ZMQ_IPC_FILTER_UID, static_cast<int>(getuid()), true); }
TEST(IpcFilter, OtherUidIsRefused) { expect_ipc_filter(ZMQ_IPC_FILTER_UID, static_cast<int>(getuid()) + 54321, false); }
TEST(IpcFilter, GidOfThisProcessIsTaken) { expect_ipc_filter(ZMQ_IPC_FILTER_GID, static_cast<int>(getgid()), true); }
TEST(IpcFilter, OtherGidIsRefused) { expect_ipc_filter(ZMQ_IPC_FILTER_GID, static_cast<int>(getgid()) + 54321, false); }

TEST(IpcFilter, BadSizesAreRefusedAndNullClears) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_DEALER);
    for (const int option : {ZMQ_IPC_FILTER_PID, ZMQ_IPC_FILTER_UID, ZMQ_IPC_FILTER_GID}) {
        const int64_t wide = 1;
        ZT_EXPECT_ERRNO(zmq_setsockopt(s, option, &wide, sizeof wide), EINVAL);
        ZT_EXPECT_ERRNO(zmq_setsockopt(s, option, &wide, 2), EINVAL);
        zt::set_int(s, option, 54321);
        EXPECT_EQ(zmq_setsockopt(s, option, nullptr, 0), 0);
        int value = 0;
        size_t size = sizeof value;
        ZT_EXPECT_ERRNO(zmq_getsockopt(s, option, &value, &size), EINVAL);
    }
    // Every filter was cleared: this process gets in.
    zt::bind(s, "ipc://*");
    const std::string endpoint = zt::last_endpoint(s);
    EXPECT_TRUE(message_gets_through(ctx, s, endpoint));
}

} // namespace
