// The timer set behind zmq_timers_*: repeating timers an application drives
// from its own loop (timeout() says how long to sleep, execute() fires).
//
// Threading: one thread at a time, like the C API it serves.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>

namespace zmx {

class timer_set {
public:
    using handler = void(int timer_id, void* arg);

    ~timer_set() { tag_ = dead_tag; }

    // Whether a pointer the application passed is a timer set not yet
    // destroyed (the tag is the first member, as for contexts and sockets).
    bool is_live() const { return tag_ == live_tag; }

    int add(size_t interval_ms, handler* fn, void* arg);
    int cancel(int timer_id);                          // -1 EINVAL when unknown
    int set_interval(int timer_id, size_t interval_ms);
    int reset(int timer_id);
    long timeout() const;  // ms until the next timer is due; -1 when none
    void execute();        // runs every due handler once, then re-arms it

private:
    static constexpr uint32_t live_tag = 0x7133e75e;
    static constexpr uint32_t dead_tag = 0xdead7135;
    uint32_t tag_ = live_tag;

    struct timer {
        size_t interval;
        int64_t due;
        handler* fn;
        void* arg;
    };
    std::map<int, timer> timers_;
    int next_id_ = 1;
};

} // namespace zmx
