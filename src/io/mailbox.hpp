// A socket's command inbox: any thread posts, the owner takes in batches.
//
// The signaler fires at most once per empty-to-pending transition, so a
// stream of commands costs one wake-up while the owner is busy, and none
// while the owner is spinning for them. Commands are destroyed outside the
// lock (they may hold the last reference to a pipe whose messages run user
// free functions).
//
// Who needs that wake-up decides whether it happens at all (wake_policy).
// An I/O thread sleeps in epoll on the descriptor, an event loop may watch
// a socket's ZMQ_FD at any time: they get every transition. A classic
// socket that never handed out ZMQ_FD is only waited on by zmx itself (a
// blocking call on the owner's thread, zmq_poll), and those waits say so
// first (begin_sleep): a transition wakes the signaler only while one is
// registered. A busy owner (a loop of non-blocking receives over many
// sockets) then costs its peers no system call per transition, and itself
// none to take the wake-up back.
//
// Before a blocking owner sleeps it waits briefly (await_briefly), because
// a sleeping thread's wake-up costs tens of microseconds:
// - a short pause spin, which catches a peer thread in a hot loop;
// - then, only for an answer (awaited::answer: the owner sent a request
//   and waits for what comes back), a yield spin: sched_yield(), a short
//   pause spin, and again. It must outlast a sleeping peer's wake-up (were
//   it shorter, one late answer would make both sides sleep from then on)
//   and catch an answer that I/O threads produce over tcp; an inproc
//   REQ/REP round trip is ten times faster with it. A pause spin that long
//   would starve the very thread that answers when busy threads outnumber
//   the cores; a yield hands it the core at once, and the pause between
//   yields keeps the scheduler's share down.
// The next message of a stream, or room to send one, is not worth the
// yield spin: it comes when the threads producing it have done their
// work, and a spinning consumer only takes their cores. Between two
// processes on 2 cores (four busy threads) the yield spin of a PULL and a
// blocked PUSH halved the 64 B throughput and doubled its CPU.
// The yield spin adapts: when it ends without a command it is skipped for
// the next 1, 3, 7 ... 63 waits, and one success brings it back, so a
// socket whose commands come slowly sleeps at once instead of spinning
// first. The budgets and what they were measured to do are in
// docs/performance.md ("The adaptive two-step wait").
//
// Threading: post() from any thread; take(), close(), wait() and
// wake_on_every_command() on the owner's thread; begin_sleep() and
// end_sleep() on a thread about to block on the descriptor; pending() may
// be read anywhere.
#pragma once

#include "base/signaler.hpp"

#include <sched.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace zmx {

// What a blocking owner waits for, which decides how long it spins.
enum class awaited {
    stream,  // the next message of a stream, or room to send one
    answer,  // the answer to what it just sent
};

enum class wake_policy {
    every_command,        // each transition wakes the signaler
    registered_sleepers,  // only while a thread said it will block on it
};

template <typename Command>
class mailbox {
public:
    explicit mailbox(std::unique_ptr<signaler> sig, wake_policy policy = wake_policy::every_command)
        : wakes_always_(policy == wake_policy::every_command), signaler_(std::move(sig)) {}

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
                // the system call, and so does one that has not registered
                // as a sleeper yet (the seq_cst pairs with spinning_ and
                // sleepers_ make sure one of the two sides notices the
                // other).
                must_wake = !spinning_.load(std::memory_order_seq_cst) &&
                            (wakes_always_ || sleepers_.load(std::memory_order_seq_cst) > 0);
                signaled_ = signaled_ || must_wake;
                for (signaler* watcher : watchers_)
                    watcher->wake();  // under the lock: it may be leaving
            }
        }
        if (must_wake)
            signaler_->wake();
        return true;
    }

    bool pending() const { return pending_.load(std::memory_order_acquire); }

    // The owner waits up to timeout_ms (-1 forever) for a command: briefly
    // spinning, then asleep on the signaler. 1 when one is pending (or the
    // signaler woke), 0 on timeout, -1 with EINTR as signaler::wait.
    int wait(int timeout_ms, awaited what = awaited::stream) {
        if (await_briefly(what))
            return 1;
        const int woken = begin_sleep() ? 1 : signaler_->wait(timeout_ms);
        end_sleep();
        return woken;
    }

    // A thread about to block on the signaler registers, then looks once
    // more: true when a command is already pending and it must not block.
    // Either way it calls end_sleep() when it stops waiting.
    bool begin_sleep() {
        sleepers_.fetch_add(1, std::memory_order_seq_cst);
        return pending_.load(std::memory_order_seq_cst);
    }
    void end_sleep() { sleepers_.fetch_sub(1, std::memory_order_relaxed); }

    // ZMQ_FD went to the application: from now on every transition wakes
    // the signaler, and a command already pending without a wake-up gets
    // one, or an event loop that polls first would never hear of it.
    void wake_on_every_command() {
        std::lock_guard lock(mutex_);
        if (std::exchange(wakes_always_, true) || !pending_.load(std::memory_order_relaxed) || signaled_)
            return;
        signaled_ = true;
        signaler_->wake();
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

    // Empties a batch take() filled, once its commands have run. The batch
    // and the queue trade buffers at each take, so a burst (a flood of
    // connections ending) would keep its memory for good: a buffer grown
    // past a few dozen commands is let go.
    static void recycle(std::vector<Command>& batch) {
        constexpr size_t kept_capacity = 64;
        if (batch.capacity() > kept_capacity)
            std::vector<Command>().swap(batch);
        else
            batch.clear();
    }

    // Refuses later posts and returns what was queued, for the caller to drop.
    std::vector<Command> close() {
        std::lock_guard lock(mutex_);
        closed_ = true;
        pending_.store(false, std::memory_order_release);
        return std::move(queue_);
    }

    signaler& sig() { return *signaler_; }

    // Any thread: a poller waiting on an owner that has no descriptor (a
    // thread-safe socket) is woken too when a command arrives.
    void add_watcher(signaler* watcher) {
        std::lock_guard lock(mutex_);
        watchers_.push_back(watcher);
    }
    void remove_watcher(signaler* watcher) {
        std::lock_guard lock(mutex_);
        std::erase(watchers_, watcher);
    }

private:
    // Waits a little for a command before the caller sleeps (the two steps
    // and their adaptation are described at the top). True when a command
    // arrived; false when the caller should sleep on the signaler.
    bool await_briefly(awaited what) {
        spinning_.store(true, std::memory_order_seq_cst);
        const auto start = clock::now();
        if (!pause_until(start + pause_spin) && what == awaited::answer)
            adaptive_yield_spin(start);
        spinning_.store(false, std::memory_order_seq_cst);
        // A post that saw spinning_ set skipped the wake-up: look again
        // after clearing it (seq_cst pairs with post()).
        return pending_.load(std::memory_order_seq_cst);
    }

    using clock = std::chrono::steady_clock;

    // The yield spin, skipped while backing off after misses.
    void adaptive_yield_spin(clock::time_point start) {
        if (yield_spin_skips_ > 0) {
            --yield_spin_skips_;
            return;
        }
        const bool arrived = yield_until(start + yield_spin);
        yield_spin_backoff_ = arrived ? 0 : std::min(2 * yield_spin_backoff_ + 1, max_yield_spin_backoff);
        yield_spin_skips_ = yield_spin_backoff_;
    }

    static constexpr auto pause_spin = std::chrono::microseconds(2);
    static constexpr auto yield_spin = std::chrono::microseconds(100);  // from the start of the wait
    static constexpr auto yield_gap = std::chrono::microseconds(1);    // paused between two yields
    static constexpr int max_yield_spin_backoff = 63;  // waits to skip after many misses
    static constexpr int pauses_per_clock_read = 8;

    static void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
        __builtin_ia32_pause();
#endif
    }

    // Pauses until a command is pending or the deadline passes. The clock
    // is read every few pauses: a read costs about as much as a pause.
    bool pause_until(clock::time_point deadline) const {
        for (;;) {
            for (int i = 0; i < pauses_per_clock_read; ++i) {
                if (pending())
                    return true;
                cpu_relax();
            }
            if (clock::now() >= deadline)
                return pending();
        }
    }

    // Yields the core, then pauses for yield_gap, until a command is pending
    // or the deadline passes. The gap keeps the system calls and scheduler
    // passes to one per microsecond or so; a thread waiting for this core
    // still gets it within that.
    bool yield_until(clock::time_point deadline) const {
        for (;;) {
            sched_yield();
            const auto now = clock::now();
            if (now >= deadline)
                return pending();
            if (pause_until(std::min(now + yield_gap, deadline)))
                return true;
        }
    }

    std::mutex mutex_;
    std::vector<Command> queue_;
    std::vector<signaler*> watchers_;
    std::atomic<bool> pending_{false};
    std::atomic<bool> spinning_{false};  // the owner is in await_briefly()
    std::atomic<int> sleepers_{0};       // threads between begin_sleep() and end_sleep()
    bool wakes_always_;                  // wake_policy::every_command, or ZMQ_FD handed out
    bool signaled_ = false;              // the signaler was woken since the last take
    bool closed_ = false;
    // The owner's record of how the yield spin fared (owner's thread only).
    int yield_spin_backoff_ = 0;  // waits to skip after the next miss
    int yield_spin_skips_ = 0;    // waits left that skip the yield spin
    std::unique_ptr<signaler> signaler_;
};

} // namespace zmx
