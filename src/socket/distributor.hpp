// Fan-out: each message to every chosen pipe that has room, all frames of
// a multipart message to the same pipes. A pipe without room misses the
// whole message (PUB's drop), never a part of it.
//
// Threading: the owning socket's thread.
#pragma once

#include <cstddef>
#include <vector>

namespace zmx {

class drop_tracker;
class msg;
class pipe;

class distributor {
public:
    void attach(pipe* p) { pipes_.push_back(p); }
    void terminated(pipe* p);

    // Sends a frame. The first frame of a message goes to `chosen` (every
    // pipe when null) and fixes the targets of the frames that follow.
    // Always takes the message: m is left empty.
    void send(msg& m, const std::vector<pipe*>* chosen = nullptr);
    // True when each chosen pipe (every pipe when null) has room: XPUB_NODROP.
    bool all_have_room(const std::vector<pipe*>* chosen = nullptr) const;

    const std::vector<pipe*>& pipes() const { return pipes_; }
    // Counts the peers each message misses at their high-water mark
    // (PUB, XPUB, RADIO; not XSUB's subscriptions or DEALER's broadcast).
    void track_drops(drop_tracker* tracker) { drops_ = tracker; }

private:
    // The first frame found `missed` of its pipes full.
    void account(std::size_t missed);

    std::vector<pipe*> pipes_;
    std::vector<pipe*> targets_;  // of the message being sent
    bool more_ = false;
    drop_tracker* drops_ = nullptr;
};

} // namespace zmx
