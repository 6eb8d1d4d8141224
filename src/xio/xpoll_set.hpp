// An xpoll set: the handles registered with xpoll_ctl and the events wanted
// of each, and the wait for any of them (xpoll_wait, xselect).
//
// Threading: any thread; one set may be changed while another thread waits
// on it (the wait works on a copy of the registrations).
#pragma once

#include <xio/poll.h>

#include <map>
#include <mutex>
#include <vector>

namespace zmx::xio {

class poll_set {
public:
    // XPOLL_ADD, XPOLL_DEL, XPOLL_MOD: 0, or -1 with EEXIST, ENOENT, EBADF
    // (no such handle) or EINVAL.
    int control(int op, const poll_fd& entry);
    // Up to n ready registrations into out (happened filled in), waiting up
    // to timeout_ms (-1: forever): the count, or -1 with errno.
    int wait(poll_fd* out, int n, int timeout_ms);

    // What of events (and XPOLLERR) the handle fd shows now.
    static int ready(int fd, int events);

private:
    std::mutex mutex_;
    std::map<int, poll_fd> registered_;  // by fd
};

} // namespace zmx::xio
