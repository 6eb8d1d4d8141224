// A pipe is one socket's end of a pipe pair: a pair of lock-free queues,
// one each way, with high-water marks.
//
// Flow control follows libzmq so that queue capacities match it exactly: a
// writer is full when it has written `hwm` complete messages more than the
// reader has acknowledged, and the reader acknowledges in steps of the
// low-water mark. When one side finds the pipe empty (or full) it says so
// with a flag; the other side, on changing that, posts activate_read (or
// activate_write) to the sleeper's mailbox.
//
// Life cycle, kept here in one place: a pipe pair is created attached on
// one side and pending on the other until that peer attaches; either side
// may terminate, which writes a delimiter behind its last message and posts
// pipe_term to the peer. The peer reads up to the delimiter (messages sent
// before a close are delivered), then drops its end. The pair is
// freed, with whatever it still holds, when both ends are gone.
//
// Threading: every member function is for the owning socket's thread,
// except where a comment says otherwise.
#pragma once

#include "base/endpoint_pair.hpp"
#include "base/msg.hpp"
#include "base/relaxed_counter.hpp"
#include "base/spsc_queue.hpp"
#include "io/command.hpp"

#include <atomic>
#include <memory>
#include <mutex>
#include <string>

namespace zmx {

class pipe_pair;

// Who owns a pipe end: a socket, or a session on an I/O thread.
class pipe_owner {
public:
    // The pipe read its peer's delimiter: act on it after the current call.
    virtual void pipe_delimited(pipe* p) = 0;
    // A command for the pipe arrived at an I/O thread's mailbox (a socket
    // takes its commands from its own mailbox instead).
    virtual void pipe_command(command& /*c*/) {}

protected:
    ~pipe_owner() = default;
};

class pipe {
public:
    // Binds this end to its owner (a socket, or a session on an I/O
    // thread): called once, on the owner's thread, before any other member.
    void attach(pipe_owner* owner) { owner_ = owner; }
    pipe_owner* owner() const { return owner_; }
    // Any thread: where commands for this end go from now on.
    void set_mailbox(std::shared_ptr<command_mailbox> box);
    // Tells the peer end our routing id, ahead of any message, then the
    // greeting if one is set: at attach for a socket, after the handshake
    // for a network session. Once per end: later calls do nothing (an
    // inproc binder's end is announced by the connector, see inproc.cpp).
    void announce_routing_id(const std::string& id);

    // --- reading -------------------------------------------------------
    // True when a frame can be read. When false, the pipe asks for an
    // activate_read command once something arrives.
    bool check_read();
    // Takes the next frame into m, releasing what m held. False when there
    // is none, or the peer's delimiter was reached.
    bool read(msg& m);
    // True when nothing but the peer's delimiter is left to read.
    bool at_delimiter();

    // --- writing -------------------------------------------------------
    // True when one more message fits. When false, the pipe asks for an
    // activate_write command once room appears.
    bool check_write();
    // True when the peer has acknowledged enough to be below the
    // high-water mark; unlike check_write, asks for no wake-up.
    bool below_hwm() const;
    // Queues a frame (m is left empty). False when full or the peer is gone;
    // m is then untouched. A frame without ZMQ_MORE publishes the message,
    // unless publish_now is false: then publish_written() does, later, for
    // all the messages written so (one reader wake-up for a batch).
    bool write(msg& m, bool publish_now = true);
    void publish_written();
    // Drops the frames of an unfinished message.
    void rollback();

    // --- life cycle ----------------------------------------------------
    // Our side is done: delimiter, then pipe_term to the peer. linger_ms
    // tells a network peer how long it may go on sending what we queued
    // (-1: until done, 0: drop it).
    void terminate(int linger_ms = -1);
    // After pipe_term: the linger the peer gave when it terminated.
    int peer_linger() const;
    bool terminated() const { return terminated_; }
    bool peer_closed() const;

    // The routing id the peer announced, or the CONNECT_ROUTING_ID preset.
    const std::string& peer_routing_id() const { return peer_routing_id_; }
    bool identified() const { return identified_; }
    void preset_peer_routing_id(const std::string& id);
    // A message this end writes right after its routing id (an inproc
    // peer's ZMQ_HELLO_MSG), set before the end has its owner.
    void set_greeting(std::string body) { greeting_ = std::move(body); }
    // A message this end writes last when it terminates (an inproc peer's
    // ZMQ_DISCONNECT_MSG: the binder hears it when the connector goes).
    void set_farewell(std::string body) { farewell_ = std::move(body); }

    // The endpoint string this pipe came through (zmq_disconnect/unbind).
    const std::string& endpoint() const { return endpoint_; }
    void set_endpoint(std::string e) { endpoint_ = std::move(e); }

    // Any thread, before data flows: capacity in messages of each queue
    // (0 = no limit).
    void set_hwms(int out_hwm, int in_hwm);
    // Any thread, when an inproc connection is made: the peer socket's
    // SNDHWM and RCVHWM then, which later changes of ours add to.
    void remember_peer_hwms(int peer_sndhwm, int peer_rcvhwm);
    // Our socket's SNDHWM or RCVHWM changed: libzmq 4.3.4 applies the new
    // values to the connection, both ways (set_hwms in libzmq's pipe, with
    // its "boosts"). A writer that found the queue full is not woken by it.
    void apply_hwms(int sndhwm, int rcvhwm);
    // Before either end attaches: both directions keep only their newest
    // message (ZMQ_CONFLATE).
    void set_conflate();

    // A reference that keeps the whole pipe pair alive.
    std::shared_ptr<pipe> self();

    // zmq_socket_monitor_pipes_stats: the messages written each way and
    // not yet acknowledged by their reader, as libzmq counts them (the
    // reader acknowledges in steps of the low-water mark).
    struct queue_counts {
        uint64_t outbound;
        uint64_t inbound;
    };
    queue_counts queued() const;

    // What this end carried, for zmx_socket_stats and zmx_peer_stats
    // (owning thread): complete messages and bytes of every frame, each
    // way; a greeting or farewell counts as a message.
    struct traffic_counts {
        uint64_t msgs_written;
        uint64_t bytes_written;
        uint64_t msgs_read;
        uint64_t bytes_read;
    };
    traffic_counts traffic() const { return {msgs_written_, bytes_written_, msgs_read_, bytes_read_}; }
    // ZMQ_CONFLATE: messages replaced in either direction before they
    // were read (the inbound count is the peer's thread's, read relaxed).
    uint64_t conflated() const;
    // Once the peer end has terminated: the messages we wrote that it
    // never read (lost with it); 0 while it is there.
    uint64_t unread_by_gone_peer() const;
    // Any thread: the ends of the network connection this pipe carries
    // (a connecting socket sets them when it makes the pipe, a session when
    // it makes one; empty for inproc).
    void set_connection_ends(const endpoint_pair& ends);
    endpoint_pair connection_ends() const;

private:
    friend class pipe_pair;
    pipe(pipe_pair& p, int side) : pair_(p), side_(side) {}

    void acknowledge_read();
    bool write_conflated(msg& m);
    bool read_conflated(msg& m);
    // Makes written frames visible and wakes the reader if it sleeps.
    void publish();
    void post_to_peer(command::kind what);
    // The peer marked itself asleep on this flag: clear it and wake it.
    void wake_peer_if_asleep(std::atomic<bool>& asleep, command::kind what);

    pipe_pair& pair_;
    const int side_;
    pipe_owner* owner_ = nullptr;
    std::string peer_routing_id_;
    bool identified_ = false;
    bool id_preset_ = false;
    bool announced_ = false;
    std::string endpoint_;
    bool terminated_ = false;
    bool delimited_ = false;
    bool writing_more_ = false;
    bool unpublished_ = false;  // complete messages written but not yet published
    std::string greeting_;
    std::string farewell_;
    // Counted per message or frame by this end's thread alone, on this
    // end's own cache lines (pipe_pair keeps the two ends apart).
    uint64_t msgs_written_ = 0;
    uint64_t bytes_written_ = 0;
    uint64_t peer_read_seen_ = 0;
    uint64_t msgs_read_ = 0;
    uint64_t bytes_read_ = 0;
};

// Both ends and both directions of one pipe pair (a connection between a
// socket and a peer socket or session), in one allocation.
class pipe_pair : public std::enable_shared_from_this<pipe_pair> {
public:
    // Creates a pair whose side 0 is attached by the caller and whose
    // side 1 waits for its socket. The caller chooses the hwms.
    static std::shared_ptr<pipe_pair> create();
    ~pipe_pair();

    pipe& end(int side) { return side == 0 ? end0_ : end1_; }

    // Any thread: where commands for end `side` go (null until attached).
    void set_mailbox(int side, std::shared_ptr<command_mailbox> box);

private:
    friend class pipe;
    // One direction's state, grouped by who writes it: a field the writer
    // changes on every message must not share a cache line with one the
    // reader loads on every message, or each message moves the line
    // between the two cores (the stats counter `published` beside `hwm`
    // cost inproc 64 B about a sixth of its throughput).
    struct direction {
        spsc_queue<msg> queue;
        // Settings: changed rarely, read by both ends on every message.
        alignas(64) std::atomic<int> hwm{0};  // the writer's capacity
        // What the reader's low-water mark is computed from: hwm, except
        // after apply_hwms, where libzmq's reader and writer may differ.
        std::atomic<int> reader_hwm{0};
        // Over inproc, what apply_hwms adds to the writer's new SNDHWM (the
        // reading socket's RCVHWM at connection time) and to the reader's
        // new RCVHWM (the writing socket's SNDHWM then); -1: nothing.
        std::atomic<int> writer_boost{-1};
        std::atomic<int> reader_boost{-1};
        std::atomic<bool> closed{false};        // the writer terminated
        std::atomic<int> linger{-1};            // the writer's linger when it did
        std::atomic<bool> reader_gone{false};   // the reader terminated
        // ZMQ_CONFLATE: application messages go through a one-message slot
        // instead of the queue, which still carries routing ids and the
        // delimiter.
        bool conflate = false;
        // The writer's: every message, and when it finds the queue full.
        alignas(64) std::atomic<uint64_t> published{0};  // complete messages made visible
        std::atomic<bool> writer_asleep{false};
        relaxed_counter replaced;  // ZMQ_CONFLATE: messages overwritten unread
        // The reader's: every low-water mark, and when it runs dry. A new
        // pipe's reader has not looked yet: the first message wakes it, as
        // libzmq's does, or a socket watched only through ZMQ_FD (an event
        // loop) would never hear of a connection's first message.
        // On termination, the exact count read, so the writer knows what
        // was lost with the reader.
        alignas(64) std::atomic<uint64_t> read_ack{0};  // complete messages acknowledged
        std::atomic<bool> reader_asleep{true};
        alignas(64) mutable std::mutex slot_mutex;
        msg slot;
        bool slot_full = false;
        // What a conflating direction holds: its slot's message, or none.
        uint64_t slot_count() const {
            std::lock_guard lock(slot_mutex);
            return slot_full ? 1 : 0;
        }
    };

    pipe_pair() : end0_(*this, 0), end1_(*this, 1) {}
    // Messages flowing out of side s.
    direction& outbound(int side) { return dirs_[side]; }
    direction& inbound(int side) { return dirs_[1 - side]; }
    const direction& outbound(int side) const { return dirs_[side]; }
    const direction& inbound(int side) const { return dirs_[1 - side]; }
    void post(int side, command::kind what);

    direction dirs_[2];
    // Each end is its thread's: apart, so one's counters do not evict the
    // other's.
    alignas(64) pipe end0_;
    alignas(64) pipe end1_;
    std::mutex mailbox_mutex_;
    mutable std::mutex ends_mutex_;
    endpoint_pair connection_ends_;
    std::shared_ptr<command_mailbox> mailboxes_[2];
};

// libzmq 4.3.4's low-water mark: the reader acknowledges this many messages
// at once, half the capacity rounded up, whatever the capacity.
inline int low_water_mark(int hwm) { return (hwm + 1) / 2; }

} // namespace zmx
