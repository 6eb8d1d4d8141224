// An I/O thread: a reactor running on a thread of its own, from
// construction until destruction.
//
// Threading: construct and destroy from any one thread; the reactor's
// post() and stop() from any thread.
#pragma once

#include "io/reactor.hpp"

#include <csignal>
#include <thread>

#include <pthread.h>

namespace zmx {

class io_thread {
public:
    // The thread takes no signals, as libzmq's I/O threads take none: a
    // signal meant for the application (Ctrl-C) must interrupt the
    // application's blocking call, not land on a thread that ignores it.
    // It inherits a full mask from here, so no signal finds it unmasked.
    io_thread() {
        sigset_t all, previous;
        sigfillset(&all);
        pthread_sigmask(SIG_SETMASK, &all, &previous);
        thread_ = std::thread([this] { reactor_.run(); });
        pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    }
    ~io_thread() { join(); }
    io_thread(const io_thread&) = delete;
    io_thread& operator=(const io_thread&) = delete;

    reactor& loop() { return reactor_; }

    // Stops the loop and waits for the thread; the reactor stays usable
    // (from the joining thread) for tearing down what was registered in it.
    void join() {
        if (!thread_.joinable())
            return;
        reactor_.stop();
        thread_.join();
    }

private:
    reactor reactor_;  // declared first: built before the thread starts using it
    std::thread thread_;
};

} // namespace zmx
