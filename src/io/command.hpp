// Commands a socket or an I/O thread receives in its mailbox from other
// threads: pipe events for the pipes it owns, and for an I/O thread also
// tasks to run on it.
#pragma once

#include "io/mailbox.hpp"

#include <functional>
#include <memory>

namespace zmx {

class pipe;

struct command {
    enum class kind : uint8_t {
        attach,          // a new pipe for this socket (a peer connected)
        activate_read,   // the pipe has messages again
        activate_write,  // the pipe has room again
        pipe_term,       // the peer closed its end of the pipe
        stop,            // the context is terminating: calls now give ETERM
        run,             // an I/O thread runs task
    };
    kind what;
    std::shared_ptr<pipe> target;
    bool locally_initiated = false;  // attach: the pipe came from our connect
    std::function<void()> task{};    // run
};

using command_mailbox = mailbox<command>;

} // namespace zmx
