// zmq_poller over classic sockets, thread-safe sockets and plain file
// descriptors; its errors as libzmq gives them; zmq_poll over thread-safe
// sockets. Checked against the reference libzmq 4.3.4 with its draft API.
#include "zmq_test.hpp"

#include <poll.h>
#include <unistd.h>

#include <thread>

namespace {

class Poller : public ::testing::Test {
protected:
    void SetUp() override { poller_ = zmq_poller_new(); }
    void TearDown() override { zmq_poller_destroy(&poller_); }

    zt::context ctx;
    void* poller_ = nullptr;
};

TEST_F(Poller, ReportsEachKindOfItemWithItsUserData) {
    zt::socket pull(ctx, ZMQ_PULL), push(ctx, ZMQ_PUSH);
    zt::socket gather(ctx, ZMQ_GATHER), scatter(ctx, ZMQ_SCATTER);
    zt::bind(pull, "inproc://poller-classic");
    zt::connect(push, "inproc://poller-classic");
    zt::bind(gather, "inproc://poller-safe");
    zt::connect(scatter, "inproc://poller-safe");
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    int classic_tag = 1, safe_tag = 2, fd_tag = 3;
    ASSERT_EQ(zmq_poller_add(poller_, pull, &classic_tag, ZMQ_POLLIN), 0);
    ASSERT_EQ(zmq_poller_add(poller_, gather, &safe_tag, ZMQ_POLLIN), 0);
    ASSERT_EQ(zmq_poller_add_fd(poller_, fds[0], &fd_tag, ZMQ_POLLIN), 0);
    EXPECT_EQ(zmq_poller_size(poller_), 3);

    zmq_poller_event_t event;
    ZT_EXPECT_ERRNO(zmq_poller_wait(poller_, &event, 0), EAGAIN);
    EXPECT_EQ(event.socket, nullptr);

    zt::send_str(scatter, "safe");
    ASSERT_EQ(zmq_poller_wait(poller_, &event, zt::safety_timeout_ms), 0);
    EXPECT_EQ(event.socket, static_cast<void*>(gather));
    EXPECT_EQ(event.user_data, &safe_tag);
    EXPECT_EQ(event.events, ZMQ_POLLIN);
    zt::recv_str(gather);

    zt::send_str(push, "classic");
    ASSERT_EQ(zmq_poller_wait(poller_, &event, zt::safety_timeout_ms), 0);
    EXPECT_EQ(event.user_data, &classic_tag);
    zt::recv_str(pull);

    ASSERT_EQ(::write(fds[1], "x", 1), 1);
    ASSERT_EQ(zmq_poller_wait(poller_, &event, zt::safety_timeout_ms), 0);
    EXPECT_EQ(event.socket, nullptr);
    EXPECT_EQ(event.fd, fds[0]);
    EXPECT_EQ(event.user_data, &fd_tag);
    ::close(fds[0]);
    ::close(fds[1]);
}

TEST_F(Poller, WaitAllGivesEveryReadyItemAndClearsTheRest) {
    zt::socket a(ctx, ZMQ_CHANNEL), b(ctx, ZMQ_CHANNEL);
    zt::bind(a, "inproc://poller-all");
    zt::connect(b, "inproc://poller-all");
    ASSERT_EQ(zmq_poller_add(poller_, a, nullptr, ZMQ_POLLIN | ZMQ_POLLOUT), 0);
    ASSERT_EQ(zmq_poller_add(poller_, b, nullptr, ZMQ_POLLOUT), 0);
    zmq_poller_event_t events[3];
    ASSERT_EQ(zmq_poller_wait_all(poller_, events, 3, zt::safety_timeout_ms), 2);
    EXPECT_EQ(events[0].events, ZMQ_POLLOUT);
    EXPECT_EQ(events[1].events, ZMQ_POLLOUT);
    EXPECT_EQ(events[2].socket, nullptr);
    EXPECT_EQ(events[2].events, 0);
}

TEST_F(Poller, ModifyAndRemoveChangeWhatIsWaitedFor) {
    zt::socket a(ctx, ZMQ_CHANNEL), b(ctx, ZMQ_CHANNEL);
    zt::bind(a, "inproc://poller-modify");
    zt::connect(b, "inproc://poller-modify");
    ASSERT_EQ(zmq_poller_add(poller_, a, nullptr, ZMQ_POLLIN), 0);
    zmq_poller_event_t event;
    ZT_EXPECT_ERRNO(zmq_poller_wait(poller_, &event, 0), EAGAIN);
    ASSERT_EQ(zmq_poller_modify(poller_, a, ZMQ_POLLOUT), 0);
    EXPECT_EQ(zmq_poller_wait(poller_, &event, zt::safety_timeout_ms), 0);
    ASSERT_EQ(zmq_poller_remove(poller_, a), 0);
    EXPECT_EQ(zmq_poller_size(poller_), 0);
}

TEST_F(Poller, ArgumentsAreCheckedAsLibzmqChecksThem) {
    zt::socket s(ctx, ZMQ_PULL);
    ZT_EXPECT_ERRNO(zmq_poller_add(poller_, s, nullptr, 0x100), EINVAL);
    ASSERT_EQ(zmq_poller_add(poller_, s, nullptr, ZMQ_POLLIN), 0);
    ZT_EXPECT_ERRNO(zmq_poller_add(poller_, s, nullptr, ZMQ_POLLIN), EINVAL);
    ZT_EXPECT_ERRNO(zmq_poller_remove_fd(poller_, 0), EINVAL);
    ZT_EXPECT_ERRNO(zmq_poller_add_fd(poller_, -1, nullptr, ZMQ_POLLIN), EBADF);
    ZT_EXPECT_ERRNO(zmq_poller_add(poller_, nullptr, nullptr, ZMQ_POLLIN), ENOTSOCK);
    int not_a_poller = 0;
    ZT_EXPECT_ERRNO(zmq_poller_size(&not_a_poller), EFAULT);
    ZT_EXPECT_ERRNO(zmq_poller_wait_all(poller_, nullptr, 1, 0), EFAULT);
    zmq_fd_t fd;
    ZT_EXPECT_ERRNO(zmq_poller_fd(poller_, &fd), EINVAL);  // no thread-safe socket, no descriptor
}

TEST_F(Poller, WithNothingToWaitForAnEndlessWaitIsRefused) {
    zmq_poller_event_t event;
    ZT_EXPECT_ERRNO(zmq_poller_wait(poller_, &event, -1), EFAULT);
    ZT_EXPECT_ERRNO(zmq_poller_wait(poller_, &event, 0), EAGAIN);
}

// Items that ask for no event leave nothing to wait for either (libzmq's
// own test_poller checks this); one that asks makes the wait a wait again.
TEST_F(Poller, ItemsAskingForNoEventLeaveNothingToWaitFor) {
    zt::socket pull(ctx, ZMQ_PULL);
    int pipe_ends[2];
    ASSERT_EQ(pipe(pipe_ends), 0);
    ASSERT_EQ(zmq_poller_add(poller_, pull, nullptr, 0), 0);
    ASSERT_EQ(zmq_poller_add_fd(poller_, pipe_ends[0], nullptr, 0), 0);
    zmq_poller_event_t events[2];
    ZT_EXPECT_ERRNO(zmq_poller_wait_all(poller_, events, 2, -1), EFAULT);
    ZT_EXPECT_ERRNO(zmq_poller_wait_all(poller_, events, 2, 0), EAGAIN);
    ASSERT_EQ(zmq_poller_modify_fd(poller_, pipe_ends[0], ZMQ_POLLIN), 0);
    ASSERT_EQ(write(pipe_ends[1], "x", 1), 1);
    ASSERT_EQ(zmq_poller_wait_all(poller_, events, 2, -1), 1);
    EXPECT_EQ(events[0].fd, pipe_ends[0]);
    close(pipe_ends[0]);
    close(pipe_ends[1]);
}

// No room for an event: nothing can be reported, so a ready item still
// leaves a timeout, as in libzmq.
TEST_F(Poller, NoRoomForAnEventIsATimeout) {
    int pipe_ends[2];
    ASSERT_EQ(pipe(pipe_ends), 0);
    ASSERT_EQ(zmq_poller_add_fd(poller_, pipe_ends[0], nullptr, ZMQ_POLLIN), 0);
    ASSERT_EQ(write(pipe_ends[1], "x", 1), 1);
    zmq_poller_event_t events[1];
    ZT_EXPECT_ERRNO(zmq_poller_wait_all(poller_, events, 0, 0), EAGAIN);
    ZT_EXPECT_ERRNO(zmq_poller_wait_all(poller_, events, 0, 10), EAGAIN);
    EXPECT_EQ(zmq_poller_wait_all(poller_, events, 1, 0), 1);
    close(pipe_ends[0]);
    close(pipe_ends[1]);
}

TEST_F(Poller, ItsDescriptorWakesForAThreadSafeSocket) {
    zt::socket server(ctx, ZMQ_SERVER), client(ctx, ZMQ_CLIENT);
    zt::bind(server, "inproc://poller-fd");
    zt::connect(client, "inproc://poller-fd");
    ASSERT_EQ(zmq_poller_add(poller_, server, nullptr, ZMQ_POLLIN), 0);
    zmq_fd_t fd;
    ASSERT_EQ(zmq_poller_fd(poller_, &fd), 0);
    // As with ZMQ_FD, the descriptor tells of what comes after a look at
    // the sockets: this one finds nothing yet.
    zmq_poller_event_t event;
    ZT_EXPECT_ERRNO(zmq_poller_wait(poller_, &event, 0), EAGAIN);
    std::thread sender([&] { zt::send_str(client, "wake"); });
    pollfd item{fd, POLLIN, 0};
    EXPECT_EQ(::poll(&item, 1, zt::safety_timeout_ms), 1);
    sender.join();
}

TEST_F(Poller, DestroyClearsTheHandle) {
    void* second = zmq_poller_new();
    ASSERT_EQ(zmq_poller_destroy(&second), 0);
    EXPECT_EQ(second, nullptr);
    ZT_EXPECT_ERRNO(zmq_poller_destroy(&second), EFAULT);
}

// A set may outlive its sockets (as when a fixture closes them first): the
// socket is not touched once closed (ASan watches), a wait names the
// closed one as no socket, and a new socket is not mistaken for it.
TEST_F(Poller, ZmxOnlyOutlivesTheSocketsClosedInIt) {
    void* classic = zmq_socket(ctx, ZMQ_PULL);
    void* safe = zmq_socket(ctx, ZMQ_GATHER);
    ASSERT_EQ(zmq_poller_add(poller_, classic, nullptr, ZMQ_POLLIN), 0);
    ASSERT_EQ(zmq_poller_add(poller_, safe, nullptr, ZMQ_POLLIN), 0);
    ASSERT_EQ(zmq_close(classic), 0);
    ASSERT_EQ(zmq_close(safe), 0);
    zmq_poller_event_t event;
    ZT_EXPECT_ERRNO(zmq_poller_wait(poller_, &event, 0), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_poller_remove(poller_, safe), ENOTSOCK);
    zt::socket next(ctx, ZMQ_GATHER);
    ZT_EXPECT_ERRNO(zmq_poller_modify(poller_, next, ZMQ_POLLOUT), EINVAL);  // not in the set
    ASSERT_EQ(zmq_poller_add(poller_, next, nullptr, ZMQ_POLLIN), 0);
    EXPECT_EQ(zmq_poller_size(poller_), 3);
}

TEST(ZmqPollOverThreadSafe, IsWokenByAMessageFromAnotherThread) {
    zt::context ctx;
    zt::socket server(ctx, ZMQ_SERVER), client(ctx, ZMQ_CLIENT);
    zt::bind(server, "inproc://poll-safe");
    zt::connect(client, "inproc://poll-safe");
    std::thread sender([&] { zt::send_str(client, "polled"); });
    EXPECT_TRUE(zt::wait_readable(server));
    sender.join();
    EXPECT_EQ(zt::recv_str(server), "polled");
}

} // namespace
