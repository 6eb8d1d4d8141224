// One direction of a device: whole messages from one socket to the other,
// counted. Frames move as zmq_msg_t, never copied.
#pragma once

#include "poll_set.hpp"
#include "statistics.hpp"

namespace zmx_broker {

class relay {
public:
    // A relay into a load-balancing socket (DEALER, PUSH) reads only while
    // that socket has room, so a full or peerless side holds the messages
    // back in the senders' queues instead of losing them. Into ROUTER, XPUB
    // and XSUB a send never waits: what they refuse is counted as dropped.
    relay(void* from, void* to, bool waits_for_room);

    // Registers what it waits for: input, or room when it has none.
    void watch(poll_set& set);
    // Moves up to `batch` messages if its poll item fired.
    void serve(const poll_set& set, size_t batch);
    // A message is waiting to be relayed (the shutdown drains these).
    bool has_input() const;
    const traffic& counted() const { return counted_; }

private:
    bool has_room() const;
    // Relays the next message; false when there was none.
    bool relay_one();

    void* from_;
    void* to_;
    bool waits_for_room_;
    traffic counted_;
    size_t poll_index_ = 0;
};

}  // namespace zmx_broker
