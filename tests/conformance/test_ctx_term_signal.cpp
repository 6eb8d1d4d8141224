// zmq_ctx_term(3): "EINTR Termination was interrupted by a signal. It can be
// restarted if needed." and zmq_ctx_new(3) when the process is out of file
// descriptors (libzmq 4.3.4 returns NULL with errno EMFILE).
#include "zmq_test.hpp"

#include <atomic>
#include <csignal>
#include <pthread.h>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

void ignore_signal(int) {}

// Installs a handler without SA_RESTART, so a blocking call the signal
// lands in returns EINTR instead of being restarted; restores on exit.
class interrupting_handler {
public:
    explicit interrupting_handler(int signo) : signo_(signo) {
        struct sigaction action {};
        action.sa_handler = ignore_signal;
        sigemptyset(&action.sa_mask);
        sigaction(signo_, &action, &previous_);
    }
    ~interrupting_handler() { sigaction(signo_, &previous_, nullptr); }
private:
    int signo_;
    struct sigaction previous_ {};
};

TEST(CtxTermSignal, InterruptedTermReturnsEintrAndCanBeRestarted) {
    interrupting_handler handler(SIGUSR1);
    void* ctx = zmq_ctx_new();
    ASSERT_NE(ctx, nullptr);
    // An open socket keeps zmq_ctx_term waiting until a signal arrives.
    void* s = zmq_socket(ctx, ZMQ_PULL);
    ASSERT_NE(s, nullptr);
    std::atomic<bool> returned{false};
    const pthread_t terminator = pthread_self();
    // The signal is sent again and again until term returns: the first ones
    // may land before term starts waiting (the wait is the event).
    std::thread signaller([&] {
        while (!returned.load()) {
            pthread_kill(terminator, SIGUSR1);
            std::this_thread::yield();
        }
    });
    errno = 0;
    const int rc = zmq_ctx_term(ctx);
    const int err = zmq_errno();
    returned = true;
    signaller.join();
    EXPECT_EQ(rc, -1);
    EXPECT_EQ(err, EINTR);
    // The socket now fails with ETERM; once closed, term is restarted.
    char byte;
    ZT_EXPECT_ERRNO(zmq_recv(s, &byte, 1, 0), ETERM);
    EXPECT_EQ(zmq_close(s), 0);
    EXPECT_EQ(zmq_ctx_term(ctx), 0);
}

// Lowers RLIMIT_NOFILE and fills every descriptor under it; restores both.
class descriptors_exhausted {
public:
    descriptors_exhausted() {
        getrlimit(RLIMIT_NOFILE, &saved_);
        struct rlimit low = saved_;
        low.rlim_cur = 64;
        setrlimit(RLIMIT_NOFILE, &low);
        for (int fd; (fd = dup(0)) >= 0;)
            held_.push_back(fd);
    }
    ~descriptors_exhausted() {
        for (int fd : held_)
            close(fd);
        setrlimit(RLIMIT_NOFILE, &saved_);
    }
private:
    struct rlimit saved_ {};
    std::vector<int> held_;
};

TEST(CtxNewLimits, WithoutDescriptorsCtxNewIsNullWithEmfile) {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    GTEST_SKIP() << "a sanitizer needs descriptors of its own";
#endif
    void* ctx = nullptr;
    int err = 0;
    {
        descriptors_exhausted exhausted;
        errno = 0;
        ctx = zmq_ctx_new();
        err = zmq_errno();
    }
    EXPECT_EQ(ctx, nullptr);
    EXPECT_EQ(err, EMFILE);
    if (ctx)
        zmq_ctx_term(ctx);
    // With descriptors back, contexts work again.
    ctx = zmq_ctx_new();
    ASSERT_NE(ctx, nullptr);
    EXPECT_EQ(zmq_ctx_term(ctx), 0);
}

} // namespace
