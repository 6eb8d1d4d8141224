// The sockets and descriptors one zmq_poll of the broker's thread waits on
// (signals, control requests, monitor events, the end of a drain), rebuilt
// for each wait by whoever needs waking.
#pragma once

#include <zmq.h>

#include <vector>

namespace zmx_broker {

class poll_set {
public:
    // Each returns the index its readiness is looked up by.
    size_t add_socket(void* socket, short events);
    size_t add_fd(int fd, short events);

    // Waits until something is ready or timeout_ms passes (-1: no limit).
    // An interrupted wait is an empty one.
    void wait(long timeout_ms);
    bool ready(size_t index) const { return items_[index].revents != 0; }

private:
    std::vector<zmq_pollitem_t> items_;
};

}  // namespace zmx_broker
