// ZMTP 3.1 heartbeats on one connection (ZMQ_HEARTBEAT_IVL, _TIMEOUT,
// _TTL), as libzmq 4.3 keeps them:
//  - every interval we send a PING announcing our TTL; once one has gone
//    out, the peer must send something (anything) within the timeout, or
//    it is taken for dead;
//  - a PING from the peer with a TTL asks the same of us: if nothing at
//    all arrives from it within that TTL, it is taken for dead.
// Any traffic from the peer clears both deadlines. A heartbeat does its
// own timing (it is its own timer handler) and tells its owner what to do.
//
// Threading: the I/O thread of its engine.
#pragma once

#include "io/reactor.hpp"
#include "transport/transport_options.hpp"

#include <cstdint>

namespace zmx {

class heartbeat final : private io_handler {
public:
    class owner {
    public:
        // Time for a PING carrying ttl (deciseconds).
        virtual void heartbeat_ping(uint16_t ttl) = 0;
        // The peer has been silent past a deadline: end the connection.
        virtual void heartbeat_expired() = 0;

    protected:
        ~owner() = default;
    };

    heartbeat(reactor& loop, const heartbeat_options& options, owner& to_tell);
    ~heartbeat();
    heartbeat(const heartbeat&) = delete;
    heartbeat& operator=(const heartbeat&) = delete;

    // The handshake is done: PINGs start (if an interval is set).
    void start();
    // Bytes arrived from the peer.
    void traffic_received() {
        if (timeout_armed_ || ttl_armed_)
            clear_deadlines();
    }
    // The peer sent a PING with this TTL (deciseconds, 0: none).
    void ping_received(uint16_t ttl);

private:
    void on_timer(int id) override;
    void arm_deadline(int timer, int delay_ms, bool& armed);
    void clear_deadlines();

    reactor& loop_;
    const heartbeat_options options_;
    owner& owner_;
    bool timeout_armed_ = false;
    bool ttl_armed_ = false;
};

} // namespace zmx
