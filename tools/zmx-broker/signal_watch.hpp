// SIGINT, SIGTERM and SIGUSR1 as events of the broker's poll loop. They are
// blocked and read from a signalfd: created before the zmq context, so the
// library's threads inherit the blocked mask and none of them takes a
// signal the loop should see.
#pragma once

#include "poll_set.hpp"

namespace zmx_broker {

class signal_watch {
public:
    // What the signals that arrived since the last look ask for.
    struct requests {
        bool report = false;  // SIGUSR1
        bool stop = false;    // SIGINT, SIGTERM
    };

    signal_watch();
    ~signal_watch();
    signal_watch(const signal_watch&) = delete;
    signal_watch& operator=(const signal_watch&) = delete;

    void watch(poll_set& set);
    requests take(const poll_set& set);

private:
    int fd_;
    size_t poll_index_ = 0;
};

}  // namespace zmx_broker
