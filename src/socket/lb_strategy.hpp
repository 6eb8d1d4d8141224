// How a load balancer picks the one pipe each new message goes to, for
// zmx's policies (include/zmx.h) other than libzmq's round robin, which the
// load_balancer keeps inline on its fast path, and broadcast.
//
// Threading: the owning socket's thread.
#pragma once

#include <cstdint>
#include <string_view>

namespace zmx {

class pipe;

class lb_strategy {
public:
    virtual ~lb_strategy() = default;
    // A pipe joined. name stays the same for as long as the peer does
    // (the endpoint we connected to, for a connection we made).
    virtual void attach(pipe* p, std::string_view name) = 0;
    virtual void terminated(pipe* p) = 0;
    // The pipe's weight changed (only weighted round robin cares).
    virtual void weigh(pipe*, int /*weight*/) {}
    // The pipe for a message whose key hashes to key_hash (ignored by the
    // policies without keys), or nullptr when it has to wait for room.
    virtual pipe* choose(uint32_t key_hash) = 0;
};

} // namespace zmx
