// fork() gives the child copies of the parent's objects but none of its
// threads, and the descriptors (eventfds, epoll, connections) it shares
// with the parent. An object that carries a fork_stamp knows whether it was
// made in this process or inherited from a parent: an inherited one must
// neither wait for I/O threads that are not there nor write to or read
// from a descriptor that wakes the parent's threads. libzmq behaves the
// same way in a forked child (its signalers stop signalling there).
//
// Threading: any thread. The stamp is a counter that each fork's child
// handler (pthread_atfork) advances.
#pragma once

#include <cstdint>

namespace zmx {

class fork_stamp {
public:
    fork_stamp() : made_in_(current()) {}

    // True in a child forked after the object was made.
    bool inherited() const { return made_in_ != current(); }

private:
    static uint32_t current();

    uint32_t made_in_;
};

} // namespace zmx
