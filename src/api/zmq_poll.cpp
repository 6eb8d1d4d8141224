// zmq_poll: the items' handles mapped to sockets, the wait itself is
// socket/poll's.
#include "api/handles.hpp"
#include "base/error.hpp"
#include "socket/poll.hpp"

#include <vector>

using namespace zmx;
using namespace zmx::api;

int zmq_poll(zmq_pollitem_t* items, int count, long timeout) {
    if (count < 0)
        return fail(EINVAL);
    if (count > 0 && !items)
        return fail(EFAULT);
    std::vector<poll_item> polled(count);
    for (int i = 0; i < count; ++i) {
        socket_base* socket = nullptr;
        if (items[i].socket && !(socket = as_socket(items[i].socket)))
            return -1;
        polled[i] = {socket, items[i].fd, items[i].events, 0};
    }
    const int ready = poll(polled, timeout);
    if (ready < 0)
        return -1;
    for (int i = 0; i < count; ++i)
        items[i].revents = polled[i].revents;
    return ready;
}
