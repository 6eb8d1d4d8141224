// Load-balanced output: each message to one pipe, all frames of a multipart
// message to the same pipe. By default libzmq's round robin (the next pipe
// with room); zmx's other policies (include/zmx.h: weighted, user hash,
// consistent hash, broadcast) are chosen with ZMX_LB_POLICY.
//
// Threading: the owning socket's thread.
#pragma once

#include "socket/distributor.hpp"
#include "socket/lb_strategy.hpp"
#include "socket/pipe_set.hpp"

#include <zmx.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace zmx {

class msg;

class load_balancer {
public:
    explicit load_balancer(bool broadcast_allowed = true) : broadcast_allowed_(broadcast_allowed) {}

    void attach(pipe* p, bool locally_initiated);
    void activated(pipe* p) { pipes_.activate(p); }
    void terminated(pipe* p);

    // 0 when taken (m is left empty, and *to names the pipe, or stays null
    // for a broadcast), or -1 with EAGAIN when the message has to wait.
    int send(msg& m, pipe** to = nullptr);
    bool has_out();

    // --- zmx extensions -------------------------------------------------
    // The options of ours a socket passes on: ZMX_LB_POLICY, ZMX_LB_KEY to
    // set, ZMX_LB_POLICY, ZMX_PEERS_LOST to get. 0, or -1 with EINVAL.
    static bool sets(int option) { return option == ZMX_LB_POLICY || option == ZMX_LB_KEY; }
    static bool gets(int option) { return option == ZMX_LB_POLICY || option == ZMX_PEERS_LOST; }
    int setsockopt(int option, const void* value, size_t size);
    int getsockopt(int option, void* value, size_t* size) const;
    // zmx_set_peer_weight: 0, or -1 with EINVAL for a weight below 1.
    int set_peer_weight(const std::string& endpoint, int weight);
    // zmx_set_lb_hash (null: key_hash).
    void set_hash(zmx_hash_fn* fn, void* hint);
    // The key of the next message when ZMX_LB_KEY set none: REQ offers the
    // first frame of its request, which comes after its delimiter.
    void offer_key(const msg& m);

private:
    int send_round_robin(msg& m, pipe** to);
    int send_by_strategy(msg& m, pipe** to);
    int send_broadcast(msg& m);
    int set_policy(int policy);
    bool uses_keys() const;
    uint32_t hash_of_key(const msg& first_frame);
    // A name that stays with the peer (see lb_strategy::attach).
    std::string name_for(pipe* p, bool locally_initiated);

    pipe_set pipes_;  // every pipe; the round-robin order
    bool more_ = false;      // inside a multipart message
    bool dropping_ = false;  // its pipe vanished: drop the remaining frames
    int64_t lost_ = 0;

    int policy_ = ZMX_LB_ROUND_ROBIN;
    const bool broadcast_allowed_;
    std::unique_ptr<lb_strategy> strategy_;  // weighted and hash policies
    distributor everyone_;                   // broadcast
    pipe* chosen_ = nullptr;                 // of the message being sent

    struct peer {
        pipe* p;
        std::string name;
    };
    std::vector<peer> peers_;
    uint64_t anonymous_peers_ = 0;  // names the peers no endpoint names
    std::map<std::string, int> weights_;  // by endpoint
    zmx_hash_fn* hash_ = nullptr;
    void* hash_hint_ = nullptr;
    std::string key_;
    bool has_key_ = false;
};

} // namespace zmx
