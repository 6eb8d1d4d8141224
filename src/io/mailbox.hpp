// A socket's command inbox: any thread posts, the owner takes in batches.
//
// The signaler fires once per empty-to-pending transition, so a stream of
// commands costs one wake-up while the owner is busy, and none while the
// owner is spinning for them. Commands are destroyed
// outside the lock (they may hold the last reference to a pipe whose
// messages run user free functions).
//
// Threading: post() from any thread; take(), close() and pending() on the
// owner's thread (pending() may be read anywhere).
#pragma once

#include "base/signaler.hpp"

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

namespace zmx {

template <typename Command>
class mailbox {
public:
    explicit mailbox(std::unique_ptr<signaler> sig) : signaler_(std::move(sig)) {}

    // Queues a command. False when the mailbox is closed: the command is then
    // left with the caller, who drops it outside any lock.
    bool post(Command& command) {
        bool must_wake = false;
        {
            std::lock_guard lock(mutex_);
            if (closed_)
                return false;
            queue_.push_back(std::move(command));
            if (!pending_.exchange(true, std::memory_order_seq_cst)) {
                // An owner spinning in await_briefly() sees pending_ without
                // the system call (the seq_cst pair with spinning_ makes
                // sure one of the two sides notices the other).
                must_wake = !spinning_.load(std::memory_order_seq_cst);
                signaled_ = signaled_ || must_wake;
            }
        }
        if (must_wake)
            signaler_->wake();
        return true;
    }

    bool pending() const { return pending_.load(std::memory_order_acquire); }

    // Busy-waits a little for a command before the caller sleeps: when the
    // peer is already answering, this saves the sleeping thread's wake-up,
    // which costs tens of microseconds. True when a command arrived.
    bool await_briefly() {
        spinning_.store(true, std::memory_order_seq_cst);
        for (int i = 0; i < spin_iterations && !pending(); ++i)
            cpu_relax();
        spinning_.store(false, std::memory_order_seq_cst);
        return pending_.load(std::memory_order_seq_cst);
    }

    // Moves every queued command into out (which must be empty).
    void take(std::vector<Command>& out) {
        if (!pending())
            return;
        std::lock_guard lock(mutex_);
        out.swap(queue_);
        pending_.store(false, std::memory_order_release);
        // Under the lock, so a post that follows signals afresh and no
        // wake-up is lost; skipped when the posters did not signal.
        if (signaled_) {
            signaled_ = false;
            signaler_->reset();
        }
    }

    // Refuses later posts and returns what was queued, for the caller to drop.
    std::vector<Command> close() {
        std::lock_guard lock(mutex_);
        closed_ = true;
        pending_.store(false, std::memory_order_release);
        return std::move(queue_);
    }

    signaler& sig() { return *signaler_; }

private:
    static constexpr int spin_iterations = 4000;  // a few microseconds

    static void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
        __builtin_ia32_pause();
#endif
    }

    std::mutex mutex_;
    std::vector<Command> queue_;
    std::atomic<bool> pending_{false};
    std::atomic<bool> spinning_{false};  // the owner is in await_briefly()
    bool signaled_ = false;              // the signaler was woken since the last take
    bool closed_ = false;
    std::unique_ptr<signaler> signaler_;
};

} // namespace zmx
