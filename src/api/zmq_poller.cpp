// zmq_poller_*: handles and arguments checked as libzmq checks them (a bad
// poller is EFAULT, a bad socket ENOTSOCK, fd -1 EBADF, unknown event bits
// EINVAL); the set and its wait are socket/poller's.
#include "api/handles.hpp"
#include "base/error.hpp"
#include "socket/poller.hpp"

#include <new>
#include <vector>

using namespace zmx;
using namespace zmx::api;

namespace {

poller* as_poller(void* p) {
    auto* checked = static_cast<poller*>(p);
    if (!checked || !checked->is_live()) {
        errno = EFAULT;
        return nullptr;
    }
    return checked;
}

bool valid_events(short events) {
    if (events & ~(ZMQ_POLLIN | ZMQ_POLLOUT | ZMQ_POLLERR | ZMQ_POLLPRI)) {
        errno = EINVAL;
        return false;
    }
    return true;
}

bool valid_fd(zmq_fd_t fd) {
    if (fd == -1) {
        errno = EBADF;
        return false;
    }
    return true;
}

}  // namespace

void* zmq_poller_new(void) {
    void* p = new (std::nothrow) poller;
    if (!p)
        errno = ENOMEM;
    return p;
}

int zmq_poller_destroy(void** poller_p) {
    poller* p = poller_p ? as_poller(*poller_p) : nullptr;
    if (!p)
        return fail(EFAULT);
    delete p;
    *poller_p = nullptr;
    return 0;
}

int zmq_poller_size(void* p) {
    poller* checked = as_poller(p);
    return checked ? checked->size() : -1;
}

int zmq_poller_add(void* p, void* s, void* user_data, short events) {
    poller* checked = as_poller(p);
    socket_handle* socket = checked ? as_open_handle(s) : nullptr;
    return socket && valid_events(events) ? checked->add(socket, user_data, events) : -1;
}

int zmq_poller_modify(void* p, void* s, short events) {
    poller* checked = as_poller(p);
    socket_handle* socket = checked ? as_open_handle(s) : nullptr;
    return socket && valid_events(events) ? checked->modify(socket, events) : -1;
}

int zmq_poller_remove(void* p, void* s) {
    poller* checked = as_poller(p);
    socket_handle* socket = checked ? as_open_handle(s) : nullptr;
    return socket ? checked->remove(socket) : -1;
}

int zmq_poller_add_fd(void* p, zmq_fd_t fd, void* user_data, short events) {
    poller* checked = as_poller(p);
    return checked && valid_fd(fd) && valid_events(events) ? checked->add_fd(fd, user_data, events) : -1;
}

int zmq_poller_modify_fd(void* p, zmq_fd_t fd, short events) {
    poller* checked = as_poller(p);
    return checked && valid_fd(fd) && valid_events(events) ? checked->modify_fd(fd, events) : -1;
}

int zmq_poller_remove_fd(void* p, zmq_fd_t fd) {
    poller* checked = as_poller(p);
    return checked && valid_fd(fd) ? checked->remove_fd(fd) : -1;
}

int zmq_poller_wait_all(void* p, zmq_poller_event_t* events, int n_events, long timeout) {
    poller* checked = as_poller(p);
    if (!checked)
        return -1;
    if (!events)
        return fail(EFAULT);
    if (n_events < 0)
        return fail(EINVAL);
    std::vector<poller::event> ready(static_cast<size_t>(n_events));
    const int found = checked->wait(ready.data(), n_events, timeout);
    for (int i = 0; i < n_events && found >= 0; ++i)
        events[i] = {ready[i].handle, ready[i].fd, ready[i].user_data, ready[i].events};
    return found;
}

int zmq_poller_wait(void* p, zmq_poller_event_t* event, long timeout) {
    const int rc = zmq_poller_wait_all(p, event, 1, timeout);
    if (rc < 0 && event)
        *event = {nullptr, -1, nullptr, 0};
    return rc < 0 ? -1 : 0;
}

int zmq_poller_fd(void* p, zmq_fd_t* fd) {
    poller* checked = as_poller(p);
    if (!checked)
        return -1;
    int out = -1;
    if (checked->fd(out) < 0)
        return -1;
    *fd = out;
    return 0;
}
