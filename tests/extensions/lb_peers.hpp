// A DEALER (or PUSH, REQ) connected over inproc to n receivers, each bound
// to an endpoint of its own, and counts of what each received: the set-up
// the load-balancing tests share. inproc connects attach at once, so every
// peer is in place when connect returns, and a message sent is readable by
// its receiver (without waiting) when send returns.
#pragma once

#include "zmq_test.hpp"

#include <zmx.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace lbt {

class peers {
public:
    // rcvhwm 0: the receivers never limit what they queue.
    peers(void* ctx, int receiver_type, int count, int rcvhwm = 0) : ctx_(ctx), type_(receiver_type), rcvhwm_(rcvhwm) {
        for (int i = 0; i < count; ++i)
            add();
    }

    // Binds one more receiver; its endpoint.
    std::string add() {
        const std::string endpoint = "inproc://lb-peer-" + std::to_string(next_++);
        auto s = std::make_unique<zt::socket>(ctx_, type_);
        zt::set_int(*s, ZMQ_RCVHWM, rcvhwm_);
        zt::bind(*s, endpoint.c_str());
        receivers_.emplace(endpoint, std::move(s));
        return endpoint;
    }

    void connect_all(void* sender) {
        for (auto& [endpoint, s] : receivers_)
            zt::connect(sender, endpoint.c_str());
    }

    // The bodies each receiver has been sent so far, by endpoint (the frames
    // a ROUTER adds in front are dropped: the body is the last frame).
    std::map<std::string, std::vector<std::string>> drain() {
        std::map<std::string, std::vector<std::string>> got;
        for (auto& [endpoint, s] : receivers_) {
            auto& bodies = got[endpoint];
            for (;;) {
                zmq_msg_t frame;
                zmq_msg_init(&frame);
                if (zmq_msg_recv(&frame, *s, ZMQ_DONTWAIT) < 0) {
                    zmq_msg_close(&frame);
                    break;
                }
                if (!zmq_msg_more(&frame))
                    bodies.emplace_back(static_cast<const char*>(zmq_msg_data(&frame)), zmq_msg_size(&frame));
                zmq_msg_close(&frame);
            }
        }
        return got;
    }

    void* receiver(const std::string& endpoint) { return *receivers_.at(endpoint); }
    void remove(const std::string& endpoint) { receivers_.erase(endpoint); }

private:
    void* ctx_;
    int type_;
    int rcvhwm_;
    int next_ = 0;
    std::map<std::string, std::unique_ptr<zt::socket>> receivers_;
};

// Which receiver got each body: body -> endpoint.
inline std::map<std::string, std::string> owners(const std::map<std::string, std::vector<std::string>>& got) {
    std::map<std::string, std::string> by_body;
    for (const auto& [endpoint, bodies] : got)
        for (const auto& body : bodies)
            by_body[body] = endpoint;
    return by_body;
}

inline void* sender(void* ctx, int type, int policy) {
    void* s = zmq_socket(ctx, type);
    int zero = 0;
    zmq_setsockopt(s, ZMQ_LINGER, &zero, sizeof zero);
    zmq_setsockopt(s, ZMQ_SNDHWM, &zero, sizeof zero);
    zmq_setsockopt(s, ZMQ_SNDTIMEO, &zt::safety_timeout_ms, sizeof(int));
    EXPECT_EQ(zmq_setsockopt(s, ZMX_LB_POLICY, &policy, sizeof policy), 0) << zmq_strerror(zmq_errno());
    return s;
}

} // namespace lbt
