// C API: zmq_timers_*.
#include "base/error.hpp"
#include "api/timer_set.hpp"

#include <zmq.h>

#include <new>

using namespace zmx;

namespace {

// The timer set behind a handle, or nullptr with EFAULT: libzmq checks the
// tag too, so a pointer to anything else is refused rather than used.
timer_set* as_timers(void* timers) {
    auto* t = static_cast<timer_set*>(timers);
    if (!t || !t->is_live()) {
        errno = EFAULT;
        return nullptr;
    }
    return t;
}

}  // namespace

void* zmq_timers_new(void) { return new (std::nothrow) timer_set; }

int zmq_timers_destroy(void** timers_p) {
    if (!timers_p || !as_timers(*timers_p))
        return fail(EFAULT);
    delete static_cast<timer_set*>(*timers_p);
    *timers_p = nullptr;
    return 0;
}

int zmq_timers_add(void* timers, size_t interval, zmq_timer_fn handler, void* arg) {
    timer_set* t = as_timers(timers);
    if (!t)
        return -1;
    if (!handler)
        return fail(EFAULT);
    return t->add(interval, handler, arg);
}

int zmq_timers_cancel(void* timers, int timer_id) {
    timer_set* t = as_timers(timers);
    return t ? t->cancel(timer_id) : -1;
}

int zmq_timers_set_interval(void* timers, int timer_id, size_t interval) {
    timer_set* t = as_timers(timers);
    return t ? t->set_interval(timer_id, interval) : -1;
}

int zmq_timers_reset(void* timers, int timer_id) {
    timer_set* t = as_timers(timers);
    return t ? t->reset(timer_id) : -1;
}

long zmq_timers_timeout(void* timers) {
    timer_set* t = as_timers(timers);
    return t ? t->timeout() : -1;
}

int zmq_timers_execute(void* timers) {
    timer_set* t = as_timers(timers);
    if (!t)
        return -1;
    t->execute();
    return 0;
}
