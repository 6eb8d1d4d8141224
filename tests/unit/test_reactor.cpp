// The I/O threads' event loop: descriptors, timers, stop. It runs on an
// io_thread here, whose posted tasks reach it. Every wait is on a future
// with a safety timeout, never a sleep.
#include "io/io_thread.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <future>
#include <thread>
#include <vector>

namespace {

using zmx::io_handler;
using zmx::io_thread;
using zmx::reactor;
using namespace std::chrono_literals;

constexpr auto safety = 5s;

struct os_pipe {
    int fds[2];
    os_pipe() { EXPECT_EQ(pipe2(fds, O_NONBLOCK | O_CLOEXEC), 0); }
    ~os_pipe() {
        ::close(fds[0]);
        ::close(fds[1]);
    }
    int read_end() const { return fds[0]; }
    int write_end() const { return fds[1]; }
};

// Runs f on the I/O thread and waits for it.
template <typename F>
void on_loop(io_thread& t, F f) {
    std::promise<void> done;
    t.post([&] {
        f();
        done.set_value();
    });
    ASSERT_EQ(done.get_future().wait_for(safety), std::future_status::ready);
}

struct reader final : io_handler {
    reactor* loop = nullptr;
    int fd = -1;
    std::promise<std::string> got;
    void on_readable() override {
        char buffer[64];
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        loop->remove_fd(fd);
        got.set_value(std::string(buffer, n > 0 ? static_cast<size_t>(n) : 0));
    }
};

TEST(Reactor, CallsTheHandlerOfAReadableDescriptor) {
    io_thread t;
    os_pipe p;
    reader r;
    r.loop = &t.loop();
    r.fd = p.read_end();
    auto got = r.got.get_future();
    on_loop(t, [&] {
        t.loop().add_fd(p.read_end(), &r);
        t.loop().want_read(p.read_end(), true);
    });
    ASSERT_EQ(::write(p.write_end(), "ping", 4), 4);
    ASSERT_EQ(got.wait_for(safety), std::future_status::ready);
    EXPECT_EQ(got.get(), "ping");
}

struct writer final : io_handler {
    reactor* loop = nullptr;
    int fd = -1;
    std::promise<void> called;
    void on_writable() override {
        loop->remove_fd(fd);
        called.set_value();
    }
};

TEST(Reactor, CallsTheHandlerOfAWritableDescriptorOnlyWhenAsked) {
    io_thread t;
    os_pipe p;
    writer w;
    w.loop = &t.loop();
    w.fd = p.write_end();
    auto called = w.called.get_future();
    on_loop(t, [&] { t.loop().add_fd(p.write_end(), &w); });
    on_loop(t, [] {});  // a full turn of the loop without interest: no call
    EXPECT_EQ(called.wait_for(0s), std::future_status::timeout);
    on_loop(t, [&] { t.loop().want_write(p.write_end(), true); });
    EXPECT_EQ(called.wait_for(safety), std::future_status::ready);
}

struct recorder final : io_handler {
    std::vector<int> fired;
    std::promise<void> last;
    int last_id = -1;
    void on_timer(int id) override {
        fired.push_back(id);
        if (id == last_id)
            last.set_value();
    }
};

TEST(Reactor, TimersFireOnceInDeadlineOrderAndCanBeCancelled) {
    io_thread t;
    recorder r;
    r.last_id = 3;
    auto done = r.last.get_future();
    on_loop(t, [&] {
        t.loop().add_timer(30, &r, 3);
        t.loop().add_timer(10, &r, 1);
        t.loop().add_timer(20, &r, 2);
        t.loop().add_timer(15, &r, 99);
        t.loop().cancel_timer(&r, 99);
    });
    ASSERT_EQ(done.wait_for(safety), std::future_status::ready);
    on_loop(t, [&] { EXPECT_EQ(r.fired, (std::vector<int>{1, 2, 3})); });
}

// Two descriptors ready in one batch: the first handler removes the second,
// whose handler must then not be called.
struct remover final : io_handler {
    reactor* loop = nullptr;
    int own = -1;
    int other = -1;
    int calls = 0;
    void on_readable() override {
        ++calls;
        loop->remove_fd(own);
        loop->remove_fd(other);
    }
};

TEST(Reactor, ARemovedDescriptorIsNotDispatchedLaterInTheSameBatch) {
    io_thread t;
    os_pipe a, b;
    remover ra, rb;
    ra.loop = rb.loop = &t.loop();
    ra.own = rb.other = a.read_end();
    rb.own = ra.other = b.read_end();
    ASSERT_EQ(::write(a.write_end(), "x", 1), 1);
    ASSERT_EQ(::write(b.write_end(), "x", 1), 1);
    on_loop(t, [&] {
        t.loop().add_fd(a.read_end(), &ra);
        t.loop().add_fd(b.read_end(), &rb);
        t.loop().want_read(a.read_end(), true);
        t.loop().want_read(b.read_end(), true);
    });
    // Both were readable; whichever ran first removed the other.
    on_loop(t, [] {});
    on_loop(t, [&] { EXPECT_EQ(ra.calls + rb.calls, 1); });
}

struct stopper final : io_handler {
    reactor* loop = nullptr;
    void on_timer(int) override { loop->stop(); }
};

TEST(Reactor, StopFromAHandlerEndsRun) {
    reactor loop;
    stopper s;
    s.loop = &loop;
    loop.add_timer(1, &s, 1);
    std::promise<void> returned;
    std::thread runner([&] {
        loop.run();
        returned.set_value();
    });
    EXPECT_EQ(returned.get_future().wait_for(safety), std::future_status::ready);
    runner.join();
}

} // namespace
