// Reading zmq_socket_monitor_versioned events of version 2 in tests: the
// 64-bit event, the number of values, each 64-bit value, then the local
// and the remote endpoint, every frame but the last flagged MORE.
// monitor_v2 starts a monitor on a unique inproc address and connects its
// reader at once (the reference blocks a monitor whose reader is absent),
// reporting a malformed event as a failure.
#pragma once

#include "zmq_test.hpp"

#include <atomic>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace tt {

struct event_v2 {
    uint64_t type = 0;
    std::vector<uint64_t> values;
    std::string local;
    std::string remote;
};

// Receives one frame: its bytes, and whether MORE follows; nullopt on error.
inline std::optional<std::pair<std::string, bool>> recv_frame(void* s) {
    zmq_msg_t frame;
    zmq_msg_init(&frame);
    std::optional<std::pair<std::string, bool>> result;
    if (zmq_msg_recv(&frame, s, 0) >= 0)
        result.emplace(std::string(static_cast<const char*>(zmq_msg_data(&frame)), zmq_msg_size(&frame)),
                       zmq_msg_more(&frame) != 0);
    zmq_msg_close(&frame);
    return result;
}

inline uint64_t as_u64(const std::string& bytes) {
    uint64_t value = 0;
    std::memcpy(&value, bytes.data(), sizeof value);
    return value;
}

// Decodes one version 2 event from a reader socket that has one waiting.
inline std::optional<event_v2> read_event_v2(void* reader) {
    auto event = recv_frame(reader);
    auto count = event && event->second ? recv_frame(reader) : std::nullopt;
    if (!count || !count->second || event->first.size() != 8 || count->first.size() != 8)
        return std::nullopt;
    event_v2 e;
    e.type = as_u64(event->first);
    for (uint64_t i = 0, n = as_u64(count->first); i < n; ++i) {
        auto value = recv_frame(reader);
        if (!value || !value->second || value->first.size() != 8)
            return std::nullopt;
        e.values.push_back(as_u64(value->first));
    }
    auto local = recv_frame(reader);
    auto remote = local && local->second ? recv_frame(reader) : std::nullopt;
    if (!remote || remote->second)
        return std::nullopt;
    e.local = local->first;
    e.remote = remote->first;
    return e;
}

class monitor_v2 {
public:
    monitor_v2(void* ctx, void* watched, uint64_t mask = ZMQ_EVENT_ALL_V2, int type = ZMQ_PAIR)
        : address_(unique_address()), reader_(ctx, reader_type(type)) {
        started_ = zmq_socket_monitor_versioned(watched, address_.c_str(), mask, 2, type) == 0;
        EXPECT_TRUE(started_) << "zmq_socket_monitor_versioned: " << zmq_strerror(zmq_errno());
        if (type == ZMQ_PUB)
            zmq_setsockopt(reader_, ZMQ_SUBSCRIBE, "", 0);
        EXPECT_EQ(zmq_connect(reader_, address_.c_str()), 0) << zmq_strerror(zmq_errno());
    }

    void* reader() const { return reader_; }

    // The next event, or nullopt when none arrived within timeout_ms.
    std::optional<event_v2> next(int timeout_ms = zt::safety_timeout_ms) {
        if (!started_ || !zt::wait_readable(reader_, timeout_ms))
            return std::nullopt;
        std::optional<event_v2> e = read_event_v2(reader_);
        EXPECT_TRUE(e.has_value()) << "a monitor event did not have the version 2 layout";
        return e;
    }

    // The first event of `type`, the events before it dropped; nullopt if
    // it does not come.
    std::optional<event_v2> wait_for(uint64_t type, int timeout_ms = zt::safety_timeout_ms) {
        while (std::optional<event_v2> e = next(timeout_ms))
            if (e->type == type)
                return e;
        return std::nullopt;
    }

private:
    static int reader_type(int type) { return type == ZMQ_PUB ? ZMQ_SUB : type == ZMQ_PUSH ? ZMQ_PULL : ZMQ_PAIR; }
    static std::string unique_address() {
        static std::atomic<int> counter{0};
        return "inproc://monitor-v2-" + std::to_string(counter++);
    }

    std::string address_;
    zt::socket reader_;
    bool started_ = false;
};

} // namespace tt
