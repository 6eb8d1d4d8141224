// An I/O thread: a reactor running on a thread of its own, one mailbox that
// wakes it (commands for the pipes of the objects it serves, and tasks to
// run on it), and those objects (listeners, sessions), each owned here from
// adopt() until it retires.
//
// Threading: construct and destroy on one application thread; mailbox(),
// post(), adopt() and cancel() from any thread; loop() and retire() on the
// I/O thread itself.
#pragma once

#include "io/command.hpp"
#include "io/io_object.hpp"
#include "io/reactor.hpp"
#include "io/thread_settings.hpp"

#include <atomic>
#include <functional>
#include <future>
#include <memory>
#include <thread>
#include <unordered_map>
#include <vector>

namespace zmx {

class io_thread final : private io_handler {
public:
    // Throws std::system_error when out of descriptors or threads. The
    // thread is named and scheduled as settings say before this returns.
    io_thread(const thread_settings& settings = {}, int index = 0);
    // Lets every object finish (sessions deliver what closed sockets left
    // behind, within their linger), then stops the thread. The context's
    // sockets must all be closed.
    ~io_thread();
    io_thread(const io_thread&) = delete;
    io_thread& operator=(const io_thread&) = delete;

    reactor& loop() { return reactor_; }
    // Where the pipes of this thread's objects send their commands.
    const std::shared_ptr<command_mailbox>& mailbox() const { return mailbox_; }

    // Runs task on the thread, in posting order with every other command.
    void post(std::function<void()> task);
    // A new object's id: unique for the thread's life.
    io_object::id new_object_id() { return next_id_.fetch_add(1, std::memory_order_relaxed); }
    // Takes an object over and starts it on the thread.
    void adopt(std::unique_ptr<io_object> object);
    // Cancels the object, if it still lives; ready once that has run.
    std::future<void> cancel(io_object::id object);
    // On the thread: destroys the object once the current event is handled.
    // It must have removed its descriptors and cancelled its timers.
    void retire(io_object* object);

private:
    void on_readable() override;  // the mailbox has commands
    void run(command& c);
    void terminate_objects();

    reactor reactor_;
    std::shared_ptr<command_mailbox> mailbox_;
    std::unordered_map<io_object::id, std::unique_ptr<io_object>> objects_;
    std::atomic<io_object::id> next_id_{1};
    std::vector<command> commands_;
    std::promise<void>* all_retired_ = nullptr;  // set while terminate_objects() waits
    std::thread thread_;
};

} // namespace zmx
