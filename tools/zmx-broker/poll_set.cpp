#include "poll_set.hpp"

#include "zmq_handles.hpp"

namespace zmx_broker {

size_t poll_set::add_socket(void* socket, short events) {
    items_.push_back({socket, 0, events, 0});
    return items_.size() - 1;
}

size_t poll_set::add_fd(int fd, short events) {
    items_.push_back({nullptr, fd, events, 0});
    return items_.size() - 1;
}

void poll_set::wait(long timeout_ms) {
    if (zmq_poll(items_.data(), static_cast<int>(items_.size()), timeout_ms) < 0) {
        if (zmq_errno() != EINTR)
            throw zmx_tools::zmq_failure("zmq_poll");
        for (auto& item : items_)
            item.revents = 0;
    }
}

}  // namespace zmx_broker
