// The I/O threads as the context settings and ZMQ_AFFINITY shape them:
// names (ZMQ_THREAD_NAME_PREFIX), scheduling policy and priority, CPU
// affinity, and which thread serves a socket's connections. Threads are
// found by name in /proc/self/task; libzmq names and schedules its threads
// from inside them once they run, so each lookup waits for the name.
#include "zmq_test.hpp"

#include <dirent.h>
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

namespace {

std::string read_first_line(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    return line;
}

// The id of the thread of this process named `name`, or 0.
pid_t find_thread(const std::string& name) {
    DIR* tasks = opendir("/proc/self/task");
    pid_t found = 0;
    while (dirent* entry = tasks ? readdir(tasks) : nullptr) {
        if (entry->d_name[0] != '.' &&
            read_first_line(std::string("/proc/self/task/") + entry->d_name + "/comm") == name)
            found = static_cast<pid_t>(std::stoi(entry->d_name));
    }
    if (tasks)
        closedir(tasks);
    return found;
}

// Waits for a thread to carry the name (libzmq sets it from inside).
pid_t wait_for_thread(const std::string& name) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(zt::safety_timeout_ms);
    pid_t tid = 0;
    while ((tid = find_thread(name)) == 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::yield();
    return tid;
}

// How many times a thread went to sleep and was woken
// (/proc/self/task/TID/status "voluntary_ctxt_switches"): an I/O thread
// that serves nothing never wakes.
long long wake_ups_of(pid_t tid) {
    std::ifstream in("/proc/self/task/" + std::to_string(tid) + "/status");
    std::string line;
    const std::string key = "voluntary_ctxt_switches:";
    while (std::getline(in, line))
        if (line.starts_with(key))
            return std::stoll(line.substr(key.size()));
    return -1;
}

// Starts a context's I/O threads, as the first tcp bind does in zmx (and
// the first socket in libzmq).
void start_io_threads(zt::socket& s) { zt::bind_tcp(s); }

TEST(ContextThreadSettings, ReadBackAndRefuseBadValues) {
    zt::context ctx;
    EXPECT_EQ(zmq_ctx_get(ctx, ZMQ_THREAD_SCHED_POLICY), -1);
    EXPECT_EQ(zmq_ctx_set(ctx, ZMQ_THREAD_SCHED_POLICY, SCHED_BATCH), 0);
    EXPECT_EQ(zmq_ctx_get(ctx, ZMQ_THREAD_SCHED_POLICY), SCHED_BATCH);
    ZT_EXPECT_ERRNO(zmq_ctx_set(ctx, ZMQ_THREAD_SCHED_POLICY, -1), EINVAL);
    EXPECT_EQ(zmq_ctx_get(ctx, ZMQ_THREAD_SCHED_POLICY), SCHED_BATCH);
    // Set only: its number is ZMQ_SOCKET_LIMIT's, which is what get reads.
    EXPECT_EQ(zmq_ctx_set(ctx, ZMQ_THREAD_PRIORITY, 10), 0);
    ZT_EXPECT_ERRNO(zmq_ctx_set(ctx, ZMQ_THREAD_PRIORITY, -1), EINVAL);
    EXPECT_EQ(zmq_ctx_get(ctx, ZMQ_THREAD_PRIORITY), zmq_ctx_get(ctx, ZMQ_SOCKET_LIMIT));
    EXPECT_EQ(zmq_ctx_get(ctx, ZMQ_THREAD_NAME_PREFIX), 0);
    EXPECT_EQ(zmq_ctx_set(ctx, ZMQ_THREAD_NAME_PREFIX, -7), 0);
    EXPECT_EQ(zmq_ctx_get(ctx, ZMQ_THREAD_NAME_PREFIX), -7);
    EXPECT_EQ(zmq_ctx_get(ctx, ZMQ_MAX_MSGSZ), 0x7fffffff);
    EXPECT_EQ(zmq_ctx_set(ctx, ZMQ_MAX_MSGSZ, 4096), 0);
    ZT_EXPECT_ERRNO(zmq_ctx_set(ctx, ZMQ_MAX_MSGSZ, -1), EINVAL);
    EXPECT_EQ(zmq_ctx_get(ctx, ZMQ_MAX_MSGSZ), 4096);
}

TEST(ContextThreadSettings, RemovingACpuNeverAddedIsRefused) {
    zt::context ctx;
    ZT_EXPECT_ERRNO(zmq_ctx_set(ctx, ZMQ_THREAD_AFFINITY_CPU_REMOVE, 0), EINVAL);
    EXPECT_EQ(zmq_ctx_set(ctx, ZMQ_THREAD_AFFINITY_CPU_ADD, 0), 0);
    EXPECT_EQ(zmq_ctx_set(ctx, ZMQ_THREAD_AFFINITY_CPU_REMOVE, 0), 0);
    ZT_EXPECT_ERRNO(zmq_ctx_set(ctx, ZMQ_THREAD_AFFINITY_CPU_REMOVE, 0), EINVAL);
    ZT_EXPECT_ERRNO(zmq_ctx_set(ctx, ZMQ_THREAD_AFFINITY_CPU_ADD, -1), EINVAL);
    ZT_EXPECT_ERRNO(zmq_ctx_get(ctx, ZMQ_THREAD_AFFINITY_CPU_ADD), EINVAL);
}

TEST(IoThreadNames, CarryThePrefixAndTheirIndex) {
    zt::context ctx;
    ASSERT_EQ(zmq_ctx_set(ctx, ZMQ_IO_THREADS, 2), 0);
    ASSERT_EQ(zmq_ctx_set(ctx, ZMQ_THREAD_NAME_PREFIX, 4242), 0);
    zt::socket s(ctx, ZMQ_PULL);
    start_io_threads(s);
    EXPECT_NE(wait_for_thread("4242/ZMQbg/IO/0"), 0);
    EXPECT_NE(wait_for_thread("4242/ZMQbg/IO/1"), 0);
}

TEST(IoThreadNames, WithoutAPrefix) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_PULL);
    start_io_threads(s);
    EXPECT_NE(wait_for_thread("ZMQbg/IO/0"), 0);
}

// Whether check() comes true within the safety net: a thread names itself
// before it applies its scheduling (libzmq and zmx alike), so a thread
// found by name may not show its settings yet.
template <typename Check>
bool becomes_true(Check check) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(zt::safety_timeout_ms);
    while (!check() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::yield();
    return check();
}

// A context whose I/O thread starts with one setting made: the thread's
// id once it runs (0 if it never shows), while the test holds ctx and s.
pid_t io_thread_started_with(void* ctx, std::unique_ptr<zt::socket>& s, int prefix, int option, int value) {
    if (zmq_ctx_set(ctx, ZMQ_THREAD_NAME_PREFIX, prefix) != 0 || zmq_ctx_set(ctx, option, value) != 0)
        return 0;
    s = std::make_unique<zt::socket>(ctx, ZMQ_PULL);
    start_io_threads(*s);
    return wait_for_thread(std::to_string(prefix) + "/ZMQbg/IO/0");
}

TEST(IoThreadScheduling, PolicyApplies) {
    zt::context ctx;
    std::unique_ptr<zt::socket> s;
    const pid_t tid = io_thread_started_with(ctx, s, 4301, ZMQ_THREAD_SCHED_POLICY, SCHED_BATCH);
    ASSERT_NE(tid, 0);
    EXPECT_TRUE(becomes_true([tid] { return sched_getscheduler(tid) == SCHED_BATCH; }));
}

TEST(IoThreadScheduling, PriorityOfANonRealtimeThreadLowersItsNiceValue) {
    if (geteuid() != 0)
        GTEST_SKIP() << "lowering a nice value takes CAP_SYS_NICE";
    zt::context ctx;
    std::unique_ptr<zt::socket> s;
    const pid_t tid = io_thread_started_with(ctx, s, 4302, ZMQ_THREAD_PRIORITY, 1);
    ASSERT_NE(tid, 0);
    // 20 below the nice value of the thread that started it (libzmq calls
    // nice(-20) there), at most -20.
    const int started_at = getpriority(PRIO_PROCESS, 0);
    const int expected = std::max(-20, started_at - 20);
    EXPECT_TRUE(becomes_true([tid, expected] { return getpriority(PRIO_PROCESS, static_cast<id_t>(tid)) == expected; }));
}

TEST(IoThreadScheduling, CpuAffinityApplies) {
    zt::context ctx;
    std::unique_ptr<zt::socket> s;
    const pid_t tid = io_thread_started_with(ctx, s, 4303, ZMQ_THREAD_AFFINITY_CPU_ADD, 0);
    ASSERT_NE(tid, 0);
    EXPECT_TRUE(becomes_true([tid] {
        cpu_set_t cpus;
        return sched_getaffinity(tid, sizeof cpus, &cpus) == 0 && CPU_COUNT(&cpus) == 1 && CPU_ISSET(0, &cpus);
    }));
}

// ZMQ_AFFINITY: a PULL bound with a one-thread mask has its connection
// served by that I/O thread: it wakes for each message, the other never.
void expect_connection_served_by(uint64_t affinity, int serving, int idle) {
    constexpr int prefix = 4310;
    constexpr int rounds = 40;
    zt::context ctx;
    ASSERT_EQ(zmq_ctx_set(ctx, ZMQ_IO_THREADS, 2), 0);
    ASSERT_EQ(zmq_ctx_set(ctx, ZMQ_THREAD_NAME_PREFIX, prefix), 0);
    zt::socket pull(ctx, ZMQ_PULL);
    ASSERT_EQ(zmq_setsockopt(pull, ZMQ_AFFINITY, &affinity, sizeof affinity), 0);
    const std::string endpoint = zt::bind_tcp(pull);
    const std::string name = std::to_string(prefix) + "/ZMQbg/IO/";
    const pid_t serving_tid = wait_for_thread(name + std::to_string(serving));
    const pid_t idle_tid = wait_for_thread(name + std::to_string(idle));
    ASSERT_NE(serving_tid, 0);
    ASSERT_NE(idle_tid, 0);
    zt::context sender_ctx;  // its threads have no prefix: not counted
    zt::socket push(sender_ctx, ZMQ_PUSH);
    zt::connect(push, endpoint.c_str());
    zt::send_str(push, "connected");
    ASSERT_EQ(zt::recv_str(pull), "connected");
    const long long serving_before = wake_ups_of(serving_tid), idle_before = wake_ups_of(idle_tid);
    for (int i = 0; i < rounds; ++i) {  // one at a time: each wakes the serving thread
        zt::send_str(push, "round");
        ASSERT_EQ(zt::recv_str(pull), "round");
    }
    EXPECT_GE(wake_ups_of(serving_tid) - serving_before, rounds / 2);
    EXPECT_LT(wake_ups_of(idle_tid) - idle_before, rounds / 10);
}

TEST(SocketAffinity, ConnectionsGoToTheSecondThread) { expect_connection_served_by(2, 1, 0); }
TEST(SocketAffinity, ConnectionsGoToTheFirstThread) { expect_connection_served_by(1, 0, 1); }

TEST(SocketAffinity, AMaskNamingNoThreadFailsTheBind) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_PULL);
    const uint64_t third_thread = 4;
    ASSERT_EQ(zmq_setsockopt(s, ZMQ_AFFINITY, &third_thread, sizeof third_thread), 0);
    ZT_EXPECT_ERRNO(zmq_bind(s, "tcp://127.0.0.1:*"), EMTHREAD);
    ZT_EXPECT_ERRNO(zmq_setsockopt(s, ZMQ_AFFINITY, &third_thread, sizeof(int)), EINVAL);
    uint64_t value = 0;
    size_t size = sizeof value;
    ASSERT_EQ(zmq_getsockopt(s, ZMQ_AFFINITY, &value, &size), 0);
    EXPECT_EQ(value, third_thread);
}

} // namespace
