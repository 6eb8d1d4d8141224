// Threads for the proxy tests (tests/poll, tests/extensions): a proxy, or a
// worker, that runs until its context is shut down; and the STATISTICS a
// steered proxy answers.
#pragma once

#include "zmq_test.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
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

// A capture socket bound to inproc://capture and its listener.
struct capture_pair {
    zt::socket capture;
    zt::socket listener;

    capture_pair(void* ctx, int type, int listener_type) : capture(ctx, type), listener(ctx, listener_type) {
        zt::bind(capture, "inproc://capture");
        zt::connect(listener, "inproc://capture");
    }
};

// A proxy function: frontend, backend, capture, control.
using proxy_call = std::function<int(void*, void*, void*, void*)>;

inline int zmq_proxy_or_steerable(void* frontend, void* backend, void* capture, void* control) {
    return control ? zmq_proxy_steerable(frontend, backend, capture, control) : zmq_proxy(frontend, backend, capture);
}

// Runs a proxy (zmq_proxy, or zmq_proxy_steerable when `control` is given,
// unless `call` says otherwise) on sockets set up by the caller. The thread
// closes them when the proxy returns, so that zmq_ctx_term can finish; they
// must outlive the returned thread.
inline context_thread run_proxy(void* ctx, proxy_result& result, socket& frontend, socket& backend,
                                socket* capture = nullptr, socket* control = nullptr,
                                proxy_call call = zmq_proxy_or_steerable) {
    return context_thread(ctx, [&result, &frontend, &backend, capture, control, call] {
        void* capture_handle = capture ? static_cast<void*>(*capture) : nullptr;
        void* control_handle = control ? static_cast<void*>(*control) : nullptr;
        result.rc = call(frontend, backend, capture_handle, control_handle);
        result.error = zmq_errno();
        for (socket* s : {&frontend, &backend, capture, control})
            if (s) s->close();
    });
}

// The eight counters of a STATISTICS answer read from steer: frontend
// messages in, bytes in, messages out, bytes out, then the same for the
// backend.
inline std::vector<uint64_t> read_counters(void* steer) {
    std::vector<uint64_t> counters;
    for (const std::string& frame : recv_multipart(steer)) {
        uint64_t value = 0;
        EXPECT_EQ(frame.size(), sizeof value);
        std::memcpy(&value, frame.data(), std::min(frame.size(), sizeof value));
        counters.push_back(value);
    }
    return counters;
}

inline std::vector<uint64_t> ask_statistics(void* steer) {
    send_str(steer, "STATISTICS");
    return read_counters(steer);
}

} // namespace zt
