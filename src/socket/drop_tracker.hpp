// High-water-mark drops of a socket that sends without waiting (PUB, XPUB,
// RADIO, ROUTER), counted, and told to the monitor once per episode: an
// episode starts with the first message a full peer misses and ends with
// the first message after it that reaches every peer it was for.
//
// Threading: the socket's thread. The common case, a delivery outside an
// episode, is one predictable branch.
#pragma once

#include <cstdint>

namespace zmx {

class socket_monitor;

class drop_tracker {
public:
    explicit drop_tracker(socket_monitor& monitor) : monitor_(monitor) {}

    // A message missed `count` peers at their high-water mark.
    void dropped(uint64_t count) {
        total_ += count;
        if (episode_ == 0)
            began(count);
        episode_ += count;
    }
    // A message reached every peer it was for.
    void delivered() {
        if (episode_ != 0) [[unlikely]]
            ended();
    }
    uint64_t total() const { return total_; }

private:
    void began(uint64_t count);
    void ended();

    socket_monitor& monitor_;
    uint64_t total_ = 0;
    uint64_t episode_ = 0;
};

} // namespace zmx
