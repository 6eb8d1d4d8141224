// How a socket's owner is woken when commands arrive for it.
//
// Single-owner sockets use an eventfd, which is also what ZMQ_FD exposes to
// event loops. Thread-safe sockets (CLIENT, SERVER, ...) will use a mutex and
// condition variable instead, so callers in several threads can wait.
//
// Threading: wake() from any thread; wait() and reset() on the owner's thread.
#pragma once

#include "base/fork_stamp.hpp"

#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace zmx {

class signaler {
public:
    virtual ~signaler() = default;
    // Makes the next or current wait() return. Idempotent until reset().
    virtual void wake() = 0;
    // Waits up to timeout_ms (-1 forever) for a wake(): 1 when woken, 0 on
    // timeout, -1 with errno EINTR when a signal interrupted the wait (so a
    // blocking zmq_recv can return EINTR, as libzmq's does).
    virtual int wait(int timeout_ms) = 0;
    // Consumes a pending wake-up.
    virtual void reset() = 0;
    // The pollable descriptor, or -1 when there is none.
    virtual int fd() const = 0;
    // 0, or the errno that kept the signaler from being created.
    int error() const { return error_; }

protected:
    int error_ = 0;
};

// In a forked child an inherited eventfd is the parent's too: wake() and
// reset() leave it alone, and wait() returns at once as if interrupted
// (EINTR), as libzmq's signaler does there.
class eventfd_signaler final : public signaler {
public:
    eventfd_signaler();  // on failure, error() says why (EMFILE, ENFILE, ...)
    ~eventfd_signaler() override;
    void wake() override;
    int wait(int timeout_ms) override;
    void reset() override;
    int fd() const override { return fd_; }

private:
    int fd_;
    fork_stamp stamp_;
};

// For thread-safe sockets, where any number of threads may wait at once:
// besides the one-owner interface, each waiter can take a ticket (how many
// wake-ups there were so far) and wait for a wake-up after it, so no
// waiter's reset makes another miss its wake-up.
class condvar_signaler final : public signaler {
public:
    void wake() override;
    int wait(int timeout_ms) override;
    void reset() override;
    int fd() const override { return -1; }

    uint64_t ticket();
    // Waits up to timeout_ms (-1 forever) for a wake() after the ticket: 1
    // when there was one, 0 on timeout.
    int wait_after(uint64_t ticket, int timeout_ms);

private:
    std::mutex mutex_;
    std::condition_variable cv_;
    bool woken_ = false;
    uint64_t wakes_ = 0;
};

} // namespace zmx
