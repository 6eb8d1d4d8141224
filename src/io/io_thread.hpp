// An I/O thread: a reactor running on a thread of its own, from
// construction until destruction.
//
// Threading: construct and destroy from any one thread; the reactor's
// post() and stop() from any thread.
#pragma once

#include "io/reactor.hpp"

#include <thread>

namespace zmx {

class io_thread {
public:
    io_thread() : thread_([this] { reactor_.run(); }) {}
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
