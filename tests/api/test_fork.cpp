// fork() while a context is in use, as Python's multiprocessing and
// pre-forking servers do it. As with libzmq 4.3.4: the child may close the
// sockets it inherited and give up the inherited context (zmq_ctx_term
// gives EINTR there: the I/O threads are the parent's) and make a new one
// of its own; nothing it does reaches the parent, whose traffic goes on.
#include "zmq_test.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <poll.h>
#include <unistd.h>

#include <csignal>

#include <string>

namespace {

// What the child found, as one line a failed expectation prints.
std::string run_child(void* ctx, void* push, void* pull) {
    std::string report;
    // A send would wake the parent's I/O thread through the eventfd both
    // processes share, were the child allowed to write to it. Whether it
    // succeeds is not the point (libzmq's gives EINTR there, zmx's queues
    // the message in the child's copy of the pipe).
    zmq_send(push, "from the child", 14, ZMQ_DONTWAIT);
    if (zmq_close(pull) != 0 || zmq_close(push) != 0)
        report += "close failed; ";
    if (zmq_ctx_term(ctx) != -1 || zmq_errno() != EINTR)
        report += "ctx_term did not give EINTR; ";
    void* fresh = zmq_ctx_new();
    void* a = zmq_socket(fresh, ZMQ_PAIR);
    void* b = zmq_socket(fresh, ZMQ_PAIR);
    char buffer[8] = {};
    if (zmq_bind(a, "inproc://fresh") != 0 || zmq_connect(b, "inproc://fresh") != 0 || zmq_send(b, "new", 3, 0) != 3 ||
        zmq_recv(a, buffer, sizeof buffer, 0) != 3)
        report += "a new context does not work; ";
    zmq_close(a);
    zmq_close(b);
    if (zmq_ctx_term(fresh) != 0)
        report += "the new context did not end; ";
    return report.empty() ? "ok" : report;
}

// The child's report, or "" when it did not come within the safety timeout.
std::string read_report(int fd) {
    pollfd item{fd, POLLIN, 0};
    if (::poll(&item, 1, zt::safety_timeout_ms) <= 0)
        return "";
    char buffer[256];
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    return n > 0 ? std::string(buffer, static_cast<size_t>(n)) : "";
}

double cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

TEST(Fork, TheChildLetsGoOfWhatItInheritedAndTheParentCarriesOn) {
    void* ctx = zmq_ctx_new();
    void* pull = zmq_socket(ctx, ZMQ_PULL);
    void* push = zmq_socket(ctx, ZMQ_PUSH);
    ASSERT_EQ(zmq_setsockopt(pull, ZMQ_RCVTIMEO, &zt::safety_timeout_ms, sizeof(int)), 0);
    ASSERT_EQ(zmq_bind(pull, "tcp://127.0.0.1:*"), 0);
    char endpoint[256];
    size_t size = sizeof endpoint;
    ASSERT_EQ(zmq_getsockopt(pull, ZMQ_LAST_ENDPOINT, endpoint, &size), 0);
    ASSERT_EQ(zmq_connect(push, endpoint), 0);
    zt::send_str(push, "before");
    ASSERT_EQ(zt::recv_str(pull), "before");

    int report[2];
    ASSERT_EQ(::pipe(report), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        const std::string found = run_child(ctx, push, pull);
        (void)!::write(report[1], found.data(), found.size());
        ::_exit(0);
    }
    ::close(report[1]);
    const std::string found = read_report(report[0]);
    EXPECT_EQ(found, "ok") << "the child hung or failed";
    if (found.empty())
        ::kill(child, SIGKILL);  // hung: the test ends anyway
    ::close(report[0]);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);

    // The parent's I/O thread was not woken by the child: it stays idle.
    // (An observation window, not a wait for an event: a thread woken for
    // nothing spins on its eventfd and would burn the whole window.)
    const double before = cpu_seconds();
    zmq_poll(nullptr, 0, 300);
    EXPECT_LT(cpu_seconds() - before, 0.15) << "the parent's threads are busy for nothing";

    zt::send_str(push, "after");
    EXPECT_EQ(zt::recv_str(pull), "after");
    int linger = 0;
    zmq_setsockopt(push, ZMQ_LINGER, &linger, sizeof linger);
    zmq_close(pull);
    zmq_close(push);
    EXPECT_EQ(zmq_ctx_term(ctx), 0);
}

} // namespace
