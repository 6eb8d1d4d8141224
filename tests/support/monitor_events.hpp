// Reading zmq_socket_monitor events in tests (tcp and ipc connections,
// interop with libzmq).
//
// An event is two frames on the monitor's PAIR: 6 bytes (16-bit event,
// 32-bit value, both in host order) flagged MORE, then the endpoint string.
// event_monitor starts a monitor on a unique inproc address, connects a PAIR
// to it and decodes what arrives, reporting a malformed event as a failure.
#pragma once

#include "zmq_test.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tt {

struct event {
    int type = 0;
    uint32_t value = 0;
    std::string endpoint;
};

inline const char* event_name(int type) {
    switch (type) {
    case ZMQ_EVENT_CONNECTED: return "CONNECTED";
    case ZMQ_EVENT_CONNECT_DELAYED: return "CONNECT_DELAYED";
    case ZMQ_EVENT_CONNECT_RETRIED: return "CONNECT_RETRIED";
    case ZMQ_EVENT_LISTENING: return "LISTENING";
    case ZMQ_EVENT_BIND_FAILED: return "BIND_FAILED";
    case ZMQ_EVENT_ACCEPTED: return "ACCEPTED";
    case ZMQ_EVENT_ACCEPT_FAILED: return "ACCEPT_FAILED";
    case ZMQ_EVENT_CLOSED: return "CLOSED";
    case ZMQ_EVENT_CLOSE_FAILED: return "CLOSE_FAILED";
    case ZMQ_EVENT_DISCONNECTED: return "DISCONNECTED";
    case ZMQ_EVENT_MONITOR_STOPPED: return "MONITOR_STOPPED";
    case ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL: return "HANDSHAKE_FAILED_NO_DETAIL";
    case ZMQ_EVENT_HANDSHAKE_SUCCEEDED: return "HANDSHAKE_SUCCEEDED";
    case ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL: return "HANDSHAKE_FAILED_PROTOCOL";
    case ZMQ_EVENT_HANDSHAKE_FAILED_AUTH: return "HANDSHAKE_FAILED_AUTH";
    default: return "UNKNOWN";
    }
}

// Event names, so that a sequence that differs prints readably.
inline std::vector<std::string> names(const std::vector<event>& events) {
    std::vector<std::string> result;
    for (const event& e : events)
        result.push_back(event_name(e.type));
    return result;
}

inline std::string describe(const std::vector<event>& events) {
    std::string text;
    for (const event& e : events)
        text += std::string(event_name(e.type)) + "(" + std::to_string(e.value) + ", \"" + e.endpoint + "\") ";
    return text;
}

// What is left of events once those of (re)connecting and handshaking are
// taken out: what an idle connection that stays up must not show.
inline std::vector<event> other_than_connecting(const std::vector<event>& events) {
    std::vector<event> others;
    for (const event& e : events)
        if (e.type != ZMQ_EVENT_CONNECT_DELAYED && e.type != ZMQ_EVENT_CONNECTED &&
            e.type != ZMQ_EVENT_HANDSHAKE_SUCCEEDED)
            others.push_back(e);
    return others;
}

// libzmq handles a socket's pending commands (a pipe to drop, a connection
// to end) only inside API calls on that socket. Asking for ZMQ_EVENTS is the
// cheapest such call; tests use it to drive a socket they otherwise leave
// alone while they wait for a peer's event.
inline void process_commands(void* s) {
    int events = 0;
    size_t size = sizeof events;
    zmq_getsockopt(s, ZMQ_EVENTS, &events, &size);
}

class event_monitor {
public:
    event_monitor(void* ctx, void* watched, int mask = ZMQ_EVENT_ALL)
        : address_(unique_address()), pair_(ctx, ZMQ_PAIR) {
        started_ = zmq_socket_monitor(watched, address_.c_str(), mask) == 0;
        EXPECT_TRUE(started_) << "zmq_socket_monitor: " << zmq_strerror(zmq_errno());
        EXPECT_EQ(zmq_connect(pair_, address_.c_str()), 0) << zmq_strerror(zmq_errno());
    }

    // The next event, or nullopt when none arrived within timeout_ms.
    std::optional<event> next(int timeout_ms = zt::safety_timeout_ms) {
        if (!started_ || !zt::wait_readable(pair_, timeout_ms))
            return std::nullopt;
        zmq_msg_t frame;
        zmq_msg_init(&frame);
        std::optional<event> result;
        if (zmq_msg_recv(&frame, pair_, 0) == 6 && zmq_msg_more(&frame)) {
            event e;
            uint16_t type;
            const auto* bytes = static_cast<const unsigned char*>(zmq_msg_data(&frame));
            std::memcpy(&type, bytes, sizeof type);
            std::memcpy(&e.value, bytes + sizeof type, sizeof e.value);
            e.type = type;
            if (zmq_msg_recv(&frame, pair_, 0) >= 0 && !zmq_msg_more(&frame)) {
                e.endpoint.assign(static_cast<const char*>(zmq_msg_data(&frame)), zmq_msg_size(&frame));
                result = e;
            }
        }
        zmq_msg_close(&frame);
        EXPECT_TRUE(result.has_value()) << "a monitor event did not have the two-frame layout";
        return result;
    }

    // Reads events until one of `type` arrives and returns it; the events
    // before it are dropped. `pump`, when given, is called between short
    // reads (see process_commands).
    std::optional<event> wait_for(int type, int timeout_ms = zt::safety_timeout_ms,
                                  const std::function<void()>& pump = {}) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
        while (std::chrono::steady_clock::now() < deadline) {
            if (pump)
                pump();
            std::optional<event> e = next(pump ? pump_slice_ms : remaining_ms(deadline));
            if (e && e->type == type)
                return e;
        }
        return std::nullopt;
    }

    // Every event up to and including the first of `type`, in order; the
    // events read so far if it does not come within timeout_ms.
    std::vector<event> until(int type, int timeout_ms = zt::safety_timeout_ms,
                             const std::function<void()>& pump = {}) {
        std::vector<event> events;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
        while (std::chrono::steady_clock::now() < deadline) {
            if (pump)
                pump();
            std::optional<event> e = next(pump ? pump_slice_ms : remaining_ms(deadline));
            if (!e)
                continue;
            events.push_back(*e);
            if (e->type == type)
                break;
        }
        return events;
    }

    // The events that arrive within ms, for checking that something does
    // not happen (a negative check can only wait a bounded time).
    std::vector<event> during(int ms, const std::function<void()>& pump = {}) {
        std::vector<event> events;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
        while (std::chrono::steady_clock::now() < deadline) {
            if (pump)
                pump();
            if (std::optional<event> e = next(pump ? pump_slice_ms : remaining_ms(deadline)))
                events.push_back(*e);
        }
        return events;
    }

private:
    static constexpr int pump_slice_ms = 10;

    static std::string unique_address() {
        static std::atomic<int> counter{0};
        return "inproc://transport-monitor-" + std::to_string(counter++);
    }

    static int remaining_ms(std::chrono::steady_clock::time_point deadline) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        return left.count() > 0 ? static_cast<int>(left.count()) : 0;
    }

    std::string address_;
    zt::socket pair_;
    bool started_ = false;
};

} // namespace tt
