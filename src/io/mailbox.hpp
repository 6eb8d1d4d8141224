// A socket's command inbox: any thread posts, the owner takes in batches.
//
// The signaler fires once per empty-to-pending transition, so a stream of
// commands costs one wake-up while the owner is busy. Commands are destroyed
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
            must_wake = !pending_.exchange(true, std::memory_order_acq_rel);
        }
        if (must_wake)
            signaler_->wake();
        return true;
    }

    bool pending() const { return pending_.load(std::memory_order_acquire); }

    // Moves every queued command into out (which must be empty).
    void take(std::vector<Command>& out) {
        if (!pending())
            return;
        // Reset before taking: a post racing with us leaves a wake-up behind
        // rather than losing one.
        signaler_->reset();
        std::lock_guard lock(mutex_);
        out.swap(queue_);
        pending_.store(false, std::memory_order_release);
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
    std::mutex mutex_;
    std::vector<Command> queue_;
    std::atomic<bool> pending_{false};
    bool closed_ = false;
    std::unique_ptr<signaler> signaler_;
};

} // namespace zmx
