// Helpers for the sp endpoint tests: endpoints with safety timeouts,
// echo servers in threads of their own, and the route control ubuf.
#pragma once

#include "xio_test.hpp"

#include <xio/sp_bus.h>
#include <xio/sp_pubsub.h>
#include <xio/sp_reqrep.h>

#include <atomic>
#include <functional>
#include <thread>
#include <vector>

namespace xt {

// An endpoint whose sends and receives give up after the safety timeout.
inline int endpoint(int family, int type) {
    const int eid = sp_endpoint(family, type);
    EXPECT_GE(eid, 0) << strerror(errno);
    sp_setopt(eid, SP_SNDTIMEO, const_cast<int*>(&safety_timeout_ms), sizeof(int));
    sp_setopt(eid, SP_RCVTIMEO, const_cast<int*>(&safety_timeout_ms), sizeof(int));
    return eid;
}

// Sends text and expects it back (an echo server's answer).
inline void round_trip(int eid, const std::string& text) {
    ASSERT_EQ(sp_send(eid, ubuf_of(text)), 0) << strerror(errno);
    char* reply = nullptr;
    ASSERT_EQ(sp_recv(eid, &reply), 0) << strerror(errno);
    EXPECT_EQ(take_string(reply), text);
}

// An SP_REP that sends back every ubuf it receives, in a thread, until it
// is closed. on_request (optional) sees each request first.
class echo_server {
public:
    using observer = std::function<void(char*)>;

    echo_server() : eid_(sp_endpoint(SP_REQREP, SP_REP)) {}
    ~echo_server() { stop(); }
    echo_server(const echo_server&) = delete;
    echo_server& operator=(const echo_server&) = delete;

    int eid() const { return eid_; }
    void start(observer on_request = nullptr) {
        thread_ = std::thread([this, eid = eid_, on_request] {
            char* request = nullptr;
            while (sp_recv(eid, &request) == 0) {
                ++served_;
                if (on_request)
                    on_request(request);
                if (sp_send(eid, request) != 0)
                    ufree(request);
            }
        });
    }
    // Closing the endpoint ends its sp_recv (EBADF), and the thread.
    void stop() {
        if (eid_ >= 0)
            sp_close(eid_);
        if (thread_.joinable())
            thread_.join();
        eid_ = -1;
    }
    int served() const { return served_; }
    void reset_count() { served_ = 0; }

private:
    int eid_;
    std::atomic<int> served_{0};
    std::thread thread_;
};

// The hop count a request's route control ubuf holds, or -1 if it has none
// (docs/sp.md: "ZRT1", hops u16 big-endian, ...).
inline int hops_of(char* request) {
    char* control = nullptr;
    if (uctl(request, SFIRST, &control) != 0 || usize(control) < 6 || std::memcmp(control, "ZRT1", 4) != 0)
        return -1;
    return (static_cast<unsigned char>(control[4]) << 8) | static_cast<unsigned char>(control[5]);
}

} // namespace xt
