// A ZAP handler (RFC 27) for tests: a REP bound at inproc://zeromq.zap.01
// that answers each request in a thread of its own, by a policy the test
// gives, and keeps the requests it saw.
//
// The REP sees a request without its empty delimiter: version, request
// id, domain, address, identity, mechanism, then the credentials. The
// answer is the status code, user id and metadata (ZMTP properties); the
// handler adds version, request id and status text.
#pragma once

#include "zmq_test.hpp"

#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace tt {

using zap_request = std::vector<std::string>;

struct zap_answer {
    std::string status;
    std::string user_id;
    std::string metadata;
};

// Metadata as a ZAP reply carries it: a name of up to 255 bytes after its
// length byte, the value after its 32-bit big-endian length.
inline std::string zap_property(const std::string& name, const std::string& value) {
    std::string encoded(1, static_cast<char>(name.size()));
    encoded += name;
    const auto size = static_cast<uint32_t>(value.size());
    for (int shift = 24; shift >= 0; shift -= 8)
        encoded += static_cast<char>((size >> shift) & 0xff);
    return encoded + value;
}

// 200 with user_id for PLAIN's user and password, 400 for anything else.
inline std::function<zap_answer(const zap_request&)> accept_plain(std::string user, std::string password,
                                                                  std::string user_id = "") {
    return [=](const zap_request& request) {
        const bool known = request.size() == 8 && request[5] == "PLAIN" && request[6] == user &&
                           request[7] == password;
        return known ? zap_answer{"200", user_id, ""} : zap_answer{"400", "", ""};
    };
}

// 200 with user_id for a CURVE client whose long-term public key (32
// bytes) is `key`, 400 for any other.
inline std::function<zap_answer(const zap_request&)> accept_curve(std::string key, std::string user_id = "") {
    return [=](const zap_request& request) {
        const bool known = request.size() == 7 && request[5] == "CURVE" && request[6] == key;
        return known ? zap_answer{"200", user_id, ""} : zap_answer{"400", "", ""};
    };
}

class zap_handler {
public:
    using policy = std::function<zap_answer(const zap_request&)>;

    // Bound before the constructor returns: a handshake that starts after
    // it finds the handler.
    zap_handler(void* ctx, policy answer)
        : answer_(std::move(answer)), rep_(ctx, ZMQ_REP), stop_(ctx, ZMQ_PAIR), stop_end_(ctx, ZMQ_PAIR) {
        static std::atomic<int> counter{0};
        const std::string stop_address = "inproc://zap-handler-stop-" + std::to_string(counter++);
        zt::bind(rep_, "inproc://zeromq.zap.01");
        zt::bind(stop_, stop_address.c_str());
        zt::connect(stop_end_, stop_address.c_str());
        thread_ = std::thread([this] { serve(); });
    }

    ~zap_handler() {
        zt::send_str(stop_end_, "stop");
        thread_.join();
    }

    zap_handler(const zap_handler&) = delete;
    zap_handler& operator=(const zap_handler&) = delete;

    std::vector<zap_request> requests() const {
        std::lock_guard lock(mutex_);
        return requests_;
    }

private:
    // Answers until the stop socket speaks; polls both so that stopping
    // needs no timeout.
    void serve() {
        zmq_pollitem_t items[] = {{rep_, 0, ZMQ_POLLIN, 0}, {stop_, 0, ZMQ_POLLIN, 0}};
        while (zmq_poll(items, 2, -1) >= 0 && !(items[1].revents & ZMQ_POLLIN)) {
            if (!(items[0].revents & ZMQ_POLLIN))
                continue;
            const zap_request request = zt::recv_multipart(rep_);
            {
                std::lock_guard lock(mutex_);
                requests_.push_back(request);
            }
            const zap_answer a = answer_(request);
            const std::string request_id = request.size() > 1 ? request[1] : "";
            zt::send_multipart(rep_, {"1.0", request_id, a.status, "status text", a.user_id, a.metadata});
        }
    }

    policy answer_;
    zt::socket rep_;
    zt::socket stop_;      // the handler thread's
    zt::socket stop_end_;  // the test thread's
    mutable std::mutex mutex_;
    std::vector<zap_request> requests_;
    std::thread thread_;
};

} // namespace tt
