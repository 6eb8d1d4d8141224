// An I/O thread of a context, with the mailbox its sessions receive pipe
// commands on and the objects (listeners, connecters, sessions) it owns.
//
// Threading: construct and destroy from one application thread; submit()
// from any thread; everything else on the worker's own thread.
#pragma once

#include "io/command.hpp"
#include "io/io_thread.hpp"
#include "io/pipe.hpp"
#include "transport/io_object.hpp"

#include <future>
#include <memory>
#include <unordered_map>
#include <vector>

namespace zmx {

class io_worker final : private io_handler {
public:
    io_worker();
    // Waits until every object is done (sessions deliver what closed sockets
    // left behind, within their linger), then stops the thread. The
    // context's sockets must all be closed.
    ~io_worker();

    reactor& loop() { return loop_; }
    const std::shared_ptr<socket_mailbox>& mailbox() const { return mailbox_; }

    // Any thread: hands an object to the worker, which starts it on its thread.
    void submit(std::unique_ptr<io_object> object);
    // Worker thread: destroys an object once the current event is handled.
    // It must have removed its descriptors and cancelled its timers.
    void retire(io_object* object);

private:
    void on_readable() override;  // the mailbox has commands
    void drain();

    std::shared_ptr<socket_mailbox> mailbox_;
    std::unordered_map<io_object*, std::unique_ptr<io_object>> objects_;
    std::vector<command> commands_;
    std::promise<void>* drained_ = nullptr;  // set while drain() waits
    std::unique_ptr<io_thread> thread_;
    reactor& loop_;  // the thread's
};

// A pipe owner on an I/O thread receives its pipe's commands here.
class io_pipe_owner : public pipe_owner {
public:
    virtual void pipe_command(command& c) = 0;

protected:
    ~io_pipe_owner() = default;
};

} // namespace zmx
