// The threads a context starts take no signals, as libzmq's take none: a
// process-directed signal (Ctrl-C, kill) then lands on an application
// thread and interrupts its blocking call (EINTR) instead of waking a
// thread that ignores it.
#include "zmq_test.hpp"

#include <dirent.h>
#include <unistd.h>

#include <csignal>
#include <fstream>
#include <set>
#include <string>

namespace {

std::set<std::string> thread_ids() {
    std::set<std::string> ids;
    if (DIR* tasks = opendir("/proc/self/task")) {
        while (dirent* entry = readdir(tasks))
            if (entry->d_name[0] != '.')
                ids.insert(entry->d_name);
        closedir(tasks);
    }
    return ids;
}

// The thread's blocked-signal mask, from its "SigBlk:" line (hex).
unsigned long long blocked_signals(const std::string& thread_id) {
    std::ifstream status("/proc/self/task/" + thread_id + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("SigBlk:", 0) == 0)
            return std::stoull(line.substr(7), nullptr, 16);
    ADD_FAILURE() << "no SigBlk line for thread " << thread_id;
    return 0;
}

bool blocks(unsigned long long mask, int signal_number) { return (mask >> (signal_number - 1)) & 1; }

TEST(BackgroundThreads, TakeNoSignals) {
    const std::set<std::string> before = thread_ids();
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    zt::bind(pull, "tcp://127.0.0.1:*");  // a connection needs an I/O thread

    int started = 0;
    for (const std::string& id : thread_ids()) {
        if (before.count(id))
            continue;
        ++started;
        const unsigned long long mask = blocked_signals(id);
        EXPECT_TRUE(blocks(mask, SIGINT)) << "thread " << id << " takes SIGINT";
        EXPECT_TRUE(blocks(mask, SIGTERM)) << "thread " << id << " takes SIGTERM";
    }
    EXPECT_GT(started, 0) << "the context started no thread to check";
}

} // namespace
