#include "transport/heartbeat.hpp"

namespace zmx {

namespace {

constexpr int ping_timer = 1;
constexpr int timeout_timer = 2;  // our PING went unanswered
constexpr int ttl_timer = 3;      // the peer's TTL ran out on us

}  // namespace

heartbeat::heartbeat(reactor& loop, const heartbeat_options& options, owner& to_tell)
    : loop_(loop), options_(options), owner_(to_tell) {}

heartbeat::~heartbeat() {
    loop_.cancel_timer(this, ping_timer);
    clear_deadlines();
}

void heartbeat::start() {
    if (options_.interval > 0)
        loop_.add_timer(options_.interval, this, ping_timer);
}

void heartbeat::ping_received(uint16_t ttl) {
    if (ttl > 0 && !ttl_armed_)
        arm_deadline(ttl_timer, ttl * 100, ttl_armed_);
}

void heartbeat::on_timer(int id) {
    if (id != ping_timer) {
        // Whichever deadline it was, the peer said nothing in time.
        (id == timeout_timer ? timeout_armed_ : ttl_armed_) = false;
        clear_deadlines();
        owner_.heartbeat_expired();  // may destroy this heartbeat: nothing may follow
        return;
    }
    loop_.add_timer(options_.interval, this, ping_timer);
    if (!timeout_armed_ && options_.effective_timeout() > 0)
        arm_deadline(timeout_timer, options_.effective_timeout(), timeout_armed_);
    owner_.heartbeat_ping(static_cast<uint16_t>(options_.ttl));  // may end the connection
}

void heartbeat::arm_deadline(int timer, int delay_ms, bool& armed) {
    loop_.add_timer(delay_ms, this, timer);
    armed = true;
}

void heartbeat::clear_deadlines() {
    if (timeout_armed_)
        loop_.cancel_timer(this, timeout_timer);
    if (ttl_armed_)
        loop_.cancel_timer(this, ttl_timer);
    timeout_armed_ = ttl_armed_ = false;
}

} // namespace zmx
