// Commands a socket receives in its mailbox from other threads.
#pragma once

#include "io/mailbox.hpp"

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
    };
    kind what;
    std::shared_ptr<pipe> target;
    bool locally_initiated = false;  // attach: the pipe came from our connect
};

using socket_mailbox = mailbox<command>;

} // namespace zmx
