// Threads for the proxy tests: a proxy, or a worker, that runs until its
// context is shut down.
#pragma once

#include "zmq_test.hpp"

#include <functional>
#include <thread>

namespace zt {

// A thread using sockets of `ctx`. Destroying it shuts the context down and
// joins, so a failing test cannot leave it running or block in zmq_ctx_term.
class context_thread {
public:
    context_thread(void* ctx, std::function<void()> body) : ctx_(ctx), thread_(std::move(body)) {}
    context_thread(context_thread&&) = default;
    ~context_thread() { stop(); }
    // Shuts the context down, which ends every blocking call, and joins.
    void stop() {
        if (!thread_.joinable()) return;
        zmq_ctx_shutdown(ctx_);
        thread_.join();
    }
    // Joins a thread expected to end by itself.
    void join() { if (thread_.joinable()) thread_.join(); }
private:
    void* ctx_;
    std::thread thread_;
};

struct proxy_result {
    int rc = 0;
    int error = 0;
};

// Runs zmq_proxy (or zmq_proxy_steerable when `control` is given) on sockets
// set up by the caller. The thread closes them when the proxy returns, so
// that zmq_ctx_term can finish; they must outlive the returned thread.
inline context_thread run_proxy(void* ctx, proxy_result& result, socket& frontend, socket& backend,
                                socket* capture = nullptr, socket* control = nullptr) {
    return context_thread(ctx, [&result, &frontend, &backend, capture, control] {
        void* capture_handle = capture ? static_cast<void*>(*capture) : nullptr;
        result.rc = control ? zmq_proxy_steerable(frontend, backend, capture_handle, *control)
                            : zmq_proxy(frontend, backend, capture_handle);
        result.error = zmq_errno();
        for (socket* s : {&frontend, &backend, capture, control})
            if (s) s->close();
    });
}

} // namespace zt
