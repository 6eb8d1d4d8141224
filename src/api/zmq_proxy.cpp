// zmq_proxy, zmq_proxy_steerable, the 2.x zmq_device, and zmx_proxy: the
// handles mapped to sockets; the proxy itself is socket/proxy's.
#include "api/handles.hpp"
#include "base/error.hpp"
#include "socket/proxy.hpp"

#include <zmx.h>

using namespace zmx;
using namespace zmx::api;

namespace {

// The socket behind a handle (null for a null handle); false when the
// handle is not an open socket.
bool to_socket(void* handle, socket_base*& socket) {
    socket = handle ? as_socket(handle) : nullptr;
    return !handle || socket;
}

// EFAULT is libzmq's errno for a proxy's missing or invalid socket.
int proxy_on(void* frontend, void* backend, void* capture, void* control, const proxy_options& options) {
    socket_base *front, *back, *copies, *steer;
    if (!frontend || !backend || !to_socket(frontend, front) || !to_socket(backend, back) ||
        !to_socket(capture, copies) || !to_socket(control, steer))
        return fail(EFAULT);
    return run_proxy({*front, *back, copies, steer}, options);
}

} // namespace

int zmq_proxy_steerable(void* frontend, void* backend, void* capture, void* control) {
    return proxy_on(frontend, backend, capture, control, {});
}

int zmq_proxy(void* frontend, void* backend, void* capture) {
    return zmq_proxy_steerable(frontend, backend, capture, nullptr);
}

int zmq_device(int, void* frontend, void* backend) { return zmq_proxy(frontend, backend, nullptr); }

int zmx_proxy(void* frontend, void* backend, void* capture, void* control, int flags) {
    if (flags & ~ZMX_PROXY_DROP_REFUSED)
        return fail(EINVAL);
    return proxy_on(frontend, backend, capture, control,
                    {.drop_refused = (flags & ZMX_PROXY_DROP_REFUSED) != 0, .drains = true});
}
