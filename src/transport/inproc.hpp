// The inproc transport: a per-context registry of bound names. A connect
// creates the connection itself; when the name is not bound yet, the
// connection waits in the registry and the binder adopts it at bind time
// (connect before bind works, as in libzmq).
//
// The queue capacity of an inproc connection is the sender's SNDHWM plus the
// receiver's RCVHWM (no limit when either is 0), as libzmq's.
//
// Threading: any thread; one mutex guards the registry.
#pragma once

#include "io/command.hpp"
#include "io/pipe.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace zmx {

// What the registry needs to know of a socket at bind or connect time.
struct inproc_peer {
    std::shared_ptr<command_mailbox> mailbox;
    int sndhwm;
    int rcvhwm;
    bool conflate;  // ZMQ_CONFLATE, for the types that honour it
    std::string hello;       // ZMQ_HELLO_MSG, for the types that send it; empty: none
    std::string disconnect;  // ZMQ_DISCONNECT_MSG, for the types that hear it; empty: none
    std::string routing_id;  // ZMQ_ROUTING_ID
};

class inproc_registry {
public:
    // Registers name for binder; EADDRINUSE if taken. Connections that were
    // waiting for the name are returned for the binder to attach.
    int bind(const std::string& name, const inproc_peer& binder, std::vector<std::shared_ptr<pipe>>& waiting);
    // ENOENT unless name is bound by this mailbox's socket.
    int unbind(const std::string& name, const command_mailbox* owner);
    void unbind_all(const command_mailbox* owner);
    // Returns the connector's end. A bound peer is sent an attach command.
    std::shared_ptr<pipe> connect(const std::string& name, const inproc_peer& connector);
    // As connect, but only to a name bound now: null otherwise (a ZAP
    // client does not wait for its handler).
    std::shared_ptr<pipe> connect_if_bound(const std::string& name, const inproc_peer& connector);

private:
    struct binding {
        inproc_peer peer;
    };
    struct waiting_connection {
        std::shared_ptr<pipe_pair> link;
        inproc_peer connector;
    };

    void drop_abandoned(const std::string& name);
    std::shared_ptr<pipe> connect(const std::string& name, const inproc_peer& connector, bool wait_for_binder);

    std::mutex mutex_;
    std::map<std::string, binding> bound_;
    std::multimap<std::string, waiting_connection> waiting_;
};

} // namespace zmx
