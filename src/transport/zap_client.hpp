// A session's line to the ZAP handler (RFC 27): an inproc connection to
// "zeromq.zap.01", made when a handshake first asks and only if a handler
// is bound then, carrying one request and its reply. The frames are the
// mechanism's (zmtp/zap.hpp); this only moves them.
//
// Threading: its session's I/O thread.
#pragma once

#include "io/command.hpp"
#include "io/pipe.hpp"
#include "zmtp/zap.hpp"

#include <memory>

namespace zmx {

class inproc_registry;


class zap_client {
public:
    zap_client() = default;
    zap_client(const zap_client&) = delete;
    zap_client& operator=(const zap_client&) = delete;
    ~zap_client() { close(); }

    // Sends request to the handler: false when none is bound (or it is
    // gone). Commands for the pipe go to mailbox, to be handed to owner.
    bool send(inproc_registry& registry, const std::shared_ptr<command_mailbox>& mailbox, pipe_owner& owner,
              const zmtp::frame_list& request);
    bool owns(const pipe* p) const { return p && p == pipe_.get(); }
    // Takes the handler's whole reply, once it is there.
    bool take_reply(zmtp::frame_list& reply);
    void close();

private:
    std::shared_ptr<pipe> pipe_;
    zmtp::frame_list partial_;  // frames of a reply not yet complete
};

} // namespace zmx
