// A received message kept open, so a test can read its metadata with
// zmq_msg_gets and zmq_msg_get after the receive.
#pragma once

#include "zmq_test.hpp"

#include <cerrno>
#include <optional>
#include <string>

namespace tt {

class received_message {
public:
    explicit received_message(void* s) {
        zmq_msg_init(&msg_);
        ok_ = zmq_msg_recv(&msg_, s, 0) >= 0;
        EXPECT_TRUE(ok_) << zmq_strerror(zmq_errno());
    }
    ~received_message() { zmq_msg_close(&msg_); }
    received_message(const received_message&) = delete;
    received_message& operator=(const received_message&) = delete;

    bool ok() const { return ok_; }
    std::string text() { return std::string(static_cast<const char*>(zmq_msg_data(&msg_)), zmq_msg_size(&msg_)); }

    // A property's value, or nullopt with the errno of the failed lookup in
    // `error`.
    std::optional<std::string> property(const char* name) {
        errno = 0;
        const char* value = zmq_msg_gets(&msg_, name);
        error = value ? 0 : zmq_errno();
        return value ? std::optional<std::string>(value) : std::nullopt;
    }
    int get(int what) { return zmq_msg_get(&msg_, what); }

    int error = 0;

private:
    zmq_msg_t msg_;
    bool ok_ = false;
};

} // namespace tt
