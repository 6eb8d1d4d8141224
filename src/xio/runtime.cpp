#include "xio/runtime.hpp"

#include <zmq.h>

#include <mutex>

namespace zmx::xio {

void* zmq_context() {
    static std::once_flag once;
    static void* context = nullptr;
    static int error = 0;
    std::call_once(once, [] {
        context = zmq_ctx_new();
        error = context ? 0 : errno;
    });
    if (!context)
        errno = error;
    return context;
}

void* new_zmq_socket(int type, int linger_ms) {
    void* ctx = zmq_context();
    void* s = ctx ? zmq_socket(ctx, type) : nullptr;
    if (s)
        zmq_setsockopt(s, ZMQ_LINGER, &linger_ms, sizeof linger_ms);
    return s;
}

} // namespace zmx::xio
